import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Principal } from '@lib/auth';
import { currentRequestContext } from '@lib/http';
import {
  ACCESS_LOG_STORE,
  type AccessLogStore,
  type AccessQuery,
  type StoredAccessRecord,
} from './access-log.store';

/** What a query records about a read it answered: the resource and the data subjects' ids. */
export interface PersonalDataRead {
  readonly resource: string;
  readonly subjectIds: readonly string[];
  readonly scope?: string;
}

/**
 * Records every read of household or worker data, with who read it and under which correlation id. Callers
 * await `record` before answering: a read that is not logged is not answered.
 */
@Injectable()
export class AccessLog implements OnApplicationShutdown {
  constructor(@Inject(ACCESS_LOG_STORE) private readonly store: AccessLogStore) {}

  async record(principal: Principal, read: PersonalDataRead, correlationId?: string): Promise<void> {
    await this.store.append({
      actorSub: principal.sub,
      actorRole: principal.role,
      resource: read.resource,
      subjectIds: read.subjectIds,
      scope: read.scope,
      correlationId: correlationId ?? currentRequestContext()?.correlationId ?? 'none',
    });
  }

  find(query: AccessQuery): Promise<StoredAccessRecord[]> {
    return this.store.find(query);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

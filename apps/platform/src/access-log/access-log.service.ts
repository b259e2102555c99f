import { join } from 'node:path';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Principal } from '@lib/auth';
import { currentRequestContext } from '@lib/http';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config';
import { SqliteAccessLog, type AccessQuery, type StoredAccessRecord } from './access-log.store';

/** What a query records about a read it answered: the resource and the data subjects' ids. */
export interface PersonalDataRead {
  readonly resource: string;
  readonly subjectIds: readonly string[];
  readonly scope?: string;
}

/** Records every read of household or worker data, with who read it and under which correlation id. */
@Injectable()
export class AccessLog implements OnApplicationShutdown {
  private readonly store: SqliteAccessLog;

  constructor(@Inject(PLATFORM_CONFIG) config: PlatformConfig) {
    this.store = SqliteAccessLog.open(join(config.dataDir, 'access-log.sqlite'));
  }

  record(principal: Principal, read: PersonalDataRead, correlationId?: string): void {
    this.store.append({
      actorSub: principal.sub,
      actorRole: principal.role,
      resource: read.resource,
      subjectIds: read.subjectIds,
      scope: read.scope,
      correlationId: correlationId ?? currentRequestContext()?.correlationId ?? 'none',
    });
  }

  find(query: AccessQuery): StoredAccessRecord[] {
    return this.store.find(query);
  }

  onApplicationShutdown(): void {
    this.store.close();
  }
}

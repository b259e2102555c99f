import { join } from 'node:path';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config';
import { SqliteMatchPlanStore } from './match-plan.store';

export const MATCH_PLAN_STORE = 'MATCH_PLAN_STORE';

export const matchPlanStoreProvider = {
  provide: MATCH_PLAN_STORE,
  inject: [PLATFORM_CONFIG],
  useFactory: (config: PlatformConfig): SqliteMatchPlanStore =>
    SqliteMatchPlanStore.open(join(config.dataDir, 'match-plans.sqlite')),
};

/** Closes the plan store after the HTTP server has stopped. */
@Injectable()
export class MatchPlanStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(MATCH_PLAN_STORE) private readonly store: SqliteMatchPlanStore) {}
  onApplicationShutdown(): void {
    this.store.close();
  }
}

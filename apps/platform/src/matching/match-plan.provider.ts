import { join } from 'node:path';
import { SMALL_STORE_CONNECTIONS } from '@lib/event-store/postgres';
import { Inject, Injectable, OnApplicationShutdown, type FactoryProvider } from '@nestjs/common';
import type { DeploymentConfig } from '../config/deployment-config';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config';
import { DEPLOYMENT_CONFIG } from '../deployment/deployment.module';
import { MATCH_PLAN_STORE, type MatchPlanStore } from './match-plan.store';
import { PostgresMatchPlanStore } from './postgres-match-plan.store';
import { SqliteMatchPlanStore } from './sqlite-match-plan.store';

/**
 * PostgreSQL when the deployment names it (EVENT_STORE_URL=postgres://…): a plan made on one replica is read
 * on another. Else `match-plans.sqlite` in the data directory.
 */
export async function openMatchPlanStore(
  deployment: DeploymentConfig,
  dataDir: string,
): Promise<MatchPlanStore> {
  if (deployment.postgresUrl !== undefined)
    return PostgresMatchPlanStore.connect(deployment.postgresUrl, {
      maxConnections: SMALL_STORE_CONNECTIONS,
    });
  return SqliteMatchPlanStore.open(join(dataDir, 'match-plans.sqlite'));
}

export const matchPlanStoreProvider: FactoryProvider<Promise<MatchPlanStore>> = {
  provide: MATCH_PLAN_STORE,
  inject: [DEPLOYMENT_CONFIG, PLATFORM_CONFIG],
  useFactory: (deployment: DeploymentConfig, config: PlatformConfig) =>
    openMatchPlanStore(deployment, config.dataDir),
};

/** Closes the plan store (its file, or its pool) after the HTTP server has stopped. */
@Injectable()
export class MatchPlanStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(MATCH_PLAN_STORE) private readonly store: MatchPlanStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

import { join } from 'node:path';
import { SMALL_STORE_CONNECTIONS } from '@lib/event-store/postgres';
import type { FactoryProvider } from '@nestjs/common';
import type { DeploymentConfig } from '../config/deployment-config';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config';
import { DEPLOYMENT_CONFIG } from '../deployment/deployment.module';
import { ACCESS_LOG_STORE, type AccessLogStore } from './access-log.store';
import { PostgresAccessLog } from './postgres-access-log.store';
import { SqliteAccessLog } from './sqlite-access-log.store';

/**
 * PostgreSQL when the deployment names it (EVENT_STORE_URL=postgres://…): one log for every replica and
 * service. Else `access-log.sqlite` in the data directory.
 */
export async function openAccessLogStore(
  deployment: DeploymentConfig,
  dataDir: string,
): Promise<AccessLogStore> {
  if (deployment.postgresUrl !== undefined)
    return PostgresAccessLog.connect(deployment.postgresUrl, { maxConnections: SMALL_STORE_CONNECTIONS });
  return SqliteAccessLog.open(join(dataDir, 'access-log.sqlite'));
}

export const accessLogStoreProvider: FactoryProvider<Promise<AccessLogStore>> = {
  provide: ACCESS_LOG_STORE,
  inject: [DEPLOYMENT_CONFIG, PLATFORM_CONFIG],
  useFactory: (deployment: DeploymentConfig, config: PlatformConfig) =>
    openAccessLogStore(deployment, config.dataDir),
};

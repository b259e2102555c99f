import { join } from 'node:path';
import { SMALL_STORE_CONNECTIONS } from '@lib/event-store/postgres';
import { Inject, Injectable, OnApplicationShutdown, type FactoryProvider } from '@nestjs/common';
import {
  IDEMPOTENCY_STORE,
  PostgresIdempotencyStore,
  SqliteIdempotencyStore,
  type IdempotencyStore,
} from '@lib/http';
import type { DeploymentConfig } from '../config/deployment-config';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config';
import { DEPLOYMENT_CONFIG } from '../deployment/deployment.module';

/**
 * PostgreSQL when the deployment names it (EVENT_STORE_URL=postgres://…): every replica of a service answers a
 * retry the same. Else `idempotency.sqlite` in the data directory, for the one process that owns it.
 */
export async function openIdempotencyStore(
  deployment: DeploymentConfig,
  dataDir: string,
): Promise<IdempotencyStore> {
  if (deployment.postgresUrl !== undefined)
    return PostgresIdempotencyStore.connect(deployment.postgresUrl, {
      maxConnections: SMALL_STORE_CONNECTIONS,
    });
  return SqliteIdempotencyStore.open(join(dataDir, 'idempotency.sqlite'));
}

export const idempotencyStoreProvider: FactoryProvider<Promise<IdempotencyStore>> = {
  provide: IDEMPOTENCY_STORE,
  inject: [DEPLOYMENT_CONFIG, PLATFORM_CONFIG],
  useFactory: (deployment: DeploymentConfig, config: PlatformConfig) =>
    openIdempotencyStore(deployment, config.dataDir),
};

/** Closes the idempotency store (its file, or its pool) after the HTTP server has stopped. */
@Injectable()
export class IdempotencyStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

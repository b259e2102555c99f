import { join } from 'node:path';
import {
  MongoReadStore,
  PostgresReadStore,
  SqliteReadStore,
  type AnyCollection,
  type ReadStore,
} from '@lib/read-store';
import type { DeploymentConfig } from './deployment-config';

/** Where one read store lives: a SQLite file in the data directory, or a schema of the PostgreSQL database. */
export interface ReadStorePlace {
  readonly sqliteFile: string;
  readonly postgresSchema: string;
}

/** The employment monitor's read models (the platform's, the monitor service's, the rebuild command's). */
export const MONITOR_READ_MODELS: ReadStorePlace = {
  sqliteFile: 'read-models.sqlite',
  postgresSchema: 'monitor_read_models',
};

/**
 * MongoDB when MONGO_URL is set (database from its path); else PostgreSQL when EVENT_STORE_URL names one
 * (a schema of that database, so every replica of the monitor reads the same documents); else a SQLite file
 * in the data directory.
 */
export async function openReadStore(
  deployment: DeploymentConfig,
  dataDir: string,
  place: ReadStorePlace,
  collections: readonly AnyCollection[],
): Promise<ReadStore> {
  if (deployment.mongoUrl !== undefined) {
    return MongoReadStore.connect(deployment.mongoUrl, deployment.mongoDatabase, collections);
  }
  if (deployment.postgresUrl !== undefined) {
    return PostgresReadStore.connect(deployment.postgresUrl, collections, { schema: place.postgresSchema });
  }
  return SqliteReadStore.open(join(dataDir, place.sqliteFile), collections);
}

import { join } from 'node:path';
import { MongoReadStore, SqliteReadStore, type AnyCollection, type ReadStore } from '@lib/read-store';
import type { DeploymentConfig } from './deployment-config';

/**
 * MongoDB when MONGO_URL is set (database from its path), else a SQLite file in the data directory: the
 * distributed services keep their read models and checkpoints where the deployment says.
 */
export async function openReadStore(
  deployment: DeploymentConfig,
  dataDir: string,
  sqliteFile: string,
  collections: readonly AnyCollection[],
): Promise<ReadStore> {
  if (deployment.mongoUrl !== undefined) {
    return MongoReadStore.connect(deployment.mongoUrl, deployment.mongoDatabase, collections);
  }
  return SqliteReadStore.open(join(dataDir, sqliteFile), collections);
}

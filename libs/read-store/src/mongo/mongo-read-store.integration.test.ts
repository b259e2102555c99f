/**
 * The read store contract against a real MongoDB replica set (transactions need one), e.g.
 * `MONGO_URL='mongodb://localhost:27017/?replicaSet=rs0' npm run test:integration`. Each test uses its own
 * database, dropped at the end. Without MONGO_URL it skips itself, visibly and by condition.
 */
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { readStoreContract, type ReadStoreHarness } from '../testing/read-store.contract';
import { MongoReadStore } from './mongo-read-store';
import { describeSkippedSuite } from '@lib/testing';

const url = process.env.MONGO_URL;
const databases: string[] = [];

if (!url) {
  describeSkippedSuite('MongoDB read store contract', 'MONGO_URL');
} else {
  afterAll(async () => {
    const connection = await mongoose.createConnection(url).asPromise();
    for (const name of databases) await connection.useDb(name).dropDatabase();
    await connection.close();
  });
  const harness = (): ReadStoreHarness => {
    let dbName = '';
    return {
      reset: async () => {
        dbName = `read_store_contract_${randomUUID().slice(0, 8)}`;
        databases.push(dbName);
      },
      open: (collections) => MongoReadStore.connect(url, dbName, collections),
    };
  };
  readStoreContract('MongoDB', harness);
}

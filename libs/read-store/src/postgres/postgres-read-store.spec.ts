/**
 * The read store contract against a real PostgreSQL server (PG_URL, e.g.
 * `postgres://postgres:postgres@127.0.0.1:5432/postgres`): the suite gets a database of its own, and each test
 * a fresh schema in it. Without PG_URL it skips itself, saying so.
 */
import { describeWithPostgres } from '@lib/testing';
import { readStoreContract, type ReadStoreHarness } from '../testing/read-store.contract';
import { PostgresReadStore } from './postgres-read-store';

let schemas = 0;

describeWithPostgres('PostgreSQL read store', (databaseUrl) => {
  const harness = (): ReadStoreHarness => {
    let schema = '';
    return {
      reset: async () => {
        schemas += 1;
        schema = `s_${schemas}`;
      },
      open: (collections) => PostgresReadStore.connect(databaseUrl(), collections, { schema }),
    };
  };
  readStoreContract('PostgreSQL', harness);
});

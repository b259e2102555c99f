import { join } from 'node:path';
import Database from 'better-sqlite3';
import { temporaryDirectoryPerTest } from '@lib/testing';
import { SqliteAccessLog } from './sqlite-access-log.store';
import { accessLogStoreContract } from './testing/access-log-store.contract';

describe('SqliteAccessLog', () => {
  const dir = temporaryDirectoryPerTest('access-log-');
  let file = '';

  accessLogStoreContract('SQLite', () => ({
    reset: async () => {
      file = join(dir(), 'access-log.sqlite');
    },
    open: async () => SqliteAccessLog.open(file),
    sql: async (statement) => {
      const db = new Database(file);
      try {
        db.prepare(statement).run();
      } finally {
        db.close();
      }
    },
  }));
});

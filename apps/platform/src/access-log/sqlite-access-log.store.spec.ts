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

describe('SqliteAccessLog group commit', () => {
  const dir = temporaryDirectoryPerTest('access-log-batch-');
  const record = (n: number) => ({
    actorSub: `office-${n}`,
    actorRole: 'county_office',
    resource: 'zero_employment_cases',
    subjectIds: [`h-${n}`, `h-${n}`, 'h-shared'],
    scope: '520402',
    correlationId: `c-${n}`,
  });

  it('writes the appends of one turn together, each with its own id, in the order they were made', async () => {
    const log = SqliteAccessLog.open(join(dir(), 'access-log.sqlite'));
    try {
      const ids = await Promise.all([1, 2, 3].map((n) => log.append(record(n))));
      expect(ids).toEqual([ids[0], ids[0] + 1, ids[0] + 2]);
      const found = await log.find({ subject: 'h-shared', limit: 10 });
      expect(found.map((r) => [r.id, r.correlationId, r.subjectIds])).toEqual([
        [ids[2], 'c-3', ['h-3', 'h-shared']],
        [ids[1], 'c-2', ['h-2', 'h-shared']],
        [ids[0], 'c-1', ['h-1', 'h-shared']],
      ]);
    } finally {
      await log.close();
    }
  });

  it('has an append still waiting for its commit written before a find or a close', async () => {
    const file = join(dir(), 'access-log.sqlite');
    const log = SqliteAccessLog.open(file);
    const appended = log.append(record(1));
    expect(await log.find({ actor: 'office-1', limit: 10 })).toHaveLength(1);
    const late = log.append(record(2));
    await log.close();
    await expect(Promise.all([appended, late])).resolves.toHaveLength(2);
    const reopened = SqliteAccessLog.open(file);
    try {
      expect(await reopened.find({ limit: 10 })).toHaveLength(2);
    } finally {
      await reopened.close();
    }
  });
});

import { join } from 'node:path';
import { temporaryDirectoryPerTest } from '@lib/testing';
import { SqliteIdempotencyStore } from './sqlite-idempotency.store';
import { idempotencyStoreContract } from './testing/idempotency-store.contract';

describe('SqliteIdempotencyStore', () => {
  const dir = temporaryDirectoryPerTest('idem-');
  let file = '';

  idempotencyStoreContract('SQLite', () => ({
    reset: async () => {
      file = join(dir(), 'idempotency.sqlite');
    },
    open: async (options) => SqliteIdempotencyStore.open(file, options),
  }));

  it('releases at open the keys a process that is gone left in progress, and keeps the completed ones', async () => {
    const path = join(dir(), 'i.sqlite');
    const crashed = SqliteIdempotencyStore.open(path);
    await crashed.begin('in-flight', 'a', 'h');
    await crashed.begin('done', 'a', 'h');
    await crashed.complete('done', 'a', { status: 201, body: '{}' });
    // No close: the process was killed. The next one opens the same file.
    const next = SqliteIdempotencyStore.open(path);
    expect(await next.begin('in-flight', 'a', 'h')).toEqual({ kind: 'started' });
    expect((await next.begin('done', 'a', 'h')).kind).toBe('replay');
    await next.close();
    await crashed.close();
  });
});

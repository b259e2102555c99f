import { join } from 'node:path';
import { temporaryDirectoryPerTest } from '@lib/testing';
import { SqliteIdempotencyStore } from './sqlite-idempotency.store';

describe('SqliteIdempotencyStore', () => {
  const dir = temporaryDirectoryPerTest('idem-');

  it('starts once, reports in-progress, replays when complete, refuses another request', () => {
    const store = SqliteIdempotencyStore.open(join(dir(), 'i.sqlite'));
    expect(store.begin('k', 'actor', 'h1')).toEqual({ kind: 'started' });
    expect(store.begin('k', 'actor', 'h1')).toEqual({ kind: 'in_progress' });
    expect(store.begin('k', 'actor', 'h2')).toEqual({ kind: 'mismatch' });
    store.complete('k', 'actor', { status: 201, body: '{"position":"7"}' });
    expect(store.begin('k', 'actor', 'h1')).toEqual({
      kind: 'replay',
      response: { status: 201, body: '{"position":"7"}' },
    });
    expect(store.begin('k', 'other-actor', 'h2')).toEqual({ kind: 'started' });
    store.close();
  });

  it('forgets a released key and keeps completed ones across reopening', () => {
    const path = join(dir(), 'i.sqlite');
    const store = SqliteIdempotencyStore.open(path);
    store.begin('failed', 'a', 'h');
    store.release('failed', 'a');
    store.begin('done', 'a', 'h');
    store.complete('done', 'a', { status: 200, body: '{}' });
    store.close();
    const reopened = SqliteIdempotencyStore.open(path);
    expect(reopened.begin('failed', 'a', 'h')).toEqual({ kind: 'started' });
    expect(reopened.begin('done', 'a', 'h').kind).toBe('replay');
    reopened.close();
  });

  it('releases at open the keys a process that is gone left in progress, and keeps the completed ones', () => {
    const path = join(dir(), 'i.sqlite');
    const crashed = SqliteIdempotencyStore.open(path);
    crashed.begin('in-flight', 'a', 'h');
    crashed.begin('done', 'a', 'h');
    crashed.complete('done', 'a', { status: 201, body: '{}' });
    // No close: the process was killed. The next one opens the same file.
    const next = SqliteIdempotencyStore.open(path);
    expect(next.begin('in-flight', 'a', 'h')).toEqual({ kind: 'started' });
    expect(next.begin('done', 'a', 'h').kind).toBe('replay');
    next.close();
    crashed.close();
  });

  it('lets a retry take over a key left in progress by a stuck request, once it is stale', () => {
    let now = 1_000;
    const store = SqliteIdempotencyStore.open(join(dir(), 'i.sqlite'), { staleAfterMs: 100, now: () => now });
    store.begin('k', 'a', 'h');
    now += 50;
    expect(store.begin('k', 'a', 'h').kind).toBe('in_progress');
    now += 100;
    expect(store.begin('k', 'a', 'h').kind).toBe('started');
    expect(store.begin('k', 'a', 'h').kind).toBe('in_progress');
    store.close();
  });
});

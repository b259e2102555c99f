import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, START, WrongExpectedVersion } from '../event-store.port';
import { newEvent, newEvents, uniqueStream } from '../testing/event-fixtures';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';
import { applyDurablePragmas } from './sqlite-schema';

const directory = mkdtempSync(join(tmpdir(), 'sqlite-event-store-'));
const paths = new WeakMap<EventStore, string>();
let files = 0;

function openAt(path: string): SqliteEventStore {
  // A small page size so that the contract's reads and subscriptions cross many page boundaries.
  const store = SqliteEventStore.open(path, { pageSize: 64 });
  paths.set(store, path);
  return store;
}

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeEventStoreContract('SQLite (file)', {
  create: async () => openAt(join(directory, `store-${++files}.db`)),
  reopen: async (store) => {
    const path = paths.get(store);
    if (!path) throw new Error('not a store of this harness');
    await store.close();
    return openAt(path);
  },
});

describeEventStoreContract('SQLite (:memory:)', { create: async () => SqliteEventStore.open(':memory:') });

describe('SqliteEventStore specifics', () => {
  let path: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    path = join(directory, `specific-${++files}.db`);
    store = SqliteEventStore.open(path);
  });
  afterEach(() => store.close());

  it('leaves the file in WAL mode', async () => {
    await store.append(uniqueStream(), [newEvent()], 'no_stream');
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('sets synchronous=FULL and the busy timeout on its connection', () => {
    const db = new Database(':memory:');
    applyDurablePragmas(db, 1234);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    db.close();
  });

  it('gives gapless positions from 1, also when appends in the same commit fail', async () => {
    const stream = uniqueStream();
    await store.append(stream, [newEvent()], 'no_stream');
    const outcomes = await Promise.allSettled([
      store.append(uniqueStream(), newEvents(2), 'no_stream'),
      store.append(stream, newEvents(3), 'no_stream'),
      store.append(uniqueStream(), newEvents(2), 'no_stream'),
      store.append(stream, newEvents(2), 0),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersion);
    const positions: bigint[] = [];
    for await (const event of store.readAll()) positions.push(event.position);
    expect(positions).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n]);
    expect(await store.headPosition()).toBe(7n);
  });

  it('close() answers the appends already queued before closing the file', async () => {
    const pending = Array.from({ length: 20 }, () => store.append(uniqueStream(), [newEvent()], 'no_stream'));
    await store.close();
    const results = await Promise.all(pending);
    expect(results.map((r) => r.position).sort((a, b) => Number(a - b))).toEqual(
      Array.from({ length: 20 }, (_, i) => BigInt(i + 1)),
    );
    await expect(store.append(uniqueStream(), [newEvent()], 'any')).rejects.toThrow('closed');
    store = SqliteEventStore.open(path);
    expect(await store.headPosition()).toBe(20n);
  });

  it('close() ends live subscriptions', async () => {
    const subscription = store.subscribeAll(0n, () => undefined);
    await subscription.caughtUp;
    await store.close();
    await expect(subscription.done).resolves.toBeUndefined();
    store = SqliteEventStore.open(path);
  });

  it('gives readAllPages pages of exactly pageSize until the last, and its default is the store page size', async () => {
    await store.close();
    store = SqliteEventStore.open(path, { pageSize: 10 });
    await store.append(uniqueStream(), newEvents(25), 'no_stream');
    const sizes = async (pageSize?: number): Promise<number[]> => {
      const seen: number[] = [];
      for await (const page of store.readAllPages(START, pageSize)) seen.push(page.length);
      return seen;
    };
    expect(await sizes(7)).toEqual([7, 7, 7, 4]);
    expect(await sizes()).toEqual([10, 10, 5]);
    expect(await sizes(25)).toEqual([25]);
  });

  it('lets timers run between pages of a long catch-up with a synchronous handler', async () => {
    await store.close();
    store = SqliteEventStore.open(path, { pageSize: 50 });
    await store.append(uniqueStream(), newEvents(500), 'no_stream');
    let timerRan = false;
    let deliveredBeforeTimer = 0;
    setImmediate(() => {
      timerRan = true;
    });
    const subscription = store.subscribeAll(START, () => {
      if (!timerRan) deliveredBeforeTimer += 1;
    });
    await subscription.caughtUp;
    await subscription.stop();
    expect(timerRan).toBe(true);
    expect(deliveredBeforeTimer).toBeLessThan(500);
  });

  it('without group commit behaves the same', async () => {
    await store.close();
    store = SqliteEventStore.open(path, { groupCommit: false });
    const stream = uniqueStream();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => store.append(stream, [newEvent()], 'any')),
    );
    expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
    expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
  });

  it('rejects a malformed expected revision and an empty stream id', async () => {
    await expect(store.append(uniqueStream(), [newEvent()], -1)).rejects.toBeInstanceOf(RangeError);
    await expect(store.append('', [newEvent()], 'any')).rejects.toBeInstanceOf(TypeError);
  });
});

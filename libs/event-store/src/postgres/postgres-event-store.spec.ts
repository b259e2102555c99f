import { Client } from 'pg';
import { describeWithPostgres } from '@lib/testing';
import type { EventStore } from '../event-store.port';
import { newEvent, newEvents, uniqueStream } from '../testing/event-fixtures';
import { describeEventStoreContract } from '../testing/event-store.contract';
import type { HeldAppendWriter } from '../testing/late-commit.contract';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';

describeWithPostgres('PostgresEventStore', (databaseUrl) => {
  // A small page size so that the contract's reads and subscriptions cross many page boundaries.
  const open = (options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> =>
    PostgresEventStore.connect(databaseUrl(), { pageSize: 64, ...options });

  describeEventStoreContract('PostgreSQL', {
    create: () => open(),
    reopen: async (store) => {
      await store.close();
      return open();
    },
    holdAppend: async (streamToHold): Promise<HeldAppendWriter> => {
      let positioned!: () => void;
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const reached = new Promise<void>((resolve) => (positioned = resolve));
      const store = await open({
        beforeCommit: async ({ streamId }) => {
          if (streamId !== streamToHold) return;
          positioned();
          await released;
        },
      });
      return { store, positioned: reached, release };
    },
  });

  describe('specifics', () => {
    let stores: EventStore[] = [];
    afterEach(async () => {
      await Promise.all(stores.map((s) => s.close()));
      stores = [];
    });
    const tracked = async (options?: PostgresEventStoreOptions): Promise<PostgresEventStore> => {
      const store = await open(options);
      stores.push(store);
      return store;
    };

    it('lets exactly one of many writers in several processes win the same expected revision', async () => {
      const [a, b, c] = [await tracked(), await tracked(), await tracked()];
      const stream = uniqueStream('race');
      await a.append(stream, [newEvent()], 'no_stream');
      const outcomes = await Promise.allSettled(
        [a, b, c, a, b, c].map((store) => store.append(stream, [newEvent()], 0)),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const refusals = outcomes.filter((o) => o.status === 'rejected');
      expect(refusals.map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(
        Array(5).fill('wrong_expected_version'),
      );
      expect((await a.readStream(stream)).map((e) => e.revision)).toEqual([0, 1]);
    });

    it("accepts every one of 200 concurrent 'any' appends to one stream from four processes", async () => {
      const writers = [await tracked(), await tracked(), await tracked(), await tracked()];
      const stream = uniqueStream('any');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 200 }, (_, i) => writers[i % 4].append(stream, [newEvent()], 'any')),
      );
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      expect((await writers[0].readStream(stream)).map((e) => e.revision)).toEqual(
        Array.from({ length: 200 }, (_, i) => i),
      );
    });

    it('does not hold appends to other streams while a writer waits for an earlier append to its stream', async () => {
      let positioned!: () => void;
      let release!: () => void;
      const reached = new Promise<void>((resolve) => (positioned = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      const held = uniqueStream('held');
      const slow = await tracked({
        beforeCommit: async ({ streamId }) => {
          if (streamId !== held) return;
          positioned();
          await released;
        },
      });
      const other = await tracked();
      const first = slow.append(held, [newEvent()], 'no_stream');
      await reached;
      const second = other.append(held, [newEvent()], 'any');
      await new Promise((resolve) => setTimeout(resolve, 100));
      // While the second writer to `held` waits, another stream's append goes through.
      const elsewhere = await Promise.race([
        other.append(uniqueStream('free'), [newEvent()], 'no_stream').then(() => 'appended'),
        new Promise((resolve) => setTimeout(() => resolve('blocked'), 3000)),
      ]);
      release();
      await Promise.all([first, second]);
      expect(elsewhere).toBe('appended');
      expect((await other.readStream(held)).map((e) => e.revision)).toEqual([0, 1]);
    });

    it('gives positions in the order of the appends’ transaction ids (what a reader’s filter relies on)', async () => {
      const writers = [await tracked(), await tracked(), await tracked()];
      const prefix = uniqueStream('xid');
      await Promise.all(
        writers.map(async (writer, w) => {
          for (let i = 0; i < 30; i++)
            await writer.append(`${prefix}-${w}-${i % 3}`, newEvents(1 + (i % 3)), 'any');
        }),
      );
      const client = new Client({ connectionString: databaseUrl() });
      await client.connect();
      try {
        const { rows } = await client.query<{ xid: string }>(
          `SELECT transaction_id::text AS xid FROM events WHERE stream_id LIKE $1 ORDER BY position`,
          [`${prefix}-%`],
        );
        const xids = rows.map((r) => BigInt(r.xid));
        expect(xids).toHaveLength(180);
        for (let i = 1; i < xids.length; i++) expect(xids[i] >= xids[i - 1]).toBe(true);
      } finally {
        await client.end();
      }
    });

    it('wakes a subscription of another process by NOTIFY, without waiting for its polling', async () => {
      const reader = await tracked({ pollIntervalMs: 60_000 });
      const writer = await tracked();
      const stream = uniqueStream('notify');
      const seen: string[] = [];
      const subscription = reader.subscribeAll(await reader.headPosition(), (event) => {
        if (event.streamId === stream) seen.push(event.id);
      });
      await subscription.caughtUp;
      const events = newEvents(3);
      for (const event of events) await writer.append(stream, [event], 'any');
      const deadline = Date.now() + 5000;
      while (seen.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(seen).toEqual(events.map((e) => e.id));
      await subscription.stop();
    });

    it('keeps positions in commit order under concurrent appends from several processes', async () => {
      const writers = [await tracked(), await tracked(), await tracked()];
      const reader = await tracked();
      const prefix = uniqueStream('order');
      const start = await reader.headPosition();
      const seen: bigint[] = [];
      const subscription = reader.subscribeAll(start, (event) => {
        if (event.streamId.startsWith(prefix)) seen.push(event.position);
      });
      await Promise.all(
        writers.map(async (writer, w) => {
          for (let i = 0; i < 40; i++) await writer.append(`${prefix}-${w}-${i % 4}`, newEvents(2), 'any');
        }),
      );
      const deadline = Date.now() + 10_000;
      while (seen.length < 240 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      await subscription.stop();
      expect(seen).toHaveLength(240);
      expect([...seen].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(seen);
    });
  });
});

import {
  EventStore,
  ExpectedRevision,
  IdempotencyConflict,
  START,
  WrongExpectedVersion,
} from '../event-store.port';
import {
  appendedPart,
  expectIncreasing,
  newEvent,
  newEvents,
  readAllOf,
  uniqueStream,
} from './event-fixtures';
import { describeSubscriptionContract } from './subscription.contract';

export interface EventStoreHarness {
  /** A store ready to use; it may be shared with other tests (streams are uniquely named). */
  create(): Promise<EventStore>;
  /** Closes `store` and opens the same storage again (durability across restarts). */
  reopen?(store: EventStore): Promise<EventStore>;
}

/**
 * The behaviour every EventStore adapter must have. Streams are named with a uuid so the suite also runs
 * against a shared real server; $all checks only look at this test's streams.
 */
export function describeEventStoreContract(adapterName: string, harness: EventStoreHarness): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    const current = (): EventStore => store;

    beforeEach(async () => {
      store = await harness.create();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('append and readStream', () => {
      it('appends a batch to a new stream and reads it back in order with revisions from 0', async () => {
        const stream = uniqueStream();
        const events = newEvents(3);
        const headBefore = await store.headPosition();

        const result = await store.append(stream, events, 'no_stream');

        expect(result.nextExpectedRevision).toBe(2);
        expect(result.position).toBeGreaterThan(headBefore);
        const read = await store.readStream(stream);
        expect(read.map(appendedPart)).toEqual(events.map(appendedPart));
        expect(read.map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(read.every((e) => e.streamId === stream)).toBe(true);
        expectIncreasing(read.map((e) => e.position));
        expect(read[2].position).toBe(result.position);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
      });

      it('reads from a revision, and an unknown stream as empty', async () => {
        const stream = uniqueStream();
        await store.append(stream, newEvents(5), 'no_stream');
        expect((await store.readStream(stream, 3)).map((e) => e.revision)).toEqual([3, 4]);
        expect(await store.readStream(uniqueStream())).toEqual([]);
      });

      it('round-trips unicode text, nested data and a 1 MB event', async () => {
        const stream = uniqueStream();
        const big = newEvent('Big', { blob: randomText(1_000_000) });
        const nested = newEvent('Nested', {
          name: '贵州绣娘',
          list: [1, 2.5, null, { deep: [true] }],
          n: -0.125,
        });
        await store.append(stream, [big, nested], 'no_stream');
        const read = await store.readStream(stream);
        expect((read[0].data.blob as string).length).toBe(1_000_000);
        expect(read.map(appendedPart)).toEqual([big, nested].map(appendedPart));
      });
    });

    describe('expected revision', () => {
      const rejected = async (stream: string, expected: ExpectedRevision): Promise<WrongExpectedVersion> => {
        const error = await current()
          .append(stream, [newEvent()], expected)
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(error).toBeInstanceOf(WrongExpectedVersion);
        return error as WrongExpectedVersion;
      };

      it("'no_stream' succeeds on a new stream and fails on an existing one", async () => {
        const stream = uniqueStream();
        await store.append(stream, newEvents(2), 'no_stream');
        const error = await rejected(stream, 'no_stream');
        expect(error.actual).toBe(1);
        expect(error.streamId).toBe(stream);
      });

      it("'stream_exists' fails on a new stream and succeeds on an existing one", async () => {
        const stream = uniqueStream();
        expect((await rejected(stream, 'stream_exists')).actual).toBe('no_stream');
        await store.append(stream, [newEvent()], 'no_stream');
        expect((await store.append(stream, [newEvent()], 'stream_exists')).nextExpectedRevision).toBe(1);
      });

      it('a number must be the current revision', async () => {
        const stream = uniqueStream();
        expect((await rejected(stream, 0)).actual).toBe('no_stream');
        await store.append(stream, newEvents(3), 'no_stream');
        expect((await rejected(stream, 1)).actual).toBe(2);
        expect((await rejected(stream, 3)).actual).toBe(2);
        expect((await store.append(stream, newEvents(2), 2)).nextExpectedRevision).toBe(4);
      });

      it("'any' appends whether or not the stream exists", async () => {
        const stream = uniqueStream();
        expect((await store.append(stream, [newEvent()], 'any')).nextExpectedRevision).toBe(0);
        expect((await store.append(stream, newEvents(2), 'any')).nextExpectedRevision).toBe(2);
      });

      it('a rejected append writes nothing', async () => {
        const stream = uniqueStream();
        await store.append(stream, newEvents(2), 'no_stream');
        await rejected(stream, 0);
        await rejected(stream, 'no_stream');
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1]);
      });

      it('50 concurrent writers on one stream: each revision is won exactly once, losers get WrongExpectedVersion', async () => {
        const stream = uniqueStream();
        const writers = 50;
        let conflicts = 0;
        const writeOnce = async (writer: number): Promise<void> => {
          for (;;) {
            const read = await current().readStream(stream);
            const expected: ExpectedRevision = read.length === 0 ? 'no_stream' : read.length - 1;
            try {
              await current().append(stream, [newEvent('Written', { writer })], expected);
              return;
            } catch (error) {
              if (!(error instanceof WrongExpectedVersion)) throw error;
              conflicts += 1;
            }
          }
        };
        await Promise.all(Array.from({ length: writers }, (_, writer) => writeOnce(writer)));

        const read = await store.readStream(stream);
        expect(read.map((e) => e.revision)).toEqual(Array.from({ length: writers }, (_, i) => i));
        expect(new Set(read.map((e) => e.data.writer)).size).toBe(writers);
        expect(conflicts).toBeGreaterThan(0);
      });

      it('of 50 writers racing for the same revision exactly one wins', async () => {
        const stream = uniqueStream();
        await store.append(stream, [newEvent()], 'no_stream');
        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, () => current().append(stream, [newEvent()], 0)),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.every((o) => o.reason instanceof WrongExpectedVersion && o.reason.actual === 1)).toBe(
          true,
        );
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('idempotent retry', () => {
      it('the same ids at the same expected revision append once and answer the same', async () => {
        const stream = uniqueStream();
        const first = newEvents(2);
        const second = newEvents(3);
        const created = await store.append(stream, first, 'no_stream');
        const extended = await store.append(stream, second, 1);

        expect(await store.append(stream, first, 'no_stream')).toEqual(created);
        expect(await store.append(stream, second, 1)).toEqual(extended);
        expect(await store.append(stream, second, 'any')).toEqual(extended);
        expect((await store.readStream(stream)).map((e) => e.id)).toEqual(
          [...first, ...second].map((e) => e.id),
        );
      });

      it('a retry whose ids are only partly stored is refused and writes nothing', async () => {
        const stream = uniqueStream();
        const stored = newEvents(2);
        await store.append(stream, stored, 'no_stream');
        await expect(store.append(stream, [stored[0], newEvent()], 'no_stream')).rejects.toBeInstanceOf(
          IdempotencyConflict,
        );
        await expect(store.append(stream, [stored[1], newEvent()], 'any')).rejects.toBeInstanceOf(
          IdempotencyConflict,
        );
        expect((await store.readStream(stream)).map((e) => e.id)).toEqual(stored.map((e) => e.id));
      });
    });

    describe('the global log ($all)', () => {
      it('orders events across streams as they were appended', async () => {
        const prefix = uniqueStream('all');
        const headBefore = await store.headPosition();
        const appended: string[] = [];
        for (let i = 0; i < 12; i++) {
          const event = newEvent('Ordered', { i });
          await store.append(`${prefix}-${i % 3}`, [event], 'any');
          appended.push(event.id);
        }
        const read = await readAllOf(store, headBefore, prefix);
        expect(read.map((e) => e.id)).toEqual(appended);
        expectIncreasing(read.map((e) => e.position));
        expect(read.map((e) => e.revision)).toEqual(appended.map((_, i) => Math.floor(i / 3)));
      });

      it('honours limit and resumes after the last position read, without overlap, across many pages', async () => {
        const prefix = uniqueStream('page');
        const headBefore = await store.headPosition();
        const appended: string[] = [];
        for (let batch = 0; batch < 12; batch++) {
          const events = newEvents(100);
          await store.append(`${prefix}-${batch % 2}`, events, 'any');
          appended.push(...events.map((e) => e.id));
        }

        let limited = 0;
        for await (const event of store.readAll(headBefore, 10)) {
          expect(event.position).toBeGreaterThan(headBefore);
          limited += 1;
        }
        expect(limited).toBe(10);

        const resumed: string[] = [];
        let after = headBefore;
        while (resumed.length < appended.length) {
          let count = 0;
          for await (const event of store.readAll(after, 333)) {
            expect(event.position).toBeGreaterThan(after);
            after = event.position;
            count += 1;
            if (event.streamId.startsWith(prefix)) resumed.push(event.id);
          }
          if (count === 0) break;
        }
        expect(resumed).toEqual(appended);
        expect((await readAllOf(store, headBefore, prefix)).map((e) => e.id)).toEqual(appended);
      });

      it('reads nothing of a stream after the position of its last event', async () => {
        const stream = uniqueStream();
        const { position } = await store.append(stream, newEvents(2), 'no_stream');
        expect(position).toBeGreaterThan(START);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(position);
        // Other writers may share a real server: only this stream's events are looked at.
        expect(await readAllOf(store, position, stream)).toEqual([]);
        const [first, last] = await store.readStream(stream);
        const fromBefore = await readAllOf(store, first.position, stream);
        expect(fromBefore.map((e) => e.id)).toEqual([last.id]);
      });
    });

    describeSubscriptionContract(current);

    if (harness.reopen) {
      const reopen = harness.reopen;
      it('keeps every event, revision and position across a reopen', async () => {
        const stream = uniqueStream();
        await store.append(stream, newEvents(3), 'no_stream');
        const before = await store.readStream(stream);
        const head = await store.headPosition();

        store = await reopen(store);

        expect(await store.readStream(stream)).toEqual(before);
        expect(await store.headPosition()).toBe(head);
        expect((await store.append(stream, [newEvent()], 2)).nextExpectedRevision).toBe(3);
      });
    }
  });
}

function randomText(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,"\\/';
  const chars = new Array<string>(length);
  for (let i = 0; i < length; i++) chars[i] = alphabet[(i * 7919 + (i >> 5)) % alphabet.length];
  return chars.join('');
}

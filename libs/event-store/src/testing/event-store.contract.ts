import { EventStore, START } from '../event-store.port';
import {
  appendedPart,
  appendTwoStreamLog,
  expectIncreasing,
  newEvent,
  newEvents,
  readAllOf,
  uniqueStream,
} from './event-fixtures';
import { describeAppendRulesContract } from './append-rules.contract';
import { describeReadAllPagesContract } from './read-all-pages.contract';
import { describeSubscriptionContract } from './subscription.contract';
import { describeLateCommitContract, type LateCommitHarness } from './late-commit.contract';

export interface EventStoreHarness {
  /** A store ready to use; it may be shared with other tests (streams are uniquely named). */
  create(): Promise<EventStore>;
  /** Closes `store` and opens the same storage again (durability across restarts). */
  reopen?(store: EventStore): Promise<EventStore>;
  /** A second writer on the same storage that can hold an append uncommitted (stores with several writers). */
  holdAppend?: LateCommitHarness;
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

    describeAppendRulesContract(current);

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
        const { prefix, headBefore, ids: appended } = await appendTwoStreamLog(store, 'page', 100);

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

    describeReadAllPagesContract(current);

    describeSubscriptionContract(current);

    if (harness.holdAppend) describeLateCommitContract(current, harness.holdAppend);

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

import type { EventStore, RecordedEvent } from '../event-store.port';
import { eventually, expectIncreasing, newEvent, newEvents, readAllOf, uniqueStream } from './event-fixtures';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The catch-up subscription part of the contract; `store` gives the current test's store. */
export function describeSubscriptionContract(store: () => EventStore): void {
  describe('subscribeAll', () => {
    it('catches up, goes live with no gap and no duplicate while writers keep appending, one event at a time', async () => {
      const prefix = uniqueStream('sub');
      const start = await store().headPosition();
      for (let i = 0; i < 5; i++) await store().append(`${prefix}-${i}`, newEvents(20), 'no_stream');

      const delivered: RecordedEvent[] = [];
      let inHandler = 0;
      let overlapped = false;
      let caughtUpCalls = 0;
      const subscription = store().subscribeAll(
        start,
        async (event) => {
          inHandler += 1;
          if (inHandler > 1) overlapped = true;
          if (event.revision % 7 === 0) await pause(1);
          delivered.push(event);
          inHandler -= 1;
        },
        { onCaughtUp: () => (caughtUpCalls += 1) },
      );

      // Writers run across the switch from catch-up to live: before, during and after it.
      const writers = Array.from({ length: 5 }, async (_, w) => {
        for (let i = 0; i < 30; i++) {
          await store().append(`${prefix}-${w}`, [newEvent('Live', { w, i })], 'any');
          if (i % 10 === 0) await pause(2);
        }
      });
      await subscription.caughtUp;
      await Promise.all(writers);
      const expected = await readAllOf(store(), start, prefix);
      expect(expected).toHaveLength(5 * 20 + 5 * 30);
      const ours = (): RecordedEvent[] => delivered.filter((e) => e.streamId.startsWith(prefix));
      await eventually(() => ours().length >= expected.length);
      await pause(20);

      expect(ours().map((e) => e.id)).toEqual(expected.map((e) => e.id));
      expectIncreasing(delivered.map((e) => e.position));
      expect(delivered[0].position).toBeGreaterThan(start);
      expect(overlapped).toBe(false);
      expect(caughtUpCalls).toBe(1);

      await subscription.stop();
      await expect(subscription.done).resolves.toBeUndefined();
    });

    it('catches up from a position in the middle of the log', async () => {
      const stream = uniqueStream('mid');
      await store().append(stream, newEvents(3), 'no_stream');
      const [, second] = await store().readStream(stream);
      const delivered: string[] = [];
      const subscription = store().subscribeAll(second.position, (event) => {
        if (event.streamId === stream) delivered.push(event.id);
      });
      await subscription.caughtUp;
      const [, , third] = await store().readStream(stream);
      expect(delivered).toEqual([third.id]);
      await subscription.stop();
    });

    it('is caught up at once from the head, then delivers new appends', async () => {
      const stream = uniqueStream('head');
      await store().append(stream, [newEvent()], 'no_stream');
      const delivered: string[] = [];
      const subscription = store().subscribeAll(await store().headPosition(), (event) => {
        if (event.streamId === stream) delivered.push(event.id);
      });
      await subscription.caughtUp;
      expect(delivered).toEqual([]);
      const live = newEvent('Live');
      await store().append(stream, [live], 0);
      await eventually(() => delivered.length === 1);
      expect(delivered).toEqual([live.id]);
      await subscription.stop();
    });

    it('delivers nothing after stop() and resolves done', async () => {
      const stream = uniqueStream('stop');
      const delivered: string[] = [];
      const subscription = store().subscribeAll(await store().headPosition(), (event) => {
        if (event.streamId === stream) delivered.push(event.id);
      });
      await subscription.caughtUp;
      await subscription.stop();
      await store().append(stream, [newEvent()], 'no_stream');
      await pause(50);
      expect(delivered).toEqual([]);
      await expect(subscription.done).resolves.toBeUndefined();
    });

    it('rejects done when the handler fails, and delivers nothing more', async () => {
      const stream = uniqueStream('fail');
      let calls = 0;
      const subscription = store().subscribeAll(await store().headPosition(), (event) => {
        if (event.streamId !== stream) return;
        calls += 1;
        throw new Error('projection broke');
      });
      await subscription.caughtUp;
      await store().append(stream, newEvents(3), 'no_stream');
      await expect(subscription.done).rejects.toThrow('projection broke');
      expect(calls).toBe(1);
    });
  });
}

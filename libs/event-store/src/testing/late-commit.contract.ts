import type { EventStore, RecordedEvent } from '../event-store.port';
import { eventually, newEvent, uniqueStream } from './event-fixtures';

/** A writer whose append to one stream takes its position and then waits, uncommitted, until released. */
export interface HeldAppendWriter {
  readonly store: EventStore;
  /** Resolves once the held append has taken its position and waits before its commit. */
  readonly positioned: Promise<void>;
  release(): void;
}

/** How a server-backed store lets the contract make a commit arrive late (several writers at once). */
export type LateCommitHarness = (streamToHold: string) => Promise<HeldAppendWriter>;

/**
 * A transaction that took an earlier position but commits later must never be skipped by a reader that
 * already passed it: the global log a reader sees only grows at its end.
 */
export function describeLateCommitContract(store: () => EventStore, holdAppend: LateCommitHarness): void {
  describe('a commit that arrives late', () => {
    it('is delivered, in position order, to a subscription and to readAll that began before it', async () => {
      const held = uniqueStream('late-a');
      const other = uniqueStream('late-b');
      const start = await store().headPosition();
      const writer = await holdAppend(held);
      try {
        const delivered: RecordedEvent[] = [];
        const subscription = store().subscribeAll(start, (event) => {
          if (event.streamId === held || event.streamId === other) delivered.push(event);
        });
        await subscription.caughtUp;

        const late = writer.store.append(held, [newEvent('Late')], 'no_stream');
        await writer.positioned;
        // Positioned after the held one, committed before it.
        const early = await writer.store.append(other, [newEvent('Early')], 'no_stream');
        const read = collect(store().readAll(start));
        await new Promise((resolve) => setTimeout(resolve, 300));
        // Nothing after the held position may be seen while it is not committed.
        expect(delivered).toEqual([]);

        writer.release();
        const lateResult = await late;
        expect(lateResult.position).toBeLessThan(early.position);
        await eventually(() => delivered.length === 2);
        expect(delivered.map((e) => e.streamId)).toEqual([held, other]);
        const all = (await read).filter((e) => e.streamId === held || e.streamId === other);
        expect(all.map((e) => e.streamId)).toEqual([held, other]);
        await subscription.stop();
      } finally {
        writer.release();
        await writer.store.close();
      }
    });
  });
}

async function collect(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

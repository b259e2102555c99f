import fc from 'fast-check';
import type { EventStore, Position, RecordedEvent } from '@lib/event-store';
import { SqliteReadStore } from '@lib/read-store';
import { AppliedPositions } from './applied-positions';
import { MONITOR_COLLECTIONS } from './monitor-collections';

const CHECKPOINT = 'feed';

/** A log holding events at exactly these positions (gaps allowed): all AppliedPositions reads of a store. */
function logAt(positions: readonly number[]): EventStore {
  const sorted = [...positions].sort((a, b) => a - b).map(BigInt);
  return {
    async *readAll(after: Position = 0n, limit = Infinity): AsyncIterable<RecordedEvent> {
      let given = 0;
      for (const position of sorted) {
        if (position <= after) continue;
        if (given++ >= limit) return;
        yield { position } as RecordedEvent;
      }
    },
  } as unknown as EventStore;
}

/** Applies a batch as the feed does: step, write its changes with the checkpoint, apply. */
async function applyBatch(
  positions: AppliedPositions,
  log: EventStore,
  store: SqliteReadStore,
  batch: readonly number[],
): Promise<void> {
  const step = await positions.step(log, batch.map(BigInt));
  await store.applyBatch({ changes: step.changes, checkpoint: { name: CHECKPOINT, position: step.highest } });
  positions.apply(step);
}

describe('AppliedPositions', () => {
  let store: SqliteReadStore;
  beforeEach(() => (store = SqliteReadStore.open(':memory:', MONITOR_COLLECTIONS)));
  afterEach(() => store.close());

  it('claims the positions below the lowest one a partition behind has not delivered yet', async () => {
    const log = logAt([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const positions = AppliedPositions.upTo(0n);
    await applyBatch(positions, log, store, [1, 4, 7]); // partition A
    expect([positions.caughtUp(), positions.highest()]).toEqual([1n, 7n]);
    expect(positions.pendingPositions()).toEqual([2n, 3n, 5n, 6n]);
    await applyBatch(positions, log, store, [3, 6, 9]); // partition C, before B
    expect([positions.caughtUp(), positions.highest()]).toEqual([1n, 9n]);
    await applyBatch(positions, log, store, [2, 5, 8]); // partition B
    expect([positions.caughtUp(), positions.highest()]).toEqual([9n, 9n]);
    expect(positions.pendingPositions()).toEqual([]);
  });

  it('reads which positions exist from the log, so a log with gaps does not hold it back', async () => {
    const log = logAt([10, 20, 35, 50]);
    const positions = AppliedPositions.upTo(0n);
    await applyBatch(positions, log, store, [35]);
    expect(positions.caughtUp()).toBe(9n);
    await applyBatch(positions, log, store, [10]);
    expect(positions.caughtUp()).toBe(19n);
    await applyBatch(positions, log, store, [20]);
    expect(positions.caughtUp()).toBe(35n);
    await applyBatch(positions, log, store, [50]);
    expect(positions.caughtUp()).toBe(50n);
  });

  it('finds every position in between however many pages of the log that takes', async () => {
    const odd = Array.from({ length: 3000 }, (_, i) => 2 * i + 1); // 1, 3, … 5999
    const log = logAt(odd);
    const positions = AppliedPositions.upTo(0n);
    await applyBatch(positions, log, store, [5999]);
    expect(positions.pendingPositions()).toEqual(odd.slice(0, -1).map(BigInt));
    await applyBatch(positions, log, store, odd.slice(0, 2000));
    expect(positions.caughtUp()).toBe(4000n);
    await applyBatch(positions, log, store, odd.slice(2000));
    expect(positions.caughtUp()).toBe(5999n);
  });

  it('writes nothing for a batch it had already applied (a redelivery)', async () => {
    const log = logAt([1, 2, 3, 4]);
    const positions = AppliedPositions.upTo(0n);
    await applyBatch(positions, log, store, [2, 4]);
    const again = await positions.step(log, [2n, 4n, 2n]);
    expect(again).toEqual({ highest: 4n, added: [], filled: [], changes: [] });
  });

  it('claims at a restart what it claimed before, from what it wrote', async () => {
    const log = logAt([1, 2, 3, 4, 5, 6]);
    const positions = AppliedPositions.upTo(0n);
    await applyBatch(positions, log, store, [2, 5]);
    await applyBatch(positions, log, store, [1]);
    const loaded = await AppliedPositions.load(store, CHECKPOINT);
    expect(loaded?.caughtUp()).toBe(2n);
    expect(loaded?.highest()).toBe(5n);
    expect(loaded?.pendingPositions()).toEqual([3n, 4n]);
    expect(await AppliedPositions.load(store, 'another')).toBeUndefined();
  });

  it('never claims an event not applied, never goes back, and survives restarts (any interleaving)', async () => {
    // Positions (with gaps) of a log, each in one of a few partitions; the partitions' batches interleave at random,
    // some delivered again, and the feed restarts (loads what it wrote) at random points.
    const scenario = fc
      .array(fc.record({ gap: fc.integer({ min: 1, max: 3 }), partition: fc.nat(3) }), {
        minLength: 1,
        maxLength: 60,
      })
      .chain((events) =>
        fc.record({
          events: fc.constant(events),
          schedule: fc.array(fc.record({ partition: fc.nat(3), size: fc.integer({ min: 1, max: 5 }) }), {
            maxLength: 80,
          }),
          repeats: fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
          restarts: fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
        }),
      );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ events, schedule, repeats, restarts }) => {
        const reads = SqliteReadStore.open(':memory:', MONITOR_COLLECTIONS);
        try {
          let at = 0;
          const all = events.map(({ gap, partition }) => ({ position: (at += gap), partition }));
          const log = logAt(all.map((e) => e.position));
          const queues = [0, 1, 2, 3].map((p) => all.filter((e) => e.partition === p).map((e) => e.position));
          const next = [0, 0, 0, 0];
          const applied = new Set<number>();
          let positions = AppliedPositions.upTo(0n);
          let claimed = 0n;
          // Every partition is drained at the end, so the whole log is applied.
          const rounds = [...schedule, ...[0, 1, 2, 3].map((partition) => ({ partition, size: 60 }))];
          for (const [i, { partition, size }] of rounds.entries()) {
            const from = repeats[i] ? Math.max(0, next[partition] - size) : next[partition];
            const batch = queues[partition].slice(from, from + size);
            if (batch.length === 0) continue;
            await applyBatch(positions, log, reads, batch);
            batch.forEach((p) => applied.add(p));
            next[partition] = Math.max(next[partition], from + batch.length);
            if (restarts[i]) positions = (await AppliedPositions.load(reads, CHECKPOINT)) as AppliedPositions;
            const caughtUp = positions.caughtUp();
            expect(caughtUp).toBeGreaterThanOrEqual(claimed);
            claimed = caughtUp;
            // Just below the first event not applied, if one is below the highest applied; else the highest.
            const highest = Math.max(...applied);
            const missing = all.find((e) => !applied.has(e.position) && e.position < highest);
            expect(caughtUp).toBe(BigInt(missing ? missing.position - 1 : highest));
          }
          expect(positions.caughtUp()).toBe(BigInt(at));
        } finally {
          await reads.close();
        }
      }),
      { numRuns: 150, seed: 20_250_101 },
    );
  });
});

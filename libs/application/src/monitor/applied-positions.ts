import type { EventStore, Position } from '@lib/event-store';
import { documentChanges, findAll, type AnyDocumentChanges, type ReadStore } from '@lib/read-store';
import { monitorPendingPositionsCollection, type PendingPosition } from './monitor-collections';

/** Events read per page when looking up which positions the log holds between two: the first, and the most. */
const FIRST_PAGE = 128;
const MAX_PAGE = 1024;

/** What one batch does to the positions: written with the batch, then applied to memory once it committed. */
export interface PositionsStep {
  /** The highest position applied once the batch is in: the checkpoint to write with it. */
  readonly highest: Position;
  /** Positions of the log the batch passed over without applying (another partition's), ascending. */
  readonly added: readonly Position[];
  /** Pending positions the batch applies. */
  readonly filled: readonly Position[];
  /** The pending-positions documents to write in the batch's transaction (none when nothing changes). */
  readonly changes: readonly AnyDocumentChanges[];
}

/**
 * What a feed that applies the global log out of order has applied: the Kafka-fed monitor, whose partitions
 * interleave (a stream's events stay in order in one partition, the partitions do not keep the log's order).
 *
 * It keeps the highest position applied and the pending positions: those of the log at or below it whose
 * event is not applied yet. Which positions exist is the event store's to say (SQLite's log has no gaps,
 * other engines' may), so a batch that goes past the highest reads the log's positions in between. The
 * position the feed claims, `caughtUp()`, is the one just below the lowest pending position (the highest when
 * none is): every event at or below it is applied. It never goes backwards.
 *
 * Both are written in each batch's transaction: the checkpoint holds the highest, the collection
 * `monitor_pending_positions` the pending ones. After a restart the consumer group resumes from its committed
 * offsets and does not deliver again what was applied, so this is how the feed knows it at once.
 *
 * One batch at a time: `step` (reads only), write the batch with it, then `apply` the step.
 */
export class AppliedPositions {
  private constructor(
    private highestApplied: Position,
    /** Ascending: loaded sorted, and every position added is above all the others (it was above the highest). */
    private readonly pending: Set<Position>,
  ) {}

  /** Every event up to `position` applied, none pending. */
  static upTo(position: Position): AppliedPositions {
    return new AppliedPositions(position, new Set());
  }

  /** What was written with the checkpoint `checkpointName`; undefined when there is no such checkpoint. */
  static async load(store: ReadStore, checkpointName: string): Promise<AppliedPositions | undefined> {
    const highest = await store.checkpoint(checkpointName);
    if (highest === undefined) return undefined;
    const pending = (await findAll(store, monitorPendingPositionsCollection))
      .map((doc) => BigInt(doc.position))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return new AppliedPositions(highest, new Set(pending));
  }

  /** Every event at or below it is applied. */
  caughtUp(): Position {
    const lowest = this.pending.values().next();
    return lowest.done ? this.highestApplied : lowest.value - 1n;
  }

  highest(): Position {
    return this.highestApplied;
  }

  /** Positions of the log at or below the highest whose event is not applied, ascending. */
  pendingPositions(): Position[] {
    return [...this.pending];
  }

  /** What applying a batch of events at `positions` (one partition's, repeats allowed) changes. */
  async step(events: EventStore, positions: readonly Position[]): Promise<PositionsStep> {
    const inBatch = new Set(positions);
    let highest = this.highestApplied;
    for (const position of inBatch) if (position > highest) highest = position;
    const passed =
      highest > this.highestApplied ? await positionsBetween(events, this.highestApplied, highest) : [];
    const added = passed.filter((position) => !inBatch.has(position));
    const filled = [...inBatch].filter((position) => this.pending.has(position));
    const changes =
      added.length === 0 && filled.length === 0
        ? []
        : [
            documentChanges({
              collection: monitorPendingPositionsCollection,
              upserts: new Map<string, PendingPosition>(
                added.map((p) => [p.toString(), { position: p.toString() }]),
              ),
              deletes: filled.map((p) => p.toString()),
            }),
          ];
    return { highest, added, filled, changes };
  }

  /** The batch of `step` committed. */
  apply(step: PositionsStep): void {
    for (const position of step.filled) this.pending.delete(position);
    for (const position of step.added) this.pending.add(position);
    this.highestApplied = step.highest;
  }
}

/** The positions of the log in (after, upTo], ascending. */
async function positionsBetween(events: EventStore, after: Position, upTo: Position): Promise<Position[]> {
  const positions: Position[] = [];
  let from = after;
  // Small pages first (a log with gaps holds far fewer events than positions), then larger ones.
  for (let page = FIRST_PAGE; from < upTo; page = Math.min(page * 2, MAX_PAGE)) {
    // No more events than positions in between (SQLite's log has them all), so read no more than that.
    const span = upTo - from;
    const limit = span < BigInt(page) ? Number(span) : page;
    let read = 0;
    for await (const event of events.readAll(from, limit)) {
      read += 1;
      if (event.position > upTo) return positions;
      positions.push(event.position);
      from = event.position;
    }
    if (read < limit) return positions;
  }
  return positions;
}

import { HOUSEHOLD_DOCUMENTS, OTHER_MONITOR_DOCUMENTS } from './monitor-projections';
import { decodeAppendedEvent } from '@contracts';
import { START, type EventStore, type Position, type RecordedEvent } from '@lib/event-store';
import { RegionTally } from '@lib/domain/monitor/region-tally';
import type { HouseholdEmployment, HouseholdEnvelope } from '@lib/domain/monitor/household-employment';
import {
  applyHandledEvent,
  type AnyEnvelope,
  type GuardedDocument,
  type KeyedProjection,
} from '@lib/domain/shared/keyed-projection';
import {
  documentChanges,
  type AnyDocumentChanges,
  type CollectionSpec,
  type ReadStoreWriter,
  type RebuildState,
} from '@lib/read-store';
import { regionsCollection } from './monitor-collections';
import { appendAll } from './monitor-appender';
import { PendingTransitions } from './rebuild-transitions';

/** One projection's documents, all of them, in memory for the whole rebuild. */
class Documents<TDoc extends GuardedDocument> {
  readonly docs = new Map<string, TDoc>();
  /** The document the last changing `apply` touched, before (undefined: created) and after. */
  before: TDoc | undefined;
  after: TDoc | undefined;

  constructor(
    readonly projection: KeyedProjection<TDoc, never>,
    readonly collection: CollectionSpec<TDoc, string>,
  ) {}

  /**
   * Applies an event of a type the projection handles; true when it changed (or created) a document, then
   * in `before` and `after` (fields, not a result object: this runs for every event of the log).
   */
  apply(event: AnyEnvelope): boolean {
    const key = this.projection.keyOf(event as never);
    if (key === undefined) return false;
    const before = this.docs.get(key);
    const after = applyHandledEvent(this.projection, before, event);
    if (after === before || after === undefined) return false;
    this.docs.set(key, after);
    this.before = before;
    this.after = after;
    return true;
  }

  changes(): AnyDocumentChanges {
    return documentChanges({ collection: this.collection, upserts: this.docs });
  }
}

/**
 * A rebuild's state: every document of every monitor projection in memory, applied event by event with the
 * same pure projections and revision guards as the batch writer, and written ONCE at the end. Safe because a
 * rebuild fills a fresh generation that nobody reads before the swap, and a crash before the swap drops it
 * (the next rebuild starts again from 0). Regions are summed per county in place and rolled up at the end:
 * they are additive counts and every figure is recomputed from the sums, as the batch writer does.
 *
 * The process manager's transitions are kept undecided (PendingTransitions) and, after each pass over the
 * log, only those the log does not hold yet are appended (through the same exactly-once appender): a rebuild
 * reads the monitor streams too, so after a first pass nearly every transition is already there and nothing
 * is appended again.
 */
export class MonitorRebuildState implements RebuildState {
  private readonly households = new Documents(HOUSEHOLD_DOCUMENTS.projection, HOUSEHOLD_DOCUMENTS.collection);
  private readonly others = OTHER_MONITOR_DOCUMENTS.map(
    ({ projection, collection }) => new Documents<GuardedDocument>(projection, collection),
  );
  /** The other projections that handle each event type: one lookup per event instead of one per projection. */
  private readonly othersByType = byEventType(this.others);
  private readonly householdTypes = new Set<string>(HOUSEHOLD_DOCUMENTS.projection.handles);
  private readonly regions = new RegionTally();
  /** Transitions not yet read back from the log: only what the log lacks stays in memory. */
  private readonly pending = new PendingTransitions();
  private last: Position = START;

  get position(): Position {
    return this.last;
  }

  /** Applies one stored event (decoded trusting the store's own validation on append: see decodeAppendedEvent). */
  apply(record: RecordedEvent): void {
    const event = decodeAppendedEvent(record) as AnyEnvelope;
    this.pending.seen(record);
    const households = this.households;
    if (this.householdTypes.has(event.type) && households.apply(event)) {
      const after = households.after as HouseholdEmployment;
      this.regions.move(households.before, after);
      this.pending.decided(households.before, after, event as HouseholdEnvelope);
    }
    const others = this.othersByType.get(event.type);
    if (others) for (const set of others) set.apply(event);
    this.last = record.position;
  }

  /** Appends the transitions decided so far that the log does not hold; returns how many it appended. */
  async afterPass(events: EventStore): Promise<number> {
    // An append with one event in the log and one not is appended again: appendExactlyOnce rejects the mismatch.
    const missing = this.pending.takeAppends();
    await appendAll(events, missing);
    return missing.length;
  }

  /** Writes every document and the checkpoint in one transaction of the (fresh) target. */
  async write(target: ReadStoreWriter, checkpointName: string): Promise<void> {
    const changes = [this.households, ...this.others]
      .map((set) => set.changes())
      .concat(documentChanges({ collection: regionsCollection, upserts: this.regions.regions() }))
      .filter((c) => c.upserts.size > 0);
    await target.applyBatch({ changes, checkpoint: { name: checkpointName, position: this.last } });
  }
}

function byEventType<TDoc extends GuardedDocument>(
  sets: readonly Documents<TDoc>[],
): Map<string, Documents<TDoc>[]> {
  const byType = new Map<string, Documents<TDoc>[]>();
  for (const set of sets) {
    for (const type of set.projection.handles as readonly string[]) {
      byType.set(type, [...(byType.get(type) ?? []), set]);
    }
  }
  return byType;
}

import { HOUSEHOLD_DOCUMENTS, OTHER_MONITOR_DOCUMENTS } from './monitor-projections';
import {
  addCounts,
  applyRegionDelta,
  countyDelta,
  isZeroDelta,
  regionKeysOf,
  type CountyDelta,
  type EmploymentCounts,
  type RegionEmployment,
  type RegionLevel,
} from '@lib/domain/monitor/county-employment.projection';
import type { HouseholdEmployment } from '@lib/domain/monitor/household-employment';
import {
  applyProjection,
  type AnyEnvelope,
  type GuardedDocument,
  type KeyedProjection,
} from '@lib/domain/shared/keyed-projection';
import { monitorAppendsOf, type MonitorAppend } from '@lib/domain/monitor/employment-monitor.process-manager';
import {
  documentChanges,
  type AnyDocumentChanges,
  type CollectionSpec,
  type ReadStoreWriter,
} from '@lib/read-store';
import { regionsCollection } from './monitor-collections';

/**
 * The documents one projection's events in a batch touch, loaded once, evolved in memory event by event
 * with the projection's own revision guard, written once. `dirty` is what the batch changed.
 */
class WorkingSet<TDoc extends GuardedDocument> {
  docs = new Map<string, TDoc>();
  readonly dirty = new Set<string>();
  /** The event types the projection handles, as a set: most events of a batch are not for this projection. */
  private readonly handles: ReadonlySet<string>;

  constructor(
    readonly projection: KeyedProjection<TDoc, never>,
    readonly collection: CollectionSpec<TDoc, string>,
  ) {
    this.handles = new Set<string>(projection.handles);
  }

  keysOf(events: readonly AnyEnvelope[]): string[] {
    const keys = new Set<string>();
    for (const event of events) {
      if (!this.handles.has(event.type)) continue;
      const key = this.projection.keyOf(event as never);
      if (key !== undefined) keys.add(key);
    }
    return [...keys];
  }

  async load(writer: ReadStoreWriter, events: readonly AnyEnvelope[]): Promise<void> {
    this.docs = await writer.load(this.collection, this.keysOf(events));
  }

  /** The document before and after the event; the same reference twice when the event changes nothing. */
  apply(event: AnyEnvelope): { key: string; before: TDoc | undefined; after: TDoc | undefined } | undefined {
    if (!this.handles.has(event.type)) return undefined;
    const key = this.projection.keyOf(event as never);
    if (key === undefined) return undefined;
    const before = this.docs.get(key);
    const after = applyProjection(this.projection, before, event);
    if (after !== before && after !== undefined) {
      this.docs.set(key, after);
      this.dirty.add(key);
    }
    return { key, before, after };
  }

  changes(): AnyDocumentChanges {
    const upserts = new Map<string, TDoc>();
    for (const key of this.dirty) upserts.set(key, this.docs.get(key) as TDoc);
    return documentChanges({ collection: this.collection, upserts });
  }
}

export interface MonitorBatchResult {
  /** The documents the batch changed, per collection (regions included). */
  readonly changes: readonly AnyDocumentChanges[];
  /** What the process manager asks to append, in event order. */
  readonly appends: readonly MonitorAppend[];
  /** Counties whose figures, households, cases, vacancies or subsidies changed. */
  readonly counties: ReadonlySet<string>;
}

/**
 * Applies a batch of decoded events to every monitor projection, the way `applyToMonitorReadModel` applies
 * them one by one (the runner's tests check the two agree), but loading and writing each touched document
 * once. Region documents are moved by the sum of the batch's household deltas (per county, then rolled up):
 * they are additive counts and every figure is recomputed from the sums, so summing first gives the same
 * documents.
 */
export async function projectMonitorBatch(
  events: readonly AnyEnvelope[],
  writer: ReadStoreWriter,
): Promise<MonitorBatchResult> {
  const households = new WorkingSet(HOUSEHOLD_DOCUMENTS.projection, HOUSEHOLD_DOCUMENTS.collection);
  const others = OTHER_MONITOR_DOCUMENTS.map(
    ({ projection, collection }) => new WorkingSet(projection, collection),
  );
  await Promise.all([households, ...others].map((set) => set.load(writer, events)));

  const countyDeltas = new Map<string, CountyDelta>();
  const appends: MonitorAppend[] = [];
  for (const event of events) {
    const step = households.apply(event);
    if (step && step.after !== step.before && step.after !== undefined) {
      const change = countyDelta(step.before, step.after);
      const sum = countyDeltas.get(change.countyCode);
      countyDeltas.set(
        change.countyCode,
        sum ? { ...sum, delta: addCounts(sum.delta, change.delta) } : change,
      );
      appends.push(...monitorAppendsOf(step.before, step.after, event as never));
    }
    for (const set of others) set.apply(event);
  }

  const regionDeltas = new Map<string, { level: RegionLevel; code: string; delta: EmploymentCounts }>();
  for (const change of countyDeltas.values()) {
    if (isZeroDelta(change.delta)) continue;
    for (const { level, code, key } of regionKeysOf(change)) {
      const sum = regionDeltas.get(key);
      regionDeltas.set(key, { level, code, delta: sum ? addCounts(sum.delta, change.delta) : change.delta });
    }
  }
  const stored = await writer.load(regionsCollection, [...regionDeltas.keys()]);
  const regions = new Map<string, RegionEmployment>();
  for (const [key, { level, code, delta }] of regionDeltas) {
    if (!isZeroDelta(delta)) regions.set(key, applyRegionDelta(stored.get(key), level, code, delta));
  }

  const counties = new Set<string>();
  for (const key of households.dirty)
    counties.add((households.docs.get(key) as HouseholdEmployment).countyCode);
  for (const set of others) {
    for (const key of set.dirty) {
      const county = set.docs.get(key)?.countyCode;
      if (county) counties.add(county);
    }
  }
  return {
    changes: [
      households.changes(),
      ...others.map((set) => set.changes()),
      documentChanges({ collection: regionsCollection, upserts: regions }),
    ].filter((c) => c.upserts.size > 0),
    appends,
    counties,
  };
}

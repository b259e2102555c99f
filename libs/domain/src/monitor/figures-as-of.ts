import {
  regionFigures,
  regionKey,
  ZERO_COUNTS,
  type RegionEmployment,
  type RegionLevel,
} from './county-employment.projection';
import { householdEmploymentProjection } from './household-employment.projection';
import type { HouseholdEmployment } from './household-employment';
import { RegionTally } from './region-tally';
import { applyHandledEvent, type AnyEnvelope } from '../shared/keyed-projection';
import { dayOf, endOfDay } from '../shared/business-dates';
import type { Rejection } from '../shared/decider';

/**
 * The figures as they were at an instant (ADR 0015): the household-employment projection and the region tally,
 * the same code as the live projections and the rebuild, folded over exactly the events recorded (`occurredAt`,
 * the command's clock) before the cutoff. The log's order is kept; an event recorded after the cutoff is left
 * out wherever it stands, since positions and recorded times are not strictly in step (two commands read the
 * clock, then append in either order).
 */
export class FiguresAsOfFold {
  private readonly households = new Map<string, HouseholdEmployment>();
  private readonly tally = new RegionTally();
  private readonly types = new Set<string>(householdEmploymentProjection.handles);
  private last = 0n;

  /** `cutoff`: epoch ms, the first instant of the next day; an event recorded before it counts. */
  constructor(readonly cutoff: number) {}

  /** The position of the last event offered to the fold (whether it counted or not). */
  get position(): bigint {
    return this.last;
  }

  /** Offers one event of the log, in log order: other streams' events and later-recorded ones change nothing. */
  apply(event: AnyEnvelope): void {
    if (event.position > this.last) this.last = event.position;
    if (!this.types.has(event.type) || Date.parse(event.occurredAt) >= this.cutoff) return;
    const key = householdEmploymentProjection.keyOf(event as never);
    if (key === undefined) return;
    const before = this.households.get(key);
    const after = applyHandledEvent(householdEmploymentProjection, before, event);
    if (after === before || after === undefined) return;
    this.households.set(key, after);
    this.tally.move(before, after);
  }

  /**
   * Every region document by regionKey (the households are not kept past the fold); `position`: the log
   * position the fold read to (default: the last event it was offered).
   */
  regions(position: bigint = this.last): RegionFiguresAt {
    return { regions: this.tally.regions(), position, cutoff: this.cutoff };
  }
}

/** What a fold leaves: the region documents, the position it read to, the cutoff it counted to. */
export interface RegionFiguresAt {
  readonly regions: ReadonlyMap<string, RegionEmployment>;
  readonly position: bigint;
  readonly cutoff: number;
}

/** One region's figures from a fold: zeros for a region without households then. */
export const regionFiguresAt = (at: RegionFiguresAt, level: RegionLevel, code: string): RegionEmployment =>
  at.regions.get(regionKey(level, code)) ?? regionFigures(level, code, ZERO_COUNTS);

/** The figures of `events` (in log order) at the end of `date` in Guizhou. */
export function figuresAsOf(events: Iterable<AnyEnvelope>, date: string): RegionFiguresAt {
  const fold = new FiguresAsOfFold(endOfDay(date));
  for (const event of events) fold.apply(event);
  return fold.regions();
}

/**
 * The rule on the date asked: a real calendar day, not after today in Guizhou (its end has not come, so its
 * figures are not known). Today is allowed: the figures so far.
 */
export function checkAsOf(date: string, now: string): Rejection | undefined {
  const today = dayOf(now);
  if (date <= today) return undefined;
  return {
    code: 'invalid_value',
    message: `asOf ${date} is after today (${today} in Guizhou): its figures are not known yet`,
    details: { field: 'asOf' },
  };
}

/** True when the day has ended at `now` (its figures can no longer change: an answer may be kept). */
export const dayHasEnded = (date: string, now: string): boolean => endOfDay(date) <= Date.parse(now);

import { addMonths } from '../shared/business-dates';
import type { ReportPlacement } from './household-placements.projection';

/**
 * Job retention (稳岗) of a cohort of placements: of those whose start is at least N months before today, how
 * many were still employed N months after the start (not ended before start + N months). A placement is never
 * counted retained before its N months have passed, and a voided one counts nowhere.
 */
export const RETENTION_MONTHS = [3, 6] as const;

export interface RetentionCounts {
  /** Placements made (not voided), within the window. */
  readonly placements: number;
  readonly eligibleAt3: number;
  readonly retainedAt3: number;
  readonly eligibleAt6: number;
  readonly retainedAt6: number;
}

export interface RetentionFigures extends RetentionCounts {
  /** retainedAt3 / eligibleAt3; null while none is eligible. */
  readonly retentionRateAt3: number | null;
  readonly retentionRateAt6: number | null;
}

/** Start months, both ends included (`YYYY-MM`); either may be absent. */
export interface MonthWindow {
  readonly from?: string;
  readonly to?: string;
}

export const ZERO_RETENTION: RetentionCounts = Object.freeze({
  placements: 0,
  eligibleAt3: 0,
  retainedAt3: 0,
  eligibleAt6: 0,
  retainedAt6: 0,
});

/** True for a placement that counts: not voided, started within the window. */
export function countsInWindow(p: ReportPlacement, window: MonthWindow = {}): boolean {
  if (p.voided) return false;
  const month = p.startDate.slice(0, 7);
  return (
    (window.from === undefined || month >= window.from) && (window.to === undefined || month <= window.to)
  );
}

/** Whether the placement's N months have passed by `today`, and whether it was still on at their end. */
export function retentionAt(
  p: ReportPlacement,
  months: number,
  today: string,
): { eligible: boolean; retained: boolean } {
  const due = addMonths(p.startDate, months);
  const eligible = due <= today;
  return { eligible, retained: eligible && (p.endedOn === null || p.endedOn >= due) };
}

/** What one counted placement adds to the cohort's counts at `today`. */
export function retentionOfPlacement(p: ReportPlacement, today: string): RetentionCounts {
  const at3 = retentionAt(p, 3, today);
  const at6 = retentionAt(p, 6, today);
  return {
    placements: 1,
    eligibleAt3: at3.eligible ? 1 : 0,
    retainedAt3: at3.retained ? 1 : 0,
    eligibleAt6: at6.eligible ? 1 : 0,
    retainedAt6: at6.retained ? 1 : 0,
  };
}

export const addRetention = (a: RetentionCounts, b: RetentionCounts): RetentionCounts => ({
  placements: a.placements + b.placements,
  eligibleAt3: a.eligibleAt3 + b.eligibleAt3,
  retainedAt3: a.retainedAt3 + b.retainedAt3,
  eligibleAt6: a.eligibleAt6 + b.eligibleAt6,
  retainedAt6: a.retainedAt6 + b.retainedAt6,
});

const rate = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

export const retentionFigures = (c: RetentionCounts): RetentionFigures => ({
  ...c,
  retentionRateAt3: rate(c.retainedAt3, c.eligibleAt3),
  retentionRateAt6: rate(c.retainedAt6, c.eligibleAt6),
});

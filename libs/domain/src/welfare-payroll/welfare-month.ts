import { addDays, dayOf } from '../shared/business-dates';

/**
 * The arithmetic of a public-welfare month (在岗领补): which days of a month a placement held its post, and
 * what that pays. Pure; the flow gathers the placement's facts from its household's stream.
 */

/** What the household's stream says about one public-welfare placement. */
export interface WelfareHolding {
  readonly placementId: string;
  readonly workerId: string;
  readonly householdId: string;
  readonly vacancyId: string;
  /** The county whose programme the post belongs to (the placement's welfareCountyCode). */
  readonly countyCode: string;
  /** The first day in post (YYYY-MM-DD). */
  readonly startDate: string;
  /** The day the term ends (the holder leaves at its start), after renewals; undefined once ended otherwise. */
  readonly termEndsOn?: string;
  /** When the placement ended, if it has (an instant). */
  readonly endedAt?: string;
  /** The post's monthly subsidy in yuan. */
  readonly monthlySubsidy: number;
}

export const firstDayOf = (month: string): string => `${month}-01`;

/** The number of days of a month, YYYY-MM. */
export function daysInMonth(month: string): number {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

export const lastDayOf = (month: string): string => `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;

/** A month is over once its last day has ended in Guizhou: confirmed and paid only then. */
export const monthIsOver = (month: string, now: string): boolean => dayOf(now) > lastDayOf(month);

/**
 * The last day a holder was in post: the day before the term's end day (the holder leaves at its start), and
 * no later than the day it ended (an end during a day leaves that day in post; an end at midnight does not).
 */
export function lastDayInPost(holding: WelfareHolding): string | undefined {
  const byTerm = holding.termEndsOn === undefined ? undefined : addDays(holding.termEndsOn, -1);
  const byEnd =
    holding.endedAt === undefined
      ? undefined
      : dayOf(new Date(Date.parse(holding.endedAt) - 1).toISOString());
  if (byTerm === undefined) return byEnd;
  if (byEnd === undefined) return byTerm;
  return byTerm < byEnd ? byTerm : byEnd;
}

/** How many days of the month the holder held the post: 0 when none (started after, or left before). */
export function daysHeldInMonth(holding: WelfareHolding, month: string): number {
  const from = holding.startDate > firstDayOf(month) ? holding.startDate : firstDayOf(month);
  const last = lastDayInPost(holding);
  const to = last !== undefined && last < lastDayOf(month) ? last : lastDayOf(month);
  if (to < from) return 0;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The subsidy for days in post, in fen: the whole month's for every day of it, pro rata otherwise. */
export const proRataFen = (monthlySubsidy: number, days: number, monthDays: number): number =>
  Math.round((monthlySubsidy * 100 * days) / monthDays);

import { addMonths, dayOf, startOfDay } from '../shared/business-dates';

/**
 * The term of a public-welfare post (公益性岗位: 按需设岗、以岗聘任、在岗领补、有序退岗): the holder leaves at the
 * term's end unless the county office renews the term before it runs out. Dates are calendar days in Guizhou
 * (UTC+8), as every business date is (shared/business-dates.ts, ADR 0009).
 */

/** The instant a term ending on `date` ends: the start of that day in Guizhou, in the canonical ISO form. */
export const termEndInstant = (date: string): string => new Date(startOfDay(date)).toISOString();

/** The day a term of `termMonths` that starts on `startDate` ends (the first day no longer in post). */
export const welfareTermEnd = (startDate: string, termMonths: number): string =>
  addMonths(startDate, termMonths);

/** Whether a term ending on `termEndsOn` has ended by `now` (its end day has begun). */
export const termHasEnded = (termEndsOn: string, now: string): boolean => termEndsOn <= dayOf(now);

import { addDays, dayOf, startOfDay } from '@lib/domain/shared/business-dates';
import type { Rng } from './prng';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * The days of a seed's history in Guizhou (UTC+8): day 0 is the first whole day after `now` minus `days`, the
 * last is today, which ends at `now`. Offices work 08:30–18:00, so that is when seeded commands happen.
 */
export class SeedCalendar {
  /** Minutes after midnight. */
  readonly opens = 8 * 60 + 30;
  readonly closes = 18 * 60;
  /** The end of the history, epoch ms. */
  readonly end: number;
  /** Day 0, `YYYY-MM-DD` in Guizhou. */
  readonly firstDay: string;
  /** Days from day 0 to today, both included. */
  readonly days: number;

  constructor(now: string, days: number) {
    this.end = Date.parse(now);
    if (Number.isNaN(this.end)) throw new RangeError(`Not an instant: ${now}`);
    this.firstDay = addDays(dayOf(new Date(this.end - days * DAY_MS).toISOString()), 1);
    this.days = days;
  }

  /** The instant `minute` minutes after midnight on day `day`. */
  at(day: number, minute: number): number {
    return startOfDay(addDays(this.firstDay, day)) + minute * MINUTE_MS;
  }

  /** A minute of office hours. */
  officeMinute(rng: Rng): number {
    return rng.int(this.opens, this.closes - 1);
  }

  /** `t` if the office is open then, else a time in the next opening's first two hours. */
  nextOfficeTime(t: number, rng: Rng): number {
    const day = dayOf(new Date(t).toISOString());
    const minute = (t - startOfDay(day)) / MINUTE_MS;
    if (minute >= this.opens && minute < this.closes) return t;
    const next = minute < this.opens ? day : addDays(day, 1);
    return startOfDay(next) + (this.opens + rng.int(0, 119)) * MINUTE_MS;
  }

  /** The calendar day in Guizhou at `t`. */
  dayOf(t: number): string {
    return dayOf(new Date(t).toISOString());
  }
}

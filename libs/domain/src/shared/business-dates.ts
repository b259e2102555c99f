/**
 * The bounds of business dates (dates the caller states: a job's start, its end, a training, a visit, a
 * vacancy's expiry), checked by the deciders against the `now` of the command, the server's clock read once at
 * the edge. A calendar date (a start date, a follow-up's due day) is a day in Guizhou (UTC+8, no daylight
 * saving): a job that starts there this morning is not refused before 08:00, and a follow-up is due from the
 * start of its day there. ADR 0009 lists the bounds.
 */

/** The youngest age at which a person may have started work (the labour law's minimum working age). */
export const MINIMUM_WORKING_AGE = 16;

/** How far ahead a vacancy may expire: a posting meant to stay open longer is re-posted or extended later. */
export const MAX_VACANCY_YEARS_AHEAD = 2;

/** Guizhou's offset from UTC (China Standard Time). */
const GUIZHOU_UTC_OFFSET_MS = 8 * 3_600_000;

/** The calendar day it is in Guizhou at an instant, `YYYY-MM-DD`. */
export const dayOf = (instant: string): string =>
  new Date(Date.parse(instant) + GUIZHOU_UTC_OFFSET_MS).toISOString().slice(0, 10);

/** The calendar year in Guizhou at an instant (epoch ms): ages are counted by it, as by the birth year. */
/** An instant as a county office reads it: Guizhou's wall clock, `YYYY-MM-DD HH:mm`. */
export const guizhouTimeOf = (instant: string): string =>
  new Date(Date.parse(instant) + GUIZHOU_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/**
 * How long after a cutoff events recorded before it may still be appended: a command reads the clock once, at
 * its start, and a household import begun at 23:58 appends for a while after midnight under that time.
 */
export const RECORDING_SETTLE_MS = 10 * 60_000;

export const yearOf = (epochMs: number): number => new Date(epochMs + GUIZHOU_UTC_OFFSET_MS).getUTCFullYear();

/** The instant a calendar day begins in Guizhou (16:00 UTC the day before). */
export const startOfDay = (date: string): number => Date.parse(`${date}T00:00:00+08:00`);

/** The instant a calendar day ends in Guizhou (24:00 UTC+8, 16:00 UTC that day): the next day's start. */
export const endOfDay = (date: string): number => startOfDay(addDays(date, 1));

/** The calendar day `days` after (or before, negative) a day. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * `date` plus whole months, counted on the calendar; a day the target month lacks becomes its last day
 * (2026-01-31 + 1 month is 2026-02-28). A public-welfare term and a follow-up's due day are counted so.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The first day a worker born in `birthYear` may have worked. Only the birth year is known to the platform (the
 * ID number's date of birth is never kept), so the earliest is 1 January of the year they turn 16: it never
 * refuses a true date, and lets through at most the months before their birthday in that year.
 */
export const earliestWorkingDay = (birthYear: number): string =>
  `${String(birthYear + MINIMUM_WORKING_AGE).padStart(4, '0')}-01-01`;

/** The latest expiry a vacancy may be given at `now`: the same instant MAX_VACANCY_YEARS_AHEAD years later. */
export function latestVacancyExpiry(now: string): string {
  const latest = new Date(Date.parse(now));
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_VACANCY_YEARS_AHEAD);
  return latest.toISOString();
}

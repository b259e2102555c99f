/**
 * The bounds of business dates (dates the caller states: a job's start, its end, a training, a visit, a
 * vacancy's expiry), checked by the deciders against the `now` of the command, the server's clock read once at
 * the edge. Calendar dates are UTC days, as the rest of the service counts them (a placement's default start
 * date is the UTC day of `now`). docs/OPERATIONS.md lists the bounds.
 */

/** The youngest age at which a person may have started work (the labour law's minimum working age). */
export const MINIMUM_WORKING_AGE = 16;

/** How far ahead a vacancy may expire: a posting meant to stay open longer is re-posted or extended later. */
export const MAX_VACANCY_YEARS_AHEAD = 2;

/** The UTC calendar day of an instant, `YYYY-MM-DD`. */
export const dayOf = (instant: string): string => new Date(Date.parse(instant)).toISOString().slice(0, 10);

/** The instant a calendar day begins (UTC). */
export const startOfDay = (date: string): number => Date.parse(`${date}T00:00:00Z`);

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

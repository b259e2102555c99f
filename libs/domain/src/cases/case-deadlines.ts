/**
 * The fast-response deadlines (快速响应): assistance within a county's `assistWithinDays` of the warning (the
 * first measure), cleared within `clearWithinDays`. Tongren's practice, 3 and 5 days, is the default. They are
 * county policy, read with the case: a county that changes them changes them for its open cases too, while a
 * cleared case keeps those it was cleared under (county-settings.ts, deadlinesAt).
 */
export interface CaseDeadlines {
  readonly assistWithinDays: number;
  readonly clearWithinDays: number;
}

export const DEFAULT_CASE_DEADLINES: CaseDeadlines = Object.freeze({
  assistWithinDays: 3,
  clearWithinDays: 5,
});

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(iso) + days * DAY_MS).toISOString();

export interface CaseDueDates {
  readonly assistDueAt: string;
  readonly clearDueAt: string;
}

export const dueDatesOf = (openedAt: string, deadlines: CaseDeadlines): CaseDueDates => ({
  assistDueAt: addDays(openedAt, deadlines.assistWithinDays),
  clearDueAt: addDays(openedAt, deadlines.clearWithinDays),
});

/** The colour of a case on the county's work list. */
export type CaseWarning = 'green' | 'yellow' | 'red';

/** Within this much of a deadline a case turns yellow. */
const WARN_WITHIN_MS = 24 * HOUR_MS;

/**
 * A case's colour at `now` (for a cleared case: at its clearing, how it went):
 * - red: a deadline passed unmet: the clear deadline, or the assist deadline with no measure by then;
 * - yellow: a deadline within 24 h (the assist deadline while no measure is recorded, or the clear deadline),
 *   or the assist deadline met late (the first measure came after it, and the case still waits to clear);
 * - green: in time.
 */
export function caseWarning(
  c: { readonly openedAt: string; readonly clearedAt: string | null; readonly firstMeasureAt: string | null },
  deadlines: CaseDeadlines,
  now: string,
): CaseWarning {
  const opened = Date.parse(c.openedAt);
  return warningAt(
    Date.parse(c.clearedAt ?? now),
    opened + deadlines.assistWithinDays * DAY_MS,
    opened + deadlines.clearWithinDays * DAY_MS,
    c.firstMeasureAt === null ? undefined : Date.parse(c.firstMeasureAt),
  );
}

/**
 * caseWarning on times already parsed (milliseconds): `at` (the clearing, or now), the two due times and the
 * first measure's. The work list colours every case of a county per request, so it parses each date once.
 */
export function warningAt(
  at: number,
  assistDue: number,
  clearDue: number,
  firstMeasure: number | undefined,
): CaseWarning {
  const measured = firstMeasure !== undefined && firstMeasure <= at;
  if (at > clearDue || (!measured && at > assistDue)) return 'red';
  if (measured && firstMeasure > assistDue) return 'yellow';
  if (!measured && assistDue - at <= WARN_WITHIN_MS) return 'yellow';
  return clearDue - at <= WARN_WITHIN_MS ? 'yellow' : 'green';
}

import type { ZeroEmploymentCase } from './api-types';

const DAY_MS = 24 * 3600 * 1000;
/** Tongren's practice (DOMAIN.md): assistance within 3 days of finding a case, cleared within 5. */
export const ASSIST_DUE_DAYS = 3;
export const CLEAR_DUE_DAYS = 5;

export type Urgency = 'ok' | 'soon' | 'assistOverdue' | 'clearOverdue';

export interface CaseRow extends ZeroEmploymentCase {
  readonly ageDaysNow: number;
  readonly urgency: Urgency;
  readonly assistDue: Date;
  readonly clearDue: Date;
}

const dueDate = (given: string | undefined, openedMs: number, days: number): Date =>
  given ? new Date(given) : new Date(openedMs + days * DAY_MS);

/** A case's age now and its coloured warning: "soon" within a day of the assistance deadline. */
export function caseRow(item: ZeroEmploymentCase, nowMs: number): CaseRow {
  const opened = Date.parse(item.openedAt);
  const assistDue = dueDate(item.assistDueAt, opened, ASSIST_DUE_DAYS);
  const clearDue = dueDate(item.clearDueAt, opened, CLEAR_DUE_DAYS);
  const ageDaysNow = Math.max(0, (nowMs - opened) / DAY_MS);
  const urgency: Urgency =
    item.clearOverdue || nowMs >= clearDue.getTime()
      ? 'clearOverdue'
      : item.assistOverdue || nowMs >= assistDue.getTime()
        ? 'assistOverdue'
        : assistDue.getTime() - nowMs <= DAY_MS
          ? 'soon'
          : 'ok';
  return { ...item, ageDaysNow, urgency, assistDue, clearDue };
}

const URGENCY_RANK: Record<Urgency, number> = { clearOverdue: 0, assistOverdue: 1, soon: 2, ok: 3 };

/** Overdue first (the most overdue on top), then the oldest. */
export function sortCases(items: readonly ZeroEmploymentCase[], nowMs: number): CaseRow[] {
  return items
    .map((item) => caseRow(item, nowMs))
    .sort(
      (a, b) =>
        URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
        Date.parse(a.openedAt) - Date.parse(b.openedAt) ||
        a.householdId.localeCompare(b.householdId),
    );
}

/**
 * Open cases at the end of each of the last `days` days (and now), from the open and cleared cases: a case
 * counts on a day when it was opened by then and not yet cleared.
 */
export function openCasesByDay(
  open: readonly ZeroEmploymentCase[],
  cleared: readonly ZeroEmploymentCase[],
  nowMs: number,
  days = 30,
): { at: number; open: number }[] {
  const spans = [...open, ...cleared].map((c) => ({
    from: Date.parse(c.openedAt),
    to: c.clearedAt ? Date.parse(c.clearedAt) : Infinity,
  }));
  const points: { at: number; open: number }[] = [];
  const today = new Date(nowMs);
  today.setHours(23, 59, 59, 999);
  for (let i = days - 1; i >= 0; i--) {
    const at = Math.min(today.getTime() - i * DAY_MS, nowMs);
    points.push({ at, open: spans.filter((s) => s.from <= at && s.to > at).length });
  }
  return points;
}

export const CLEAR_BUCKETS = [
  { label: '≤1', max: 1 },
  { label: '1–3', max: 3 },
  { label: '3–5', max: 5 },
  { label: '5–10', max: 10 },
  { label: '>10', max: Infinity },
] as const;

/** How many cleared cases took how long, in the buckets of the deadlines (3 and 5 days). */
export function timeToClear(cleared: readonly ZeroEmploymentCase[]): number[] {
  const counts = CLEAR_BUCKETS.map(() => 0);
  for (const c of cleared) {
    if (!c.clearedAt) continue;
    const days = (Date.parse(c.clearedAt) - Date.parse(c.openedAt)) / DAY_MS;
    const bucket = CLEAR_BUCKETS.findIndex((b) => days <= b.max);
    counts[bucket] += 1;
  }
  return counts;
}

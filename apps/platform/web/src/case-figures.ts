import type { ZeroEmploymentCase } from './api-types';

const DAY_MS = 24 * 3600 * 1000;

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

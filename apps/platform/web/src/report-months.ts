/** Months as Guizhou counts them (UTC+8), YYYY-MM: the month a report is sent for, and the months to pick from. */

const GUIZHOU_MS = 8 * 3_600_000;

/** The month `back` months before this one in Guizhou (0: this month). */
export function monthsAgo(back: number, nowMs = Date.now()): string {
  const now = new Date(nowMs + GUIZHOU_MS);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
}

/** Last month: the month a report or a payroll is done for. */
export const lastMonth = (nowMs = Date.now()): string => monthsAgo(1, nowMs);

/** This month and the `count - 1` before it, newest first. */
export const recentMonths = (count: number, nowMs = Date.now()): string[] =>
  Array.from({ length: count }, (_, i) => monthsAgo(i, nowMs));

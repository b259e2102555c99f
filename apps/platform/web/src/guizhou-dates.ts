/**
 * Days and months as Guizhou counts them (UTC+8): the platform's "today" for forms (a date never ahead of it),
 * the month a report or a payroll is done for, and the months to pick from. One place, so every page agrees.
 */

const GUIZHOU_MS = 8 * 3_600_000;

/** Today in Guizhou, YYYY-MM-DD. */
export const guizhouToday = (nowMs = Date.now()): string =>
  new Date(nowMs + GUIZHOU_MS).toISOString().slice(0, 10);

/** The day in Guizhou of an instant (ISO), YYYY-MM-DD. */
export const guizhouDay = (iso: string): string => guizhouToday(Date.parse(iso));

/** This year in Guizhou. */
export const guizhouYear = (nowMs = Date.now()): number => new Date(nowMs + GUIZHOU_MS).getUTCFullYear();

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

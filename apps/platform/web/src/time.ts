import type { Lang } from './i18n';

const DAY_MS = 24 * 3600 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as a `datetime-local` input shows it: local time to the minute. */
export function localInputValue(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today as a `date` input shows it (local). */
export function localDateValue(ms: number): string {
  return localInputValue(ms).slice(0, 10);
}

/**
 * The instant a `datetime-local` value means, as ISO 8601. A time within the current minute is "now" to the
 * second: the input has no seconds, and a visit recorded just after the case was found must not fall before it.
 */
export function instantOf(value: string, nowMs: number): string | undefined {
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  if (at <= nowMs && nowMs - at < 60_000) return new Date(nowMs).toISOString();
  return new Date(at).toISOString();
}

export const daysBetween = (fromMs: number, toMs: number): number => (toMs - fromMs) / DAY_MS;

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/** Month, day and time: the work list's and the timeline's dates (all within weeks of today). */
export function formatWhen(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatDay(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { year: 'numeric', month: 'numeric', day: 'numeric' }).format(
    new Date(iso),
  );
}

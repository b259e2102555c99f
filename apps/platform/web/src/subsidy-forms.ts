import { PROVINCE_NAMES } from '../../../../contracts/src/regions/provinces';
import { ApiError } from './http';
import type { FormErrors } from './form-errors';
import type { Lang } from './i18n';
import type { MoneyWords } from './i18n-money';
import type { TransportSubsidyRates } from './api-money';

/**
 * What the transport-subsidy forms check before they send, and how a refusal reads: the server decides, but a
 * county official should not wait for a round trip to learn that a field is empty or a day is still ahead.
 */

const GUIZHOU = '520000';

/** Where a cross-province worker may have gone: every province-level division but Guizhou, in GB/T 2260 order. */
export const DESTINATIONS: readonly { readonly code: string; readonly name: string }[] = Object.entries(
  PROVINCE_NAMES,
)
  .filter(([code]) => code !== GUIZHOU)
  .map(([code, name]) => ({ code, name }));

export const destinationName = (code: string): string => PROVINCE_NAMES[code] ?? code;

/** The amount an approval would fix: the destination's own rate, else the county's default (as the server). */
export const rateFor = (rates: TransportSubsidyRates | undefined, province: string): number | undefined =>
  rates?.rates[province] ?? rates?.default ?? undefined;

const MAX_YUAN = 10_000_000;
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/** A day that must be past or today, and not before `from`; the error in the page's words, or undefined. */
function pastDayError(day: string, from: string, today: string, w: MoneyWords): string | undefined {
  if (!day) return w.check.required;
  if (!isDate(day)) return w.check.badDate;
  if (day > today) return w.check.notAfterToday(today);
  if (day < from) return w.check.notBefore(from);
  return undefined;
}

const onlyErrors = (fields: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));

export function claimErrors(
  draft: { travelDate: string; destinationProvince: string },
  year: number,
  today: string,
  w: MoneyWords,
): Record<string, string> {
  return onlyErrors({
    travelDate: pastDayError(draft.travelDate, `${year}-01-01`, today, w),
    destinationProvince: draft.destinationProvince ? undefined : w.check.chooseProvince,
  });
}

/** Whole yuan, at least 1: the amount typed, or the error. */
function yuanOf(text: string, w: MoneyWords): number | string {
  const t = text.trim();
  if (t === '') return w.check.required;
  if (!/^\d+$/.test(t)) return w.check.wholeYuan;
  const n = Number(t);
  if (n < 1 || n > MAX_YUAN) return w.check.yuanRange;
  return n;
}

export function payErrors(
  draft: { amount: string; paidAt: string; reference: string },
  approvedDay: string,
  today: string,
  w: MoneyWords,
): Record<string, string> {
  const amount = yuanOf(draft.amount, w);
  return onlyErrors({
    amount: typeof amount === 'string' ? amount : undefined,
    paidAt: pastDayError(draft.paidAt, approvedDay, today, w),
    reference: draft.reference.trim() ? undefined : w.check.required,
  });
}

/** The rates table as typed (an empty box: no rate for that province) → the body to PUT, or each box's error. */
export function ratesBodyOf(
  draft: Readonly<Record<string, string>>,
  defaultDraft: string,
  w: MoneyWords,
):
  | { ok: true; body: { rates: Record<string, number>; default?: number } }
  | { ok: false; errors: Record<string, string> } {
  const rates: Record<string, number> = {};
  const errors: Record<string, string> = {};
  for (const [code, text] of Object.entries(draft)) {
    if (text.trim() === '') continue;
    const n = yuanOf(text, w);
    if (typeof n === 'string') errors[code] = n;
    else rates[code] = n;
  }
  let fallback: number | undefined;
  if (defaultDraft.trim() !== '') {
    const n = yuanOf(defaultDraft, w);
    if (typeof n === 'string') errors.default = n;
    else fallback = n;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: fallback === undefined ? { rates } : { rates, default: fallback } };
}

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

/**
 * A refusal as the form shows it. The subsidy's refusals (already_claimed, amount_mismatch, a day in the
 * future…) come in Chinese from the server and are shown as they are; a schema message in English (a
 * developer's) is replaced by the field's own words. Issues go next to their field, the rest on top.
 */
export function subsidyErrors(
  error: unknown,
  fields: readonly string[],
  w: MoneyWords,
  lang: Lang,
): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, form: w.refusal.unavailable };
  const readable = (message: string) => (lang === 'en' || hasChinese(message) ? message : undefined);
  const placed: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of error.issues) {
    const field = fields.find((f) => issue.path === f || issue.path.startsWith(`${f}.`));
    const text = readable(issue.message) ?? w.check.invalid;
    if (field) placed[field] = placed[field] ? `${placed[field]}；${text}` : text;
    else unplaced.push(text);
  }
  if (error.issues.length > 0 && unplaced.length === 0) return { fields: placed };
  const head =
    error.status === 403
      ? w.refusal.forbidden
      : error.status >= 500 || error.status === 429
        ? w.refusal.unavailable
        : (readable(error.message) ?? w.refusal[error.code] ?? w.check.invalid);
  return { fields: placed, form: [...new Set([head, ...unplaced])].join('；') };
}

import { ApiError } from './api';
import type { TrainingWords } from './i18n-training';

/** A training command's failure as its form shows it: by the keys the form names its places by. */
export interface PlacedErrors {
  readonly fields: Readonly<Record<string, string>>;
  readonly form?: string;
}

const CHINESE = /[\u4e00-\u9fa5]/;

/**
 * The platform's text when it is Chinese: the deciders' refusals are written for county offices, and a
 * schema message may be "中文 / English" (the Chinese half is kept). Anything else: the words' own text.
 */
export function chineseText(message: string, fallback: string): string {
  if (!CHINESE.test(message)) return fallback;
  return message.split(' / ')[0];
}

/**
 * Each issue next to the place `placeOf` names for its path (a field, a trainee's row), the rest on top. A
 * refusal about a trainee reads as the words say it (the platform's text names the ids); other Chinese text
 * is the platform's, and in English the platform's text stays as it is.
 */
export function placeErrors(
  error: unknown,
  placeOf: (path: string) => string | undefined,
  w: TrainingWords,
  lang: 'zh' | 'en',
): PlacedErrors {
  if (!(error instanceof ApiError)) return { fields: {}, form: w.errors.unavailable };
  const known = w.byCode[error.code];
  const text = (message: string) =>
    known ?? (lang === 'zh' ? chineseText(message, w.errors.invalid) : message);
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of error.issues) {
    const place = placeOf(issue.path);
    if (place === undefined) unplaced.push(text(issue.message));
    else fields[place] = fields[place] ? `${fields[place]}；${text(issue.message)}` : text(issue.message);
  }
  if (error.issues.length > 0 && unplaced.length === 0) return { fields };
  const whole =
    error.status === 403
      ? w.errors.forbidden
      : error.status === 404
        ? w.errors.not_found
        : error.status >= 500 || error.status === 429
          ? w.errors.unavailable
          : text(error.message);
  // A refusal naming a field the form has no place for repeats the message as its issue: say it once.
  return { fields, form: [...new Set([whole, ...unplaced])].join('；') };
}

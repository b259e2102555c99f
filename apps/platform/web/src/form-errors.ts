import { ApiError, type ApiIssue } from './api';
import type { CaseWords } from './i18n-cases';

/** A form's errors: per field (the keys the form names its inputs by), and the rest for the whole form. */
export interface FormErrors {
  readonly fields: Readonly<Record<string, string>>;
  readonly form?: string;
}

export const NO_ERRORS: FormErrors = { fields: {} };

/** The field an issue's path names: the longest of the form's keys equal to it or a prefix of it. */
export function fieldOf(path: string, fields: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const field of fields) {
    const matches = path === field || path.startsWith(`${field}.`);
    if (matches && (best === undefined || field.length > best.length)) best = field;
  }
  return best;
}

type ErrorWords = CaseWords['error'];

/** The platform's messages (English, for developers) as a county cadre reads them. */
const MESSAGE_RULES: readonly [RegExp, keyof ErrorWords][] = [
  [/in the future/i, 'inFuture'],
  [/before the case was opened/i, 'beforeOpened'],
  [/is not a member/i, 'notMember'],
  [/^Vacancy .* does not exist/i, 'vacancyMissing'],
  [/names the vacancies offered/i, 'needVacancies'],
  [/offers no vacancy/i, 'noVacancyForKind'],
  [/changes no facts/i, 'noFacts'],
  [/ISO 8601/i, 'badTime'],
  [/^Text must/, 'notText'],
  [/too (big|long)|at most/i, 'tooLong'],
  [/required|must not be empty|too small|at least|expected .*, received undefined/i, 'required'],
];

/** One issue in the page's language: Chinese from the rules above, the platform's own text in English. */
export function issueText(
  issue: ApiIssue,
  code: string,
  words: ErrorWords,
  lang: 'zh' | 'en',
  field?: string,
): string {
  if (lang === 'en') return issue.message;
  if (code === 'worker_already_employed') return words.alreadyEmployed;
  if (/records the household's facts/i.test(issue.message)) {
    return field === 'workerIds' ? words.needMembers : words.needEmployment;
  }
  const rule = MESSAGE_RULES.find(([pattern]) => pattern.test(issue.message));
  return rule ? words[rule[1]] : words.invalid;
}

/** A whole-form message for an error that names no field of the form. */
function formText(error: unknown, words: ErrorWords, lang: 'zh' | 'en'): string {
  if (!(error instanceof ApiError)) return lang === 'zh' ? words.unavailable : String(error);
  if (error.code === 'case_closed') return words.case_closed;
  if (error.status === 403) return words.forbidden;
  if (error.code === 'not_found') return words.not_found;
  if (error.status >= 500 || error.status === 429) return words.unavailable;
  return lang === 'zh' ? words.invalid : error.message;
}

/** A command's failure as the form shows it: each issue next to the field it names, the rest on top. */
export function formErrors(
  error: unknown,
  fields: readonly string[],
  words: ErrorWords,
  lang: 'zh' | 'en',
): FormErrors {
  const issues = error instanceof ApiError ? error.issues : [];
  const out: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path, fields);
    const text = issueText(issue, (error as ApiError).code, words, lang, field);
    if (field === undefined) unplaced.push(text);
    else out[field] = out[field] ? `${out[field]}；${text}` : text;
  }
  const placedAll = issues.length > 0 && unplaced.length === 0;
  const form = placedAll
    ? undefined
    : [formText(error, words, lang), unplaced.join('；')].filter(Boolean).join('：');
  return { fields: out, form };
}

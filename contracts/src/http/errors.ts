import { z } from 'zod';

/** Why a decider refuses a command: part of the contract, since clients branch on these codes. */
export const REJECTION_CODES = [
  'not_found',
  'already_exists',
  'vacancy_full',
  'vacancy_closed',
  'vacancy_expired',
  'worker_already_employed',
  'person_already_registered',
  'constraint_violated',
  'not_employed',
  'placement_voided',
  'forbidden_transition',
  'invalid_value',
  'case_closed',
  // Training courses: no seat left, the course is over, the worker already holds a seat / holds none.
  'course_full',
  'course_ended',
  'already_enrolled',
  'not_enrolled',
  /** A completion for a trainee the course's attendance registers show present on no day. */
  'not_attended',
  /** A public-welfare month confirmed before it is over, twice, or changed or paid after it was paid. */
  'month_not_over',
  'month_already_confirmed',
  'month_not_confirmed',
  'month_paid',
  /** A placement that held no public-welfare post of that county in that month. */
  'not_in_post',
  // The transport subsidy: a claim while one is open or after approval, a review or payment out of turn, a
  // payment of another amount than approved, an approval without a rate for the destination.
  'already_claimed',
  'not_claimed',
  'already_reviewed',
  'not_approved',
  'already_paid',
  'amount_mismatch',
  'subsidy_rate_missing',
  // The monthly report (月报): sent again without a correction's reason, or corrected before it was sent.
  'report_already_sent',
  'report_not_sent',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/**
 * Every stable error code the HTTP API answers with, decider rejections included. Clients branch on
 * these; a new code is a contract change.
 */
export const ERROR_CODES = [
  'validation_failed',
  'malformed_json',
  'bad_request',
  'payload_too_large',
  'unsupported_media_type',
  /** An upload that is not an .xlsx workbook, or whose first sheet has no rows (the household import). */
  'not_xlsx',
  'empty_sheet',
  /** A household import whose sheet has more rows than one import reads (413). */
  'too_many_rows',
  'method_not_allowed',
  'not_acceptable',
  'unprocessable',
  'unauthenticated',
  'forbidden',
  ...REJECTION_CODES,
  'conflict',
  'concurrency_conflict',
  'invalid_idempotency_key',
  'idempotency_in_progress',
  'idempotency_key_reused',
  'rate_limited',
  'plan_in_progress',
  'plan_outdated',
  'not_ready',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorIssue = z.object({ path: z.string(), message: z.string() }).strict();
export type ErrorIssue = z.infer<typeof errorIssue>;

/**
 * Every error response: `{ error: { code, message, issues?, details? } }`; `issues` on a 400 says what was wrong
 * with the request, `details` carries machine-readable data (e.g. the readiness checks that failed on a 503).
 */
export const errorBody = z
  .object({
    error: z
      .object({
        code: z.string().min(1).meta({ example: 'validation_failed' }),
        message: z.string(),
        issues: z.array(errorIssue).optional(),
        details: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'ErrorBody', description: 'Every error has this shape; `code` is stable.' });
export type ErrorBody = z.infer<typeof errorBody>;

/** Zod issues as `{ path: 'members.0.idNumber', message }`; an unknown key is reported at its own path. */
export function toErrorIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: `Unknown field "${key}"` }));
    }
    return [{ path: base.join('.'), message: issue.message }];
  });
}

export const validationErrorBody = (error: z.ZodError): ErrorBody => ({
  error: { code: 'validation_failed', message: 'The request is not valid', issues: toErrorIssues(error) },
});

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/** Parses a body or query: the typed value, or the 400 body to answer with. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: validationErrorBody(result.error) };
}

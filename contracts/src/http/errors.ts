import { z } from 'zod';

/** Stable error codes the HTTP layer answers with; rejections of deciders keep their own codes. */
export const ERROR_CODES = [
  'validation_failed',
  'malformed_json',
  'unauthorized',
  'forbidden',
  'not_found',
  'vacancy_full',
  'worker_already_employed',
  'constraint_violated',
  'concurrency_conflict',
  'idempotency_key_reused',
  'not_caught_up',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorIssue = z.object({ path: z.string(), message: z.string() }).strict();
export type ErrorIssue = z.infer<typeof errorIssue>;

/** Every error response: `{ error: { code, message, issues } }`; `issues` is present on 400. */
export const errorBody = z
  .object({
    error: z
      .object({ code: z.string().min(1), message: z.string(), issues: z.array(errorIssue).optional() })
      .strict(),
  })
  .strict()
  .meta({ id: 'ErrorBody' });
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

import type { ErrorCode } from '@contracts/http/errors';
import { HttpProblem } from './http-problem';

/** A decider's refusal, as the domain returns it (a value, not an exception). */
export interface Rejection {
  readonly code: ErrorCode;
  readonly message: string;
  /** `field`: the request field the refusal is about (an `invalid_value` is then a 400 naming it). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The one table from rejection codes to HTTP statuses; a code not listed conflicts with the current state (409). */
export const REJECTION_STATUS: Readonly<Partial<Record<ErrorCode, number>>> = {
  vacancy_full: 409,
  worker_already_employed: 409,
  person_already_registered: 409,
  constraint_violated: 409,
  concurrency_conflict: 409,
  idempotency_in_progress: 409,
  idempotency_key_reused: 422,
  not_found: 404,
  invalid_value: 400,
  forbidden: 403,
};

export const statusForRejection = (code: ErrorCode): number => REJECTION_STATUS[code] ?? 409;

/**
 * The exception a handler throws for a rejection the decider returned. A value the request got wrong (a date
 * in the future, a minimum above its maximum) is a 400 that names its field, as a schema error does.
 */
export class DomainRejection extends HttpProblem {
  constructor(rejection: Rejection) {
    const field = rejection.details?.field;
    const issues = typeof field === 'string' ? [{ path: field, message: rejection.message }] : undefined;
    super(statusForRejection(rejection.code), rejection.code, rejection.message, issues ? { issues } : {});
    this.name = 'DomainRejection';
  }
}

export const rejectionToProblem = (rejection: Rejection): DomainRejection => new DomainRejection(rejection);

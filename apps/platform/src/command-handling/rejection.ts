import type { Rejection } from '@lib/domain/shared/decider';
import { DomainRejection } from '@lib/http';

type Outcome = { readonly ok: true } | { readonly ok: false; readonly rejection: Rejection };

/** Unwraps an outcome; a rejection becomes the HTTP problem of its code (REJECTION_STATUS in libs/http). */
export function orReject<R extends Outcome>(outcome: R): Extract<R, { ok: true }> {
  if (!outcome.ok) throw new DomainRejection(outcome.rejection);
  return outcome as Extract<R, { ok: true }>;
}

/** A rejection raised by a handler itself (a missing referenced entity), in the decider's vocabulary. */
export function rejectWith(rejection: Rejection): never {
  throw new DomainRejection(rejection);
}

import { IdempotencyConflict, type ExpectedRevision } from './event-store.port';

/** The revision of a stream that does not exist yet. */
export const NO_STREAM = -1;

/** Whether a stream at revision `current` (NO_STREAM: none) is what the writer expected. */
export function revisionMatches(expected: ExpectedRevision, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === NO_STREAM;
    case 'stream_exists':
      return current !== NO_STREAM;
    default:
      return current === expected;
  }
}

/** Whether a prior write that began at `firstRevision` is the one an append with `expected` made. */
export function startMatches(expected: ExpectedRevision, firstRevision: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return firstRevision === 0;
    case 'stream_exists':
      return firstRevision > 0;
    default:
      return firstRevision === expected + 1;
  }
}

export function idempotencyConflict(streamId: string): IdempotencyConflict {
  return new IdempotencyConflict(streamId, 'event ids already stored elsewhere, or only some of them stored');
}

/** Why an append's arguments are refused before any I/O, or undefined when they are well-formed. */
export function invalidAppendArguments(
  streamId: unknown,
  expectedRevision: ExpectedRevision,
): Error | undefined {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    return new TypeError('streamId must be a non-empty string');
  }
  if (
    typeof expectedRevision === 'number' &&
    !(Number.isSafeInteger(expectedRevision) && expectedRevision >= 0)
  ) {
    return new RangeError(`Not a revision: ${expectedRevision}`);
  }
  return undefined;
}

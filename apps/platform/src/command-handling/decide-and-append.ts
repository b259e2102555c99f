import type { DomainEvent, EventMetadata } from '@contracts';
import type { Decider } from '@lib/domain/shared/decider';
import {
  ConcurrencyConflictError,
  runDecider,
  type AppendedEvent,
} from '@lib/event-store/command-handling/decider-runner';
import type { EventStore, Position } from '@lib/event-store';
import { HttpProblem } from '@lib/http';
import { orReject } from './rejection';

export interface Appended<E> {
  /** What the decision appended (none for an idempotent repeat). */
  readonly events: readonly AppendedEvent<E>[];
  /** The global position of the command's last event (of the stream's last event when nothing was new). */
  readonly position: Position;
}

/**
 * Loads the stream, decides, appends with the expected revision (the runner retries lost races); a
 * rejection becomes its HTTP problem, so nothing is appended on a 4xx. The one place handlers meet the runner.
 */
export async function decideAndAppend<C, S, E extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, S, E>,
  command: C,
  metadata: EventMetadata,
): Promise<Appended<E>> {
  try {
    const { events, position } = orReject(await runDecider({ store, streamId, decider, command, metadata }));
    return { events, position };
  } catch (error) {
    throw error instanceof ConcurrencyConflictError ? concurrencyProblem(error) : error;
  }
}

/** A stream so contended that the runner gave up: the client may simply retry. */
export const concurrencyProblem = (error: ConcurrencyConflictError): HttpProblem =>
  new HttpProblem(409, 'concurrency_conflict', error.message, { headers: { 'Retry-After': '1' } });

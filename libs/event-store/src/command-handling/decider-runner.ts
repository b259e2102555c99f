/**
 * Runs a decider against one stream: read, fold, decide, append with the expected revision; on a lost
 * race reload and decide again. The only place a command meets the event store.
 */
import { randomUUID } from 'node:crypto';
import { decodeStoredEvent, type DomainEvent, encodeEvent, type EventMetadata } from '@contracts';
import type { Decider, Rejection } from '@lib/domain/shared/decider';
import { type EventStore, type Position, START, WrongExpectedVersion } from '../event-store.port';

/** A stream that does not exist yet has revision -1 (its first event gets 0). */
export const NO_STREAM_REVISION = -1;

export interface LoadedState<S> {
  readonly state: S;
  /** The revision of the stream's last event, or -1. */
  readonly revision: number;
  /** The global position of the stream's last event, or START. */
  readonly position: Position;
}

export type AppendedEvent<E> = E & { readonly id: string; readonly revision: number };

export type RunResult<S, E> =
  | {
      readonly ok: true;
      /** What this run appended: none when the command's effect was already there. */
      readonly events: readonly AppendedEvent<E>[];
      /** The stream's revision after the run. */
      readonly revision: number;
      /** The position of the last appended event, or of the stream's last event when nothing was appended. */
      readonly position: Position;
      readonly state: S;
    }
  | { readonly ok: false; readonly rejection: Rejection };

export interface RunDeciderOptions<C, S, E extends DomainEvent> {
  readonly store: EventStore;
  readonly streamId: string;
  readonly decider: Decider<C, S, E>;
  readonly command: C;
  readonly metadata: EventMetadata;
  /** Reloads after a lost race; then ConcurrencyConflictError. Every writer but one loses a round. */
  readonly maxRetries?: number;
  /** Event ids derived from the command (the saga's steps); random uuids otherwise. */
  readonly eventIds?: (event: E, index: number) => string;
}

export class ConcurrencyConflictError extends Error {
  readonly code = 'concurrency_conflict';
  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(`Stream ${streamId}: lost the race ${attempts} times`);
    this.name = 'ConcurrencyConflictError';
  }
}

const DEFAULT_MAX_RETRIES = 50;

/** Reads a stream and folds it. The stream holds only the decider's events (one stream kind per decider). */
export async function loadState<S, E extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<unknown, S, E>, 'initialState' | 'evolve'>,
): Promise<LoadedState<S>> {
  const recorded = await store.readStream(streamId);
  let state = decider.initialState();
  for (const stored of recorded) state = decider.evolve(state, decodeStoredEvent(stored) as unknown as E);
  const last = recorded[recorded.length - 1];
  return last
    ? { state, revision: last.revision, position: last.position }
    : { state, revision: NO_STREAM_REVISION, position: START };
}

export async function runDecider<C, S, E extends DomainEvent>(
  options: RunDeciderOptions<C, S, E>,
): Promise<RunResult<S, E>> {
  const { store, streamId, decider, command, metadata, eventIds } = options;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  for (let attempt = 0; ; attempt++) {
    const loaded = await loadState(store, streamId, decider);
    const decision = decider.decide(command, loaded.state);
    if (!decision.ok) return { ok: false, rejection: decision.rejection };
    if (decision.events.length === 0) return { ok: true, events: [], ...loaded };

    const occurredAt = metadata.now ?? new Date().toISOString();
    const toAppend = decision.events.map((event, index) => ({
      ...encodeEvent(event),
      id: eventIds ? eventIds(event, index) : randomUUID(),
      occurredAt,
      // One command's events are one batch: readers judge transitions at its end (envelope.ts).
      metadata:
        decision.events.length > 1
          ? { ...metadata, batch: { index, size: decision.events.length } }
          : { ...metadata },
    }));
    const expected = loaded.revision === NO_STREAM_REVISION ? 'no_stream' : loaded.revision;
    try {
      const result = await store.append(streamId, toAppend, expected);
      const state = decision.events.reduce(decider.evolve, loaded.state);
      const events = decision.events.map((event, index) => ({
        ...event,
        id: toAppend[index].id,
        revision: loaded.revision + 1 + index,
      }));
      return { ok: true, events, revision: result.nextExpectedRevision, position: result.position, state };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion)) throw error;
      if (attempt >= maxRetries) throw new ConcurrencyConflictError(streamId, attempt + 1);
      // A little jitter keeps the losers of one round from colliding in lockstep on the next.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 20)));
    }
  }
}

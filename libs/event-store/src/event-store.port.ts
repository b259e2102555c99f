/**
 * The event store port: the source of truth of the service. Streams per aggregate
 * (`vacancy-<id>`, `household-<id>`, …) and one ordered global log (`$all`).
 *
 * Every adapter (SQLite embedded, EventStoreDB) passes the same contract suite
 * (`testing/event-store.contract.ts`).
 */

/** A position in the global log. Positions grow strictly; `START` is before the first event. */
export type Position = bigint;
export const START: Position = 0n;

/** What the writer believes about the stream's current revision (revisions count from 0). */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

export type JsonObject = { [key: string]: unknown };

export interface EventToAppend {
  /** uuid; appending the same ids again at the same expected revision is a no-op (idempotent retry). */
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

export interface RecordedEvent extends EventToAppend {
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position;
}

export interface AppendResult {
  /** The revision of the last event now in the stream. */
  readonly nextExpectedRevision: number;
  /** The global position of the last appended event. */
  readonly position: Position;
}

export type SubscriptionHandler = (event: RecordedEvent) => void | Promise<void>;

export interface SubscribeOptions {
  /** Called once, after the catch-up read has delivered everything that was in the log when it began. */
  readonly onCaughtUp?: () => void;
}

export interface Subscription {
  /** Resolves once the subscription has caught up and switched to live delivery. */
  readonly caughtUp: Promise<void>;
  /** Settles when the subscription ends: resolves after `stop()`, rejects if a handler or the store fails. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends atomically: all events or none. Throws `WrongExpectedVersion` when the stream's revision is
   * not the expected one. Events are delivered to subscribers only after they are durable.
   */
  append(
    streamId: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult>;

  /** The stream's events from `fromRevision` (inclusive); an empty array for a stream that does not exist. */
  readStream(streamId: string, fromRevision?: number): Promise<RecordedEvent[]>;

  /**
   * Streams the global log, events with a position strictly after `afterPosition`, in order, at most
   * `limit` of them. Reads in pages; never loads the whole log.
   */
  readAll(afterPosition?: Position, limit?: number): AsyncIterable<RecordedEvent>;

  /**
   * The global log after `afterPosition`, in order, one page (array) at a time: the pages joined are what
   * `readAll(afterPosition)` yields. Every page holds at least one event and at most `pageSize` (default:
   * the adapter's page size); a shorter page does not mean the end of the log (the iteration ending does).
   * For readers that work in batches (projection rebuilds, the relay): no per-event await.
   */
  readAllPages(afterPosition?: Position, pageSize?: number): AsyncIterable<readonly RecordedEvent[]>;

  /**
   * Catch-up subscription to the global log: delivers every event after `afterPosition`, then goes live,
   * with no gap and no duplicate across the switch. The handler is called for one event at a time.
   */
  subscribeAll(
    afterPosition: Position,
    handler: SubscriptionHandler,
    options?: SubscribeOptions,
  ): Subscription;

  /** The position of the last event in the global log (`START` when empty). */
  headPosition(): Promise<Position>;

  close(): Promise<void>;
}

export class WrongExpectedVersion extends Error {
  readonly code = 'wrong_expected_version';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual revision, or 'no_stream'. */
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedVersion';
  }
}

/** A retried append whose event ids match only part of what is stored, or other events at that place. */
export class IdempotencyConflict extends Error {
  readonly code = 'idempotency_conflict';
  constructor(
    readonly streamId: string,
    message: string,
  ) {
    super(`Stream ${streamId}: ${message}`);
    this.name = 'IdempotencyConflict';
  }
}

export const positionToString = (position: Position): string => position.toString();
export const positionFromString = (value: string): Position => {
  if (!/^\d+$/.test(value)) throw new RangeError(`Not a position: ${value}`);
  return BigInt(value);
};

import type { Histogram } from 'prom-client';
import {
  readCategoryPages,
  WrongExpectedVersion,
  type CategoryPageReader,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type Position,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
} from '@lib/event-store';

/** The outcome of an append: every label value the append histogram can have. */
export type AppendOutcome = 'ok' | 'wrong_expected_version' | 'error';

export interface AppendInstruments {
  /** `event_store_append_duration_seconds{result}`. */
  readonly latency: Histogram<'result'>;
  /** Told the position of each append that succeeded, with the wall-clock time it returned. */
  readonly appended?: (position: Position, atMs: number) => void;
}

const resultOf = (error: unknown): AppendOutcome =>
  error instanceof WrongExpectedVersion ? 'wrong_expected_version' : 'error';

/**
 * The event store the platform injects, timing every append (the store's own time, commits shared with other
 * appends included) by its result: ok, wrong_expected_version (a writer that lost a race: the caller retries or
 * refuses), error (anything else). Everything else goes straight to the store.
 */
export class InstrumentedEventStore implements EventStore, CategoryPageReader {
  constructor(
    private readonly store: EventStore,
    private readonly instruments: AppendInstruments,
  ) {}

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const end = this.instruments.latency.startTimer();
    let result: AppendResult;
    try {
      result = await this.store.append(streamId, events, expectedRevision);
    } catch (error) {
      end({ result: resultOf(error) });
      throw error;
    }
    end({ result: 'ok' });
    this.instruments.appended?.(result.position, Date.now());
    return result;
  }

  readStream(streamId: string, fromRevision?: number) {
    return this.store.readStream(streamId, fromRevision);
  }

  readAll(afterPosition?: Position, limit?: number) {
    return this.store.readAll(afterPosition, limit);
  }

  readAllPages(afterPosition?: Position, pageSize?: number) {
    return this.store.readAllPages(afterPosition, pageSize);
  }

  /** The store's own category read where it has one (figures as of a date read the household streams). */
  readCategoryPages(category: string, afterPosition?: Position) {
    return readCategoryPages(this.store, category, afterPosition);
  }

  subscribeAll(
    afterPosition: Position,
    handler: SubscriptionHandler,
    options?: SubscribeOptions,
  ): Subscription {
    return this.store.subscribeAll(afterPosition, handler, options);
  }

  headPosition(): Promise<Position> {
    return this.store.headPosition();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

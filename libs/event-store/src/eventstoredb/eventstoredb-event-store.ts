/**
 * The event store port on EventStoreDB / KurrentDB, through `@eventstore/db-client` v6 (gRPC).
 * NOT YET RUN AGAINST A SERVER: written against the client's type definitions and the server's source;
 * the contract suite runs it when EVENTSTORE_URL is set (docs/INTEGRATION.md).
 *
 * Envelope. ESDB keeps id (uuid), type, JSON data and JSON metadata per event. The port's `version`,
 * `occurredAt` and `metadata` go into the ESDB metadata as `{ schemaVersion, occurredAt, metadata }`
 * (plus `$correlationId`/`$causationId` copies for ESDB's own projections). ESDB's `created` is ignored.
 *
 * Positions. The port's bigint is the $all commit position. Events written by `appendToStream` (gRPC has
 * no explicit transactions) are implicitly committed prepares whose $all position is (commit = prepare =
 * log position), and the append response carries (commit, commit) of the last event written. So
 * decoding gives (p, p), ordering is the log's, and an event with commit != prepare (a legacy TCP
 * transaction) is refused with an error rather than mis-ordered. Stream reads carry positions on servers
 * 22.6+ only; older servers are refused.
 *
 * Idempotent retries (what ESDB does, server `IndexWriter.CheckCommit`):
 *  - numeric / no_stream expected revision below the current one: if the stream holds the same event ids at
 *    expected+1.. (in order) the append is a no-op answered with the ORIGINAL last revision; if only the
 *    first ones match it answers WrongExpectedVersion ("corrupted idempotency"); if the first does not
 *    match, WrongExpectedVersion.
 *  - any / stream_exists: best effort, from a cache of recently committed event ids: all found -> no-op;
 *    the first found but a later one not -> WrongExpectedVersion; the first not found (or evicted from
 *    the cache) -> the events are appended, again. So command handlers use numeric revisions.
 *  - the no-op answer carries the original last event's log position on current servers and no position
 *    on older ones; then this adapter reads the position back from the stream.
 * To match the port, a WrongExpectedVersion that is really a partial retry (the event stored at expected+1
 * has our first id, or any/stream_exists refused on an existing stream) becomes `IdempotencyConflict`.
 * Ids stored in ANOTHER stream are not detected (ESDB would need a scan).
 *
 * Reading $all needs a user allowed to read it ($admins by default) unless the node runs insecure.
 * System events ($-prefixed type or stream) are never delivered: readAll filters them client-side
 * (v6's readAll has no server filter), subscriptions with `excludeSystemEvents()` and client-side.
 */
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  StreamNotFoundError,
  excludeSystemEvents,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import {
  IdempotencyConflict,
  START,
  WrongExpectedVersion,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type Position,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
} from '../event-store.port';
import {
  fromEsdbEvent,
  fromEsdbPosition,
  mapAppendError,
  revisionToNumber,
  toEsdbExpectedRevision,
  toEsdbReadPosition,
  toJsonEvent,
} from './eventstoredb-mapping';
import { assertPageSize, eventsOfPages } from '../events-of-pages';
import { findHeadPosition, readAllPagesAfter } from './eventstoredb-all-log';
import { EsdbCatchUpSubscription, type AllFeed, type AllFeedSource } from './eventstoredb-subscription';

export interface EventStoreDbEventStoreOptions {
  /** Events per $all read request (readAll pages, headPosition's backward scan). */
  readonly pageSize?: number;
}

export class EventStoreDbEventStore implements EventStore, AllFeedSource {
  private readonly pageSize: number;
  private readonly subscriptions = new Set<EsdbCatchUpSubscription>();

  constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbEventStoreOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 500;
  }

  /** e.g. `esdb://localhost:2113?tls=false` */
  static fromConnectionString(
    connectionString: string,
    options?: EventStoreDbEventStoreOptions,
  ): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    if (events.length === 0) return this.emptyAppend(streamId, expectedRevision);
    let result;
    try {
      result = await this.client.appendToStream(streamId, events.map(toJsonEvent), {
        expectedRevision: toEsdbExpectedRevision(expectedRevision),
      });
    } catch (error) {
      throw await this.explainRejection(mapAppendError(error, streamId, expectedRevision), events);
    }
    const nextExpectedRevision = revisionToNumber(result.nextExpectedRevision);
    // The server answers (commit, commit) = log position of the last event; -1 (no position) on an
    // idempotent no-op of older servers, where the position is read back.
    const position =
      result.position !== undefined
        ? result.position.commit
        : await this.positionOfRevision(streamId, nextExpectedRevision);
    return { nextExpectedRevision, position };
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        fromRevision: BigInt(fromRevision),
        direction: FORWARDS,
      });
      for await (const resolved of read) {
        if (resolved.event) events.push(fromEsdbEvent(resolved.event, streamReadPosition(resolved.event)));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  readAll(afterPosition: Position = START, limit = Number.POSITIVE_INFINITY): AsyncIterable<RecordedEvent> {
    return eventsOfPages(readAllPagesAfter(this.client, afterPosition, this.pageSize, limit), limit);
  }

  readAllPages(
    afterPosition: Position = START,
    pageSize = this.pageSize,
  ): AsyncIterable<readonly RecordedEvent[]> {
    assertPageSize(pageSize);
    return readAllPagesAfter(this.client, afterPosition, pageSize);
  }

  subscribeAll(
    afterPosition: Position,
    handler: SubscriptionHandler,
    options?: SubscribeOptions,
  ): Subscription {
    const subscription = new EsdbCatchUpSubscription(this, afterPosition, handler, options);
    this.subscriptions.add(subscription);
    void subscription.done.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  headPosition(): Promise<Position> {
    return findHeadPosition(this.client, this.pageSize);
  }

  openFeed(afterPosition: Position): AllFeed {
    return this.client.subscribeToAll({
      fromPosition: toEsdbReadPosition(afterPosition),
      filter: excludeSystemEvents(),
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /** An empty append writes nothing; it still checks the expected revision, as the other adapters do. */
  private async emptyAppend(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const last = await this.lastEvent(streamId);
    const current = last === undefined ? -1 : revisionToNumber(last.revision);
    const matches =
      expected === 'any' ||
      (expected === 'no_stream' && current === -1) ||
      (expected === 'stream_exists' && current !== -1) ||
      expected === current;
    if (!matches) throw new WrongExpectedVersion(streamId, expected, current === -1 ? 'no_stream' : current);
    return { nextExpectedRevision: current, position: last === undefined ? START : streamReadPosition(last) };
  }

  /**
   * ESDB answers a partial retry ("corrupted idempotency") with WrongExpectedVersion; the port calls it
   * IdempotencyConflict. Told apart by what is stored where the retried events would have gone.
   */
  private async explainRejection(error: unknown, events: readonly EventToAppend[]): Promise<unknown> {
    if (!(error instanceof WrongExpectedVersion)) return error;
    const { streamId, expected, actual } = error;
    if (actual === 'no_stream') return error;
    // With any/stream_exists on an existing stream, ESDB refuses only a partly matching retry.
    if (expected === 'any' || expected === 'stream_exists') return conflict(streamId);
    const firstRevision = expected === 'no_stream' ? 0 : expected + 1;
    if (actual < firstRevision) return error;
    const [stored] = await this.readStreamEvents(streamId, firstRevision, 1);
    return stored?.id === events[0].id ? conflict(streamId) : error;
  }

  private async positionOfRevision(streamId: string, revision: number): Promise<Position> {
    const [event] = await this.readStreamEvents(streamId, revision, 1);
    if (event === undefined)
      throw new Error(`Stream ${streamId} has no revision ${revision} right after appending it`);
    return streamReadPosition(event);
  }

  private async lastEvent(streamId: string): Promise<EsdbRecordedEvent | undefined> {
    try {
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision: END,
        direction: BACKWARDS,
        maxCount: 1,
      })) {
        if (resolved.event) return resolved.event;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return undefined;
  }

  private async readStreamEvents(
    streamId: string,
    fromRevision: number,
    maxCount: number,
  ): Promise<EsdbRecordedEvent[]> {
    const events: EsdbRecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        fromRevision: BigInt(fromRevision),
        direction: FORWARDS,
        maxCount,
      });
      for await (const resolved of read) if (resolved.event) events.push(resolved.event);
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return events;
  }
}

function streamReadPosition(event: EsdbRecordedEvent): Position {
  if (event.position === undefined) {
    throw new Error('EventStoreDB returned no position on a stream read: server 22.6 or later is required');
  }
  return fromEsdbPosition(event.position);
}

function conflict(streamId: string): IdempotencyConflict {
  return new IdempotencyConflict(streamId, 'a retried append whose event ids are only partly stored here');
}

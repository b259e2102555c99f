/**
 * The event store on PostgreSQL (ADR 0010): the engine for more than one machine. Several processes (the
 * services, their replicas) share one database; the expected revision arbitrates between writers, one
 * global position orders everything, and readers of the global log never skip a late commit.
 *
 * Durability: an append is acknowledged after its COMMIT returned (synchronous_commit on, the server's
 * default: the commit record is flushed to the WAL), so it survives `kill -9` of the service
 * (test/crash/postgres-event-store-crash.test.ts) and, by that flush, a crash of the server (not tested here).
 *
 * Wake-ups: after each commit the writer sends NOTIFY; every store LISTENs on one connection and wakes its
 * subscriptions. A notification can be missed (a dropped connection), so subscriptions also poll.
 */
import { Pool, type PoolClient } from 'pg';
import {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  Position,
  RecordedEvent,
  START,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from '../event-store.port';
import { assertPageSize, eventsOfPages } from '../events-of-pages';
import { invalidAppendArguments } from '../append-rules';
import { LogSubscriptions, type SubscriptionSource } from '../log-subscription';
import { ConnectionUnusable, PostgresAppendWriter, type BeforeCommit } from './postgres-append';
import { AppendNotifier } from './postgres-notifier';
import { PostgresPageReader } from './postgres-page-reader';
import { assertSchemaName, EVENT_COLUMNS, rowToEvent, schemaSql, type EventRow } from './postgres-schema';
import { createInSchema } from './postgres-tables';

export interface PostgresEventStoreOptions {
  /** The schema of the events table (created if missing); default `public`. */
  readonly schema?: string;
  /** Rows fetched per query by readAll, readStream and subscriptions. */
  readonly pageSize?: number;
  /** Connections of the pool (appends in flight at once). */
  readonly maxConnections?: number;
  /** How often a subscription with nothing new looks again, in case a notification was missed (ms). */
  readonly pollIntervalMs?: number;
  /** Tests only: runs between an append's insert and its COMMIT. */
  readonly beforeCommit?: BeforeCommit;
}

const DEFAULTS = { schema: 'public', pageSize: 1000, maxConnections: 10, pollIntervalMs: 500 };

export class PostgresEventStore implements EventStore, SubscriptionSource {
  readonly pageSize: number;
  private readonly writer: PostgresAppendWriter;
  private readonly pages: PostgresPageReader;
  private readonly subscriptions = new LogSubscriptions(this);
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly notifier: AppendNotifier,
    options: Required<Omit<PostgresEventStoreOptions, 'beforeCommit'>> &
      Pick<PostgresEventStoreOptions, 'beforeCommit'>,
  ) {
    this.pageSize = options.pageSize;
    this.writer = new PostgresAppendWriter(schema, options.beforeCommit);
    this.pages = new PostgresPageReader(pool, schema);
  }

  /** Connects, creates the schema's table if needed, and starts listening for other processes' appends. */
  static async connect(url: string, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    const settings = { ...DEFAULTS, ...options };
    const schema = assertSchemaName(settings.schema);
    const pool = new Pool({ connectionString: url, max: settings.maxConnections });
    // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    try {
      await createInSchema(pool, schema, [schemaSql(schema)]);
      const notifier = await AppendNotifier.start(url, schema, settings.pollIntervalMs);
      return new PostgresEventStore(pool, schema, notifier, settings);
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    const invalid = invalidAppendArguments(streamId, expectedRevision);
    if (invalid) throw invalid;
    const result = await this.withClient((client) =>
      this.writer.append(client, { streamId, events, expectedRevision }),
    );
    if (events.length > 0) this.notifier.committed();
    return result;
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    this.assertOpen();
    const events: RecordedEvent[] = [];
    let next = fromRevision;
    for (;;) {
      const { rows } = await this.pool.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM ${this.schema}.events
          WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
        [streamId, next, this.pageSize],
      );
      for (const row of rows) events.push(rowToEvent(row));
      if (rows.length < this.pageSize) return events;
      next = events[events.length - 1].revision + 1;
    }
  }

  readAll(afterPosition: Position = START, limit = Number.POSITIVE_INFINITY): AsyncIterable<RecordedEvent> {
    return eventsOfPages(this.pages.pages(afterPosition, this.pageSize, limit), limit);
  }

  readAllPages(
    afterPosition: Position = START,
    pageSize = this.pageSize,
  ): AsyncIterable<readonly RecordedEvent[]> {
    assertPageSize(pageSize);
    return this.pages.pages(afterPosition, pageSize, Number.POSITIVE_INFINITY);
  }

  subscribeAll(
    afterPosition: Position,
    handler: SubscriptionHandler,
    options?: SubscribeOptions,
  ): Subscription {
    this.assertOpen();
    return this.subscriptions.start(afterPosition, handler, options);
  }

  /** The last committed position, readable or not yet (a reader reaches it once older transactions end). */
  async headPosition(): Promise<Position> {
    this.assertOpen();
    return this.headPositionNow();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.subscriptions.stopAll();
    await this.notifier.stop();
    await this.pool.end();
  }

  /** @internal SubscriptionSource: the readable page after `afterPosition`. */
  async readPage(afterPosition: Position, limit: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    const page = await retryWhileUnreachable(
      () => this.pages.readPage(afterPosition, limit),
      () => this.closed,
    );
    // Something committed is not readable yet (an older transaction is still running): look again soon.
    if (page.pending) this.notifier.soon();
    return page.events;
  }

  /** @internal SubscriptionSource */
  async headPositionNow(): Promise<Position> {
    const { rows } = await retryWhileUnreachable(
      () =>
        this.pool.query<{ position: string | null }>(
          `SELECT max(position) AS position FROM ${this.schema}.events`,
        ),
      () => this.closed,
    );
    return rows[0].position === null ? START : BigInt(rows[0].position);
  }

  /** @internal SubscriptionSource */
  onNextCommit(wake: () => void): () => void {
    return this.notifier.onNext(wake);
  }

  private async withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let unusable: Error | undefined;
    try {
      return await work(client);
    } catch (error) {
      if (error instanceof ConnectionUnusable) unusable = error;
      throw error;
    } finally {
      client.release(unusable);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event store is closed');
  }
}

/** How long a subscription's read keeps trying while the server cannot be reached (a restart, a failover). */
const UNREACHABLE_LIMIT_MS = 60_000;

/**
 * A subscription's read, tried again with backoff while the server cannot be reached, so that a server restart
 * pauses the projections instead of stopping them for good; an error the server answered is thrown at once.
 */
async function retryWhileUnreachable<T>(read: () => Promise<T>, closed: () => boolean): Promise<T> {
  const giveUpAt = Date.now() + UNREACHABLE_LIMIT_MS;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
    try {
      return await read();
    } catch (error) {
      if (!isUnreachable(error) || closed() || Date.now() + delay > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** No answer from the server: a socket error, or its connection-exception and shutdown states. */
function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string')
    return error instanceof Error && /connect|terminat|timeout/i.test(error.message);
  return /^(08|57P0[1-3])/.test(code) || /^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH)$/.test(code);
}

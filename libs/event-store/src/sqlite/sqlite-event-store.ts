/**
 * The embedded event store: SQLite through better-sqlite3.
 *
 * Durability. WAL with `synchronous=FULL`: every COMMIT fsyncs the WAL, and an append is acknowledged
 * (its promise resolves) only after its COMMIT returned. So an acknowledged append survives `kill -9`
 * and power loss; an unacknowledged one is either wholly there or wholly absent (one transaction).
 *
 * Group commit. The fsync is the price of an append. better-sqlite3 is synchronous, so appends from
 * concurrent async callers are queued and, on the next turn of the event loop, committed together in ONE
 * transaction (one fsync), each inside its own SAVEPOINT so that a WrongExpectedVersion or an idempotency
 * conflict rolls back only that append. Durability is unchanged (nobody is answered before the COMMIT);
 * throughput with several writers rises because N appends share one fsync (figures: docs/BENCHMARKS.md).
 * A lone writer pays one setImmediate hop and a savepoint more than a bare insert.
 *
 * Subscribers are woken by an in-process notifier after each commit; commits made by another process
 * on the same file are seen by the next read but do not wake this process's subscribers.
 */
import Database from 'better-sqlite3';
import type { CategoryPageReader } from '../category-pages';
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
import { GroupCommitQueue } from './group-commit';
import { SqliteAppendWriter } from './sqlite-append';
import { SqlitePageReader } from './sqlite-page-reader';
import {
  applyDurablePragmas,
  EVENT_COLUMNS,
  EventRow,
  rowToEvent,
  SCHEMA_SQL,
  SqliteEventStoreOptions,
} from './sqlite-schema';
import { invalidAppendArguments } from '../append-rules';
import { LogSubscriptions, type SubscriptionSource } from '../log-subscription';

export type { SqliteEventStoreOptions } from './sqlite-schema';

const DEFAULTS = { busyTimeoutMs: 5000, pageSize: 1000, maxAppendsPerCommit: 1000, groupCommit: true };

export class SqliteEventStore implements EventStore, SubscriptionSource, CategoryPageReader {
  readonly pageSize: number;
  private readonly commits: GroupCommitQueue;
  private readonly pageReader: SqlitePageReader;
  private readonly readStreamStmt: Database.Statement<[string, number, number], EventRow>;
  private readonly headStmt: Database.Statement<[], number | null>;
  private commitListeners = new Set<() => void>();
  private readonly subscriptions = new LogSubscriptions(this);
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    options: Required<SqliteEventStoreOptions>,
  ) {
    this.pageSize = options.pageSize;
    const writer = new SqliteAppendWriter(db);
    this.commits = new GroupCommitQueue(
      db,
      writer,
      () => this.notifyCommitted(),
      options.maxAppendsPerCommit,
      options.groupCommit,
    );
    this.pageReader = new SqlitePageReader(db);
    this.readStreamStmt = db
      .prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .raw() as unknown as Database.Statement<[string, number, number], EventRow>;
    this.headStmt = db.prepare('SELECT MAX(position) FROM events').pluck() as unknown as Database.Statement<
      [],
      number | null
    >;
  }

  /** Opens (creating if needed) the store at `path`; ':memory:' for a throwaway store. */
  static open(path: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const settings = { ...DEFAULTS, ...options };
    const db = new Database(path);
    try {
      applyDurablePragmas(db, settings.busyTimeoutMs);
      db.exec(SCHEMA_SQL);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteEventStore(db, settings);
  }

  append(
    streamId: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('The event store is closed'));
    const invalid = invalidAppendArguments(streamId, expectedRevision);
    if (invalid) return Promise.reject(invalid);
    return this.commits.enqueue({ streamId, events, expectedRevision });
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    this.assertOpen();
    const events: RecordedEvent[] = [];
    let next = fromRevision;
    for (;;) {
      const rows = this.readStreamStmt.all(streamId, next, this.pageSize);
      for (const row of rows) events.push(rowToEvent(row));
      if (rows.length < this.pageSize) return events;
      next = events[events.length - 1].revision + 1;
    }
  }

  readAll(afterPosition: Position = START, limit = Number.POSITIVE_INFINITY): AsyncIterable<RecordedEvent> {
    return eventsOfPages(this.pages(afterPosition, this.pageSize, limit), limit);
  }

  readAllPages(
    afterPosition: Position = START,
    pageSize = this.pageSize,
  ): AsyncIterable<readonly RecordedEvent[]> {
    assertPageSize(pageSize);
    return this.pages(afterPosition, pageSize, Number.POSITIVE_INFINITY);
  }

  /** CategoryPageReader: the streams `<category>-…` only, the other rows never leave SQLite. */
  async *readCategoryPages(
    category: string,
    afterPosition: Position = START,
    pageSize = this.pageSize,
  ): AsyncGenerator<readonly RecordedEvent[]> {
    assertPageSize(pageSize);
    for (let last = afterPosition; ;) {
      this.assertOpen();
      const page = this.pageReader.readCategory(category, last, pageSize);
      if (page.length > 0) yield page;
      if (page.length < pageSize) return;
      last = page[page.length - 1].position;
    }
  }

  subscribeAll(
    afterPosition: Position,
    handler: SubscriptionHandler,
    options?: SubscribeOptions,
  ): Subscription {
    this.assertOpen();
    return this.subscriptions.start(afterPosition, handler, options);
  }

  async headPosition(): Promise<Position> {
    this.assertOpen();
    return this.headPositionNow();
  }

  /** Answers the appends already queued, ends the subscriptions, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.commits.whenIdle();
    await this.subscriptions.stopAll();
    this.notifyCommitted();
    this.db.close();
  }

  /** @internal SubscriptionSource: one page of the log, read synchronously. */
  readPage(afterPosition: Position, limit: number): RecordedEvent[] {
    this.assertOpen();
    return this.pageReader.read(afterPosition, limit);
  }

  /** @internal SubscriptionSource */
  headPositionNow(): Position {
    return BigInt(this.headStmt.get() ?? 0);
  }

  /** @internal SubscriptionSource */
  onNextCommit(wake: () => void): () => void {
    this.commitListeners.add(wake);
    return () => this.commitListeners.delete(wake);
  }

  /** The one read path of the global log: pages of at most `pageSize`, `limit` events in all. */
  private async *pages(
    afterPosition: Position,
    pageSize: number,
    limit: number,
  ): AsyncGenerator<readonly RecordedEvent[]> {
    let last = afterPosition;
    let remaining = limit;
    while (remaining > 0) {
      const want = Math.min(pageSize, remaining);
      const page = this.readPage(last, want);
      if (page.length > 0) yield page;
      // A short page is the end of the log (this reader never shortens a page).
      if (page.length < want) return;
      last = page[page.length - 1].position;
      remaining -= page.length;
    }
  }

  private notifyCommitted(): void {
    const listeners = this.commitListeners;
    this.commitListeners = new Set();
    listeners.forEach((wake) => wake());
  }

  private assertOpen(): void {
    if (!this.db.open) throw new Error('The event store is closed');
  }
}

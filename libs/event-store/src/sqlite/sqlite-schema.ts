import type Database from 'better-sqlite3';
import type { EventToAppend, JsonObject, RecordedEvent } from '../event-store.port';

/**
 * The table of the embedded store. `position` is the rowid: SQLite gives each insert max(rowid) + 1, and
 * since rows are never deleted and a rolled-back savepoint gives its rowids back, positions are gapless.
 * The unique (stream_id, revision) index answers "current revision of a stream" with one index seek.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY,
  stream_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  event_id    TEXT    NOT NULL,
  type        TEXT    NOT NULL,
  version     INTEGER NOT NULL,
  occurred_at TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_id, revision);
CREATE UNIQUE INDEX IF NOT EXISTS events_event_id ON events (event_id);
`;

export interface SqliteEventStoreOptions {
  /** How long a writer waits for another process's lock before failing (ms). */
  readonly busyTimeoutMs?: number;
  /** Rows fetched per query by readAll, readStream and subscriptions. */
  readonly pageSize?: number;
  /** Most appends committed together in one transaction. */
  readonly maxAppendsPerCommit?: number;
  /**
   * Commit concurrent appends together (one fsync for many). On by default; off commits each append in
   * its own transaction, which the benchmark uses for comparison.
   */
  readonly groupCommit?: boolean;
}

/**
 * The durability settings of the platform's SQLite files (the event store's, the read store's, the idempotency
 * keys', the access log's), also used by the benchmark's raw baseline so both pay the same fsyncs.
 */
export function applyDurablePragmas(db: Database.Database, busyTimeoutMs: number): void {
  db.pragma('journal_mode = WAL');
  // FULL: the WAL is fsynced at every commit, so an acknowledged append survives power loss, not only
  // a killed process (NORMAL would lose the last commits on power loss).
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
}

/** Column order of every SELECT that reads events, in `raw` mode. */
export const EVENT_COLUMNS =
  'position, stream_id, revision, event_id, type, version, occurred_at, data, metadata';

export type EventRow = [number, string, number, string, string, number, string, string, string];

export function rowToEvent(row: EventRow): RecordedEvent {
  return {
    id: row[3],
    type: row[4],
    version: row[5],
    occurredAt: row[6],
    data: JSON.parse(row[7]) as JsonObject,
    metadata: JSON.parse(row[8]) as JsonObject,
    streamId: row[1],
    revision: row[2],
    position: BigInt(row[0]),
  };
}

export type InsertParams = [string, number, string, string, number, string, string, string];

export function insertParams(streamId: string, revision: number, event: EventToAppend): InsertParams {
  return [
    streamId,
    revision,
    event.id,
    event.type,
    event.version,
    event.occurredAt,
    asciiJson(event.data),
    asciiJson(event.metadata),
  ];
}

const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;
const escapeUnit = (unit: string): string => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON text with every character past ASCII written as a `\uXXXX` escape (the same value to any JSON
 * reader). Why: reading is bounded by turning stored text into V8 strings and parsing it, and both run
 * their fast one-byte path only on pure ASCII; one Chinese character in a page sends the whole page down
 * the slow path (measured: fetch and parse of a page ~30 % cheaper, docs/BENCHMARKS.md). The price is
 * 6 bytes instead of 3 per such character on disk. Rows written before this are plain UTF-8 and read
 * the same, only slower.
 */
export function asciiJson(value: JsonObject): string {
  const text = JSON.stringify(value);
  return NON_ASCII.test(text) ? text.replace(NON_ASCII_ALL, escapeUnit) : text;
}

export const INSERT_SQL =
  'INSERT INTO events (stream_id, revision, event_id, type, version, occurred_at, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

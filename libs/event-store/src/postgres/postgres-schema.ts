import type { JsonObject, Position, RecordedEvent } from '../event-store.port';

/**
 * The table of the PostgreSQL store (ADR 0010). `position` comes from a sequence, taken by one append at a
 * time (gaps where an append rolled back); `transaction_id` is the writing transaction's id, so a reader of the global log can leave
 * out what a transaction still running might yet commit below it. The unique (stream_id, revision) index
 * is the optimistic-concurrency check; the unique event_id index makes a retried append a no-op.
 */
export const schemaSql = (schema: string): string => `
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE SEQUENCE IF NOT EXISTS ${schema}.events_position;
CREATE TABLE IF NOT EXISTS ${schema}.events (
  position       bigint      PRIMARY KEY,
  transaction_id xid8        NOT NULL DEFAULT pg_current_xact_id(),
  stream_id      text        NOT NULL,
  revision       integer     NOT NULL,
  event_id       text        NOT NULL,
  type           text        NOT NULL,
  version        integer     NOT NULL,
  occurred_at    text        NOT NULL,
  data           jsonb       NOT NULL,
  metadata       jsonb       NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON ${schema}.events (stream_id, revision);
CREATE UNIQUE INDEX IF NOT EXISTS events_event_id ON ${schema}.events (event_id);
`;

/**
 * The condition that makes a row readable in the global log: written by a transaction older than every
 * transaction still running. Appends take their positions in transaction-id order (postgres-append.ts),
 * so what a reader may see is always a prefix of the log, and a reader that has passed a position never
 * meets a later commit below it.
 */
export const READABLE = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

export const EVENT_COLUMNS =
  'position, stream_id, revision, event_id, type, version, occurred_at, data, metadata';

export interface EventRow {
  readonly position: string;
  readonly stream_id: string;
  readonly revision: number;
  readonly event_id: string;
  readonly type: string;
  readonly version: number;
  readonly occurred_at: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

export function rowToEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    version: row.version,
    occurredAt: row.occurred_at,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    revision: row.revision,
    position: BigInt(row.position) as Position,
  };
}

/** The channel appends notify on (the schema's name is the payload, so stores in other schemas ignore it). */
export const NOTIFY_CHANNEL = 'relocation_events_appended';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): string {
  if (!IDENTIFIER.test(schema))
    throw new Error(`Not a schema name: ${schema} (lower-case letters, digits, _)`);
  return schema;
}

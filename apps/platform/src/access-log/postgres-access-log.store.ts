import type { Pool } from 'pg';
import { connectWithTables, type PostgresStoreOptions } from '@lib/event-store/postgres';
import type { AccessLogStore, AccessQuery, AccessRecord, StoredAccessRecord } from './access-log.store';

// Append-only as in SQLite: a trigger refuses any update, deletion or truncation, so a reader of the log (an
// auditor) can trust that nothing was taken out through the service's own SQL.
const definitions = (schema: string): string[] => [
  `CREATE TABLE IF NOT EXISTS ${schema}.access_reads (
     id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at             TIMESTAMPTZ NOT NULL,
     actor_sub      TEXT   NOT NULL,
     actor_role     TEXT   NOT NULL,
     resource       TEXT   NOT NULL,
     scope          TEXT,
     correlation_id TEXT   NOT NULL,
     subject_ids    TEXT[] NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS ${schema}.access_read_subjects (
     read_id    BIGINT NOT NULL REFERENCES ${schema}.access_reads (id),
     subject_id TEXT   NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS access_read_subjects_by_subject ON ${schema}.access_read_subjects (subject_id, read_id)`,
  `CREATE INDEX IF NOT EXISTS access_reads_by_actor ON ${schema}.access_reads (actor_sub, id)`,
  `CREATE OR REPLACE FUNCTION ${schema}.access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'the access log is append-only'; END $$`,
  ...['access_reads', 'access_read_subjects'].map(
    (table) =>
      `CREATE OR REPLACE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${schema}.${table}
       FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.access_log_append_only()`,
  ),
];

interface Row {
  /** BIGINT comes back as a decimal string. */
  id: string;
  at: Date;
  actor_sub: string;
  actor_role: string;
  resource: string;
  scope: string | null;
  correlation_id: string;
  subject_ids: string[];
}

/**
 * The access log in PostgreSQL: one log for every replica of every service that answers personal data. A record
 * and its subjects are one statement, so a read is logged whole or not at all.
 */
export class PostgresAccessLog implements AccessLogStore {
  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {}

  static async connect(
    connectionString: string,
    options: PostgresStoreOptions = {},
  ): Promise<PostgresAccessLog> {
    const { pool, schema } = await connectWithTables(connectionString, options, definitions);
    return new PostgresAccessLog(pool, schema);
  }

  async append(record: AccessRecord, at: Date = new Date()): Promise<number> {
    const subjects = [...new Set(record.subjectIds)];
    const { rows } = await this.pool.query<{ id: string }>(
      `WITH inserted AS (
         INSERT INTO ${this.schema}.access_reads
           (at, actor_sub, actor_role, resource, scope, correlation_id, subject_ids)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
       ), subjects AS (
         INSERT INTO ${this.schema}.access_read_subjects (read_id, subject_id)
         SELECT inserted.id, subject FROM inserted, unnest($7::text[]) AS subject
       )
       SELECT id FROM inserted`,
      [
        at,
        record.actorSub,
        record.actorRole,
        record.resource,
        record.scope ?? null,
        record.correlationId,
        subjects,
      ],
    );
    return Number(rows[0]?.id);
  }

  async find(query: AccessQuery): Promise<StoredAccessRecord[]> {
    const before = query.before ?? Number.MAX_SAFE_INTEGER;
    const byActor = query.actor !== undefined;
    const { rows } =
      query.subject !== undefined
        ? await this.pool.query<Row>(
            `SELECT r.* FROM ${this.schema}.access_read_subjects s
             JOIN ${this.schema}.access_reads r ON r.id = s.read_id
             WHERE s.subject_id = $1 AND s.read_id < $2 ${byActor ? 'AND r.actor_sub = $4' : ''}
             ORDER BY s.read_id DESC LIMIT $3`,
            [query.subject, before, query.limit, ...(byActor ? [query.actor] : [])],
          )
        : await this.pool.query<Row>(
            `SELECT * FROM ${this.schema}.access_reads
             WHERE id < $1 ${byActor ? 'AND actor_sub = $3' : ''}
             ORDER BY id DESC LIMIT $2`,
            [before, query.limit, ...(byActor ? [query.actor] : [])],
          );
    return rows.map((row) => ({
      id: Number(row.id),
      at: row.at.toISOString(),
      actorSub: row.actor_sub,
      actorRole: row.actor_role,
      resource: row.resource,
      ...(row.scope !== null ? { scope: row.scope } : {}),
      correlationId: row.correlation_id,
      subjectIds: row.subject_ids,
    }));
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

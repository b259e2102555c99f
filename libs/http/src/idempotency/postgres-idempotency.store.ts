import type { Pool } from 'pg';
import { connectWithTables } from '@lib/event-store/postgres';
import {
  DEFAULT_STALE_AFTER_MS,
  type BeginOutcome,
  type IdempotencyStore,
  type IdempotencyStoreOptions,
  type StoredResponse,
} from './idempotency.store';

export interface PostgresIdempotencyStoreOptions extends IdempotencyStoreOptions {
  /** The schema of the table (created if missing); `public` by default. */
  readonly schema?: string;
  /** Connections of the pool (10 by default). */
  readonly maxConnections?: number;
}

const tableDefinition = (table: string): string => `
CREATE TABLE IF NOT EXISTS ${table} (
  actor_id     TEXT   NOT NULL,
  key          TEXT   NOT NULL,
  request_hash TEXT   NOT NULL,
  state        TEXT   NOT NULL CHECK (state IN ('in_progress', 'completed')),
  status       INTEGER,
  body         TEXT,
  started_at   BIGINT NOT NULL,
  completed_at BIGINT,
  PRIMARY KEY (actor_id, key)
)`;

interface KeyRow {
  request_hash: string;
  state: 'in_progress' | 'completed';
  status: number | null;
  body: string | null;
  /** BIGINT comes back as a decimal string; given back as is to the take-over's comparison. */
  started_at: string;
}

/**
 * Idempotency keys in PostgreSQL, shared by every replica of a service: a retry reaching another replica finds
 * the key its first attempt started or completed. `begin` is one `INSERT … ON CONFLICT DO NOTHING`, so of two
 * concurrent calls, from any processes, one inserts and starts.
 *
 * Unlike SQLite (one process per file), opening cannot release every key in progress: other replicas may be
 * executing them. A key a dead process held is taken over by a retry once stale, and keys stale at connect are
 * deleted then (any retry could have taken them over).
 */
export class PostgresIdempotencyStore implements IdempotencyStore {
  private readonly staleAfterMs: number;
  private readonly now: () => number;

  private constructor(
    private readonly pool: Pool,
    private readonly table: string,
    options: IdempotencyStoreOptions,
  ) {
    this.staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
    this.now = options.now ?? Date.now;
  }

  /** Connects, creates the table if missing and deletes the keys left in progress longer than stale. */
  static async connect(
    connectionString: string,
    options: PostgresIdempotencyStoreOptions = {},
  ): Promise<PostgresIdempotencyStore> {
    const { pool, schema } = await connectWithTables(connectionString, options, (quoted) => [
      tableDefinition(`${quoted}.idempotency_keys`),
    ]);
    const store = new PostgresIdempotencyStore(pool, `${schema}.idempotency_keys`, options);
    try {
      await pool.query(`DELETE FROM ${store.table} WHERE state = 'in_progress' AND started_at < $1`, [
        store.now() - store.staleAfterMs,
      ]);
      return store;
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  async begin(key: string, actorId: string, requestHash: string): Promise<BeginOutcome> {
    const now = this.now();
    if (await this.insert(key, actorId, requestHash, now)) return { kind: 'started' };
    const { rows } = await this.pool.query<KeyRow>(
      `SELECT request_hash, state, status, body, started_at FROM ${this.table} WHERE actor_id = $1 AND key = $2`,
      [actorId, key],
    );
    const row = rows[0];
    // Released between our insert and select: try once more rather than loop.
    if (row === undefined)
      return (await this.insert(key, actorId, requestHash, now))
        ? { kind: 'started' }
        : { kind: 'in_progress' };
    if (row.request_hash !== requestHash) return { kind: 'mismatch' };
    if (row.state === 'completed')
      return { kind: 'replay', response: { status: row.status ?? 200, body: row.body ?? 'null' } };
    const stale = now - Number(row.started_at) > this.staleAfterMs;
    if (stale) {
      // Of several retries taking over at once, the one whose update still sees the old start wins.
      const takeOver = await this.pool.query(
        `UPDATE ${this.table} SET request_hash = $1, started_at = $2
         WHERE actor_id = $3 AND key = $4 AND state = 'in_progress' AND started_at = $5`,
        [requestHash, now, actorId, key, row.started_at],
      );
      if (takeOver.rowCount === 1) return { kind: 'started' };
    }
    return { kind: 'in_progress' };
  }

  async complete(key: string, actorId: string, response: StoredResponse): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.table} SET state = 'completed', status = $1, body = $2, completed_at = $3
       WHERE actor_id = $4 AND key = $5`,
      [response.status, response.body, this.now(), actorId, key],
    );
  }

  async release(key: string, actorId: string): Promise<void> {
    await this.pool.query(
      `DELETE FROM ${this.table} WHERE actor_id = $1 AND key = $2 AND state = 'in_progress'`,
      [actorId, key],
    );
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  private async insert(key: string, actorId: string, requestHash: string, now: number): Promise<boolean> {
    const inserted = await this.pool.query(
      `INSERT INTO ${this.table} (actor_id, key, request_hash, state, started_at)
       VALUES ($1, $2, $3, 'in_progress', $4) ON CONFLICT (actor_id, key) DO NOTHING`,
      [actorId, key, requestHash, now],
    );
    return inserted.rowCount === 1;
  }
}

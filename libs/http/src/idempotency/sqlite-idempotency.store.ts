import Database from 'better-sqlite3';
import { applyDurablePragmas } from '@lib/event-store';
import {
  DEFAULT_STALE_AFTER_MS,
  type BeginOutcome,
  type IdempotencyStore,
  type IdempotencyStoreOptions,
  type StoredResponse,
} from './idempotency.store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS idempotency_keys (
  actor_id     TEXT NOT NULL,
  key          TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('in_progress', 'completed')),
  status       INTEGER,
  body         TEXT,
  started_at   INTEGER NOT NULL,
  completed_at INTEGER,
  PRIMARY KEY (actor_id, key)
) WITHOUT ROWID;
`;

interface KeyRow {
  request_hash: string;
  state: 'in_progress' | 'completed';
  status: number | null;
  body: string | null;
  started_at: number;
}

/**
 * A key left in progress longer than `staleAfterMs` may be taken over by a retry (a request whose process is
 * alive but stuck); keys a dead process held are released at once when the store opens.
 */
export type SqliteIdempotencyStoreOptions = IdempotencyStoreOptions;

/** Idempotency keys in their own SQLite file of the data directory: they survive a restart. */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly insert: Database.Statement<[string, string, string, number]>;
  private readonly select: Database.Statement<[string, string], KeyRow>;
  private readonly takeOver: Database.Statement<[string, number, string, string, number]>;
  private readonly finish: Database.Statement<[number, string, number, string, string]>;
  private readonly remove: Database.Statement<[string, string]>;
  private readonly staleAfterMs: number;
  private readonly now: () => number;

  private constructor(
    private readonly db: Database.Database,
    options: SqliteIdempotencyStoreOptions,
  ) {
    this.staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
    this.now = options.now ?? Date.now;
    applyDurablePragmas(db, 5000);
    db.exec(SCHEMA);
    // One process owns this file: a key still in progress when it opens belonged to a process that is gone
    // (killed mid-command). Release it, so the client's retry runs instead of waiting out the stale delay.
    db.prepare("DELETE FROM idempotency_keys WHERE state = 'in_progress'").run();
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO idempotency_keys (actor_id, key, request_hash, state, started_at) VALUES (?, ?, ?, 'in_progress', ?)`,
    );
    this.select = db.prepare(
      'SELECT request_hash, state, status, body, started_at FROM idempotency_keys WHERE actor_id = ? AND key = ?',
    );
    this.takeOver = db.prepare(
      `UPDATE idempotency_keys SET request_hash = ?, started_at = ? WHERE actor_id = ? AND key = ? AND state = 'in_progress' AND started_at = ?`,
    );
    this.finish = db.prepare(
      `UPDATE idempotency_keys SET state = 'completed', status = ?, body = ?, completed_at = ? WHERE actor_id = ? AND key = ?`,
    );
    this.remove = db.prepare(
      `DELETE FROM idempotency_keys WHERE actor_id = ? AND key = ? AND state = 'in_progress'`,
    );
  }

  static open(path: string, options: SqliteIdempotencyStoreOptions = {}): SqliteIdempotencyStore {
    return new SqliteIdempotencyStore(new Database(path), options);
  }

  // The port is asynchronous (a server adapter answers later); SQLite answers at once, inside the call.
  async begin(key: string, actorId: string, requestHash: string): Promise<BeginOutcome> {
    const now = this.now();
    if (this.insert.run(actorId, key, requestHash, now).changes === 1) return { kind: 'started' };
    const row = this.select.get(actorId, key);
    // Released between our insert and select: try once more rather than loop.
    if (!row)
      return this.insert.run(actorId, key, requestHash, now).changes === 1
        ? { kind: 'started' }
        : { kind: 'in_progress' };
    if (row.request_hash !== requestHash) return { kind: 'mismatch' };
    if (row.state === 'completed')
      return { kind: 'replay', response: { status: row.status ?? 200, body: row.body ?? 'null' } };
    const stale = now - row.started_at > this.staleAfterMs;
    if (stale && this.takeOver.run(requestHash, now, actorId, key, row.started_at).changes === 1)
      return { kind: 'started' };
    return { kind: 'in_progress' };
  }

  async complete(key: string, actorId: string, response: StoredResponse): Promise<void> {
    this.finish.run(response.status, response.body, this.now(), actorId, key);
  }

  async release(key: string, actorId: string): Promise<void> {
    this.remove.run(actorId, key);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

import Database from 'better-sqlite3';
import { applyDurablePragmas } from '@lib/event-store';
import type { AccessLogStore, AccessQuery, AccessRecord, StoredAccessRecord } from './access-log.store';

// Append-only: the triggers refuse any change or deletion of a row once written, so a reader of the log
// (an auditor) can trust that nothing was taken out through this file's own SQL.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS access_reads (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  at             TEXT    NOT NULL,
  actor_sub      TEXT    NOT NULL,
  actor_role     TEXT    NOT NULL,
  resource       TEXT    NOT NULL,
  scope          TEXT,
  correlation_id TEXT    NOT NULL,
  subject_ids    TEXT    NOT NULL
);
CREATE TABLE IF NOT EXISTS access_read_subjects (
  read_id    INTEGER NOT NULL REFERENCES access_reads(id),
  subject_id TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS access_read_subjects_by_subject ON access_read_subjects (subject_id, read_id);
CREATE INDEX IF NOT EXISTS access_reads_by_actor ON access_reads (actor_sub, id);
CREATE TRIGGER IF NOT EXISTS access_reads_no_update BEFORE UPDATE ON access_reads
  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS access_reads_no_delete BEFORE DELETE ON access_reads
  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS access_read_subjects_no_update BEFORE UPDATE ON access_read_subjects
  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS access_read_subjects_no_delete BEFORE DELETE ON access_read_subjects
  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
`;

interface Row {
  id: number;
  at: string;
  actor_sub: string;
  actor_role: string;
  resource: string;
  scope: string | null;
  correlation_id: string;
  subject_ids: string;
}

interface PendingAppend {
  readonly record: AccessRecord;
  readonly at: string;
  readonly resolve: (id: number) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The access log of personal data reads (PIPL), in its own SQLite file (`access-log.sqlite`). A write is
 * durable when its promise resolves. Group commit: the appends of one turn of the event loop (many requests'
 * reads under load) are written in one transaction, so they share one fsync (synchronous = FULL) instead of
 * one each on the request path; every promise resolves after the commit that holds its record.
 */
export class SqliteAccessLog implements AccessLogStore {
  private readonly insertRead: Database.Statement;
  private readonly insertSubjects: Database.Statement;
  private readonly appendTx: (record: AccessRecord, at: string) => number;
  private readonly appendAllTx: (batch: readonly PendingAppend[]) => number[];
  private pending: PendingAppend[] = [];

  private constructor(private readonly db: Database.Database) {
    this.insertRead = db.prepare(
      `INSERT INTO access_reads (at, actor_sub, actor_role, resource, scope, correlation_id, subject_ids)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    // All of a read's subjects in one statement (a list page names 50), in the order given.
    this.insertSubjects = db.prepare(
      'INSERT INTO access_read_subjects (read_id, subject_id) SELECT ?, value FROM json_each(?) ORDER BY key',
    );
    this.appendTx = db.transaction((record: AccessRecord, at: string): number => {
      const subjects = JSON.stringify([...new Set(record.subjectIds)]);
      const { lastInsertRowid } = this.insertRead.run(
        at,
        record.actorSub,
        record.actorRole,
        record.resource,
        record.scope ?? null,
        record.correlationId,
        subjects,
      );
      this.insertSubjects.run(lastInsertRowid, subjects);
      return Number(lastInsertRowid);
    });
    // Nested in this transaction, appendTx's own becomes a savepoint: one commit for the batch.
    this.appendAllTx = db.transaction((batch: readonly PendingAppend[]): number[] =>
      batch.map((p) => this.appendTx(p.record, p.at)),
    );
  }

  static open(path: string): SqliteAccessLog {
    const db = new Database(path);
    try {
      applyDurablePragmas(db, 5000);
      db.exec(SCHEMA);
      return new SqliteAccessLog(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Appends one record; `at` is the server's clock (when append is called). Resolves to the record's id. */
  append(record: AccessRecord, at: Date = new Date()): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ record, at: at.toISOString(), resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Writes the waiting appends in one transaction; if it fails, each alone, so one bad record fails alone. */
  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0 || !this.db.open) {
      for (const p of batch) p.reject(new Error('The access log is closed'));
      return;
    }
    let ids: number[];
    try {
      ids = this.appendAllTx(batch);
    } catch {
      for (const p of batch) {
        try {
          p.resolve(this.appendTx(p.record, p.at));
        } catch (error) {
          p.reject(error);
        }
      }
      return;
    }
    batch.forEach((p, i) => p.resolve(ids[i]));
  }

  /** Newest first; appends still waiting for their commit are written first. */
  async find(query: AccessQuery): Promise<StoredAccessRecord[]> {
    this.flush();
    const before = query.before ?? Number.MAX_SAFE_INTEGER;
    const rows: Row[] =
      query.subject !== undefined
        ? (this.db
            .prepare(
              `SELECT r.* FROM access_read_subjects s JOIN access_reads r ON r.id = s.read_id
               WHERE s.subject_id = ? AND s.read_id < ? ${query.actor !== undefined ? 'AND r.actor_sub = ?' : ''}
               ORDER BY s.read_id DESC LIMIT ?`,
            )
            .all(
              ...[query.subject, before, ...(query.actor !== undefined ? [query.actor] : []), query.limit],
            ) as Row[])
        : (this.db
            .prepare(
              `SELECT * FROM access_reads WHERE id < ? ${query.actor !== undefined ? 'AND actor_sub = ?' : ''}
               ORDER BY id DESC LIMIT ?`,
            )
            .all(...[before, ...(query.actor !== undefined ? [query.actor] : []), query.limit]) as Row[]);
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorSub: row.actor_sub,
      actorRole: row.actor_role,
      resource: row.resource,
      ...(row.scope !== null ? { scope: row.scope } : {}),
      correlationId: row.correlation_id,
      subjectIds: JSON.parse(row.subject_ids) as string[],
    }));
  }

  async close(): Promise<void> {
    this.flush();
    if (this.db.open) this.db.close();
  }
}

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

/**
 * The access log of personal data reads (PIPL), in its own SQLite file (`access-log.sqlite`). A write is
 * durable when its promise resolves (SQLite writes inside the call).
 */
export class SqliteAccessLog implements AccessLogStore {
  private readonly insertRead: Database.Statement;
  private readonly insertSubject: Database.Statement;
  private readonly appendTx: (record: AccessRecord, at: string) => number;

  private constructor(private readonly db: Database.Database) {
    this.insertRead = db.prepare(
      `INSERT INTO access_reads (at, actor_sub, actor_role, resource, scope, correlation_id, subject_ids)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertSubject = db.prepare('INSERT INTO access_read_subjects (read_id, subject_id) VALUES (?, ?)');
    this.appendTx = db.transaction((record: AccessRecord, at: string): number => {
      const subjects = [...new Set(record.subjectIds)];
      const { lastInsertRowid } = this.insertRead.run(
        at,
        record.actorSub,
        record.actorRole,
        record.resource,
        record.scope ?? null,
        record.correlationId,
        JSON.stringify(subjects),
      );
      for (const subject of subjects) this.insertSubject.run(lastInsertRowid, subject);
      return Number(lastInsertRowid);
    });
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

  /** Appends one record; `at` is the server's clock. Returns the record's id. */
  async append(record: AccessRecord, at: Date = new Date()): Promise<number> {
    return this.appendTx(record, at.toISOString());
  }

  /** Newest first. */
  async find(query: AccessQuery): Promise<StoredAccessRecord[]> {
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
    if (this.db.open) this.db.close();
  }
}

import type Database from 'better-sqlite3';
import {
  AppendResult,
  EventToAppend,
  ExpectedRevision,
  START,
  WrongExpectedVersion,
} from '../event-store.port';
import { idempotencyConflict as conflict, NO_STREAM, revisionMatches, startMatches } from '../append-rules';
import { INSERT_SQL, insertParams } from './sqlite-schema';

export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly EventToAppend[];
  readonly expectedRevision: ExpectedRevision;
}

/**
 * Where the ids of an append already are: nowhere, all of them in order in this stream (a retry), or
 * only some of them / somewhere else (a conflict).
 */
type PriorWrite =
  { kind: 'none' } | { kind: 'elsewhere' } | { kind: 'same'; firstRevision: number; result: AppendResult };

/**
 * Writes one append inside a transaction the caller has opened (and a savepoint, so a failure here
 * undoes only this append). Synchronous: better-sqlite3 runs on the caller's thread.
 */
export class SqliteAppendWriter {
  private readonly currentRevisionStmt: Database.Statement<[string], number | null>;
  private readonly lastEventStmt: Database.Statement<[string], [number, number] | undefined>;
  private readonly insertStmt: Database.Statement;
  private readonly findByIdStmt: Database.Statement<[string], [string, number, number] | undefined>;

  constructor(db: Database.Database) {
    this.currentRevisionStmt = db
      .prepare<[string], { r: number | null }>('SELECT MAX(revision) AS r FROM events WHERE stream_id = ?')
      .pluck() as unknown as Database.Statement<[string], number | null>;
    this.lastEventStmt = db
      .prepare('SELECT revision, position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1')
      .raw() as unknown as Database.Statement<[string], [number, number] | undefined>;
    this.insertStmt = db.prepare(INSERT_SQL);
    this.findByIdStmt = db
      .prepare('SELECT stream_id, revision, position FROM events WHERE event_id = ?')
      .raw() as unknown as Database.Statement<[string], [string, number, number] | undefined>;
  }

  append(request: AppendRequest): AppendResult {
    const { streamId, events, expectedRevision } = request;
    const current = this.currentRevisionStmt.get(streamId) ?? NO_STREAM;
    if (!revisionMatches(expectedRevision, current)) {
      const prior = this.findPriorWrite(request);
      if (prior.kind === 'same' && startMatches(expectedRevision, prior.firstRevision)) return prior.result;
      if (prior.kind === 'elsewhere') throw conflict(streamId);
      throw new WrongExpectedVersion(
        streamId,
        expectedRevision,
        current === NO_STREAM ? 'no_stream' : current,
      );
    }
    if (events.length === 0) return this.emptyAppendResult(streamId, current);
    // With 'any' a retry passes the revision check. A retry stores its first event too, so one index
    // seek on that id rules it out; ids stored elsewhere then fail the insert on the unique index.
    if (expectedRevision === 'any' && this.findByIdStmt.get(events[0].id) !== undefined) {
      const prior = this.findPriorWrite(request);
      if (prior.kind === 'same') return prior.result;
      if (prior.kind === 'elsewhere') throw conflict(streamId);
    }
    let revision = current;
    let position = 0;
    for (const event of events) {
      revision += 1;
      try {
        position = Number(this.insertStmt.run(...insertParams(streamId, revision, event)).lastInsertRowid);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(streamId);
        throw error;
      }
    }
    return { nextExpectedRevision: revision, position: BigInt(position) };
  }

  private emptyAppendResult(streamId: string, current: number): AppendResult {
    if (current === NO_STREAM) return { nextExpectedRevision: NO_STREAM, position: START };
    const last = this.lastEventStmt.get(streamId);
    return { nextExpectedRevision: current, position: BigInt(last ? last[1] : 0) };
  }

  /** Whether these exact events were already appended, in order, to this stream (a retried append). */
  private findPriorWrite({ streamId, events }: AppendRequest): PriorWrite {
    if (events.length === 0) return { kind: 'none' };
    const rows = events.map((event) => this.findByIdStmt.get(event.id));
    const found = rows.filter((row) => row !== undefined);
    if (found.length === 0) return { kind: 'none' };
    if (found.length !== rows.length) return { kind: 'elsewhere' };
    const firstRevision = found[0][1];
    const inPlace = found.every((row, i) => row[0] === streamId && row[1] === firstRevision + i);
    if (!inPlace) return { kind: 'elsewhere' };
    const last = found[found.length - 1];
    return {
      kind: 'same',
      firstRevision,
      result: { nextExpectedRevision: last[1], position: BigInt(last[2]) },
    };
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

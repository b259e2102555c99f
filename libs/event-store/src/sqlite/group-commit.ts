import type Database from 'better-sqlite3';
import type { AppendResult } from '../event-store.port';
import { AppendRequest, SqliteAppendWriter } from './sqlite-append';

interface QueuedAppend {
  readonly request: AppendRequest;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/**
 * Queues the appends of concurrent async callers and commits them together: one transaction, hence one
 * WAL fsync, with a savepoint per append so each append still succeeds or fails on its own. Callers are
 * answered only after COMMIT returned, i.e. after the fsync.
 */
export class GroupCommitQueue {
  private queue: QueuedAppend[] = [];
  private flushScheduled = false;
  private idleWaiters: Array<() => void> = [];
  private readonly begin: Database.Statement;
  private readonly commit: Database.Statement;
  private readonly rollback: Database.Statement;
  private readonly savepoint: Database.Statement;
  private readonly release: Database.Statement;
  private readonly rollbackToSavepoint: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly writer: SqliteAppendWriter,
    private readonly onCommitted: () => void,
    private readonly maxAppendsPerCommit: number,
    private readonly grouped: boolean,
  ) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.savepoint = db.prepare('SAVEPOINT append');
    this.release = db.prepare('RELEASE append');
    this.rollbackToSavepoint = db.prepare('ROLLBACK TO append');
  }

  enqueue(request: AppendRequest): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Resolves once every append queued so far has been answered. */
  whenIdle(): Promise<void> {
    if (this.queue.length === 0 && !this.flushScheduled) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate, not a microtask: it runs after every caller woken by the previous commit has had
    // its turn to call append again, so they all land in the next batch.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    const limit = this.grouped ? this.maxAppendsPerCommit : 1;
    const batch = this.queue.length <= limit ? this.queue : this.queue.slice(0, limit);
    this.queue = this.queue.length <= limit ? [] : this.queue.slice(limit);
    const outcomes = this.commitBatch(batch);
    if (outcomes.some((outcome) => outcome.ok)) this.onCommitted();
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) item.resolve(outcome.result);
      else item.reject(outcome.error);
    });
    if (this.queue.length > 0) this.scheduleFlush();
    else this.idleWaiters.splice(0).forEach((wake) => wake());
  }

  private commitBatch(batch: readonly QueuedAppend[]): Outcome[] {
    const outcomes: Outcome[] = [];
    try {
      this.begin.run();
      if (batch.length === 1) {
        // Alone in its transaction: a failed append rolls back the whole transaction, no savepoint needed.
        const outcome = this.appendAlone(batch[0].request);
        if (outcome.ok) this.commit.run();
        else this.rollback.run();
        return [outcome];
      }
      for (const { request } of batch) outcomes.push(this.appendInSavepoint(request));
      this.commit.run();
      return outcomes;
    } catch (error) {
      // The transaction itself failed (disk full, lock timeout, I/O error): nothing of it is durable.
      if (this.db.inTransaction) this.rollback.run();
      return batch.map(() => ({ ok: false, error }));
    }
  }

  private appendAlone(request: AppendRequest): Outcome {
    try {
      return { ok: true, result: this.writer.append(request) };
    } catch (error) {
      return { ok: false, error };
    }
  }

  private appendInSavepoint(request: AppendRequest): Outcome {
    this.savepoint.run();
    try {
      const result = this.writer.append(request);
      this.release.run();
      return { ok: true, result };
    } catch (error) {
      this.rollbackToSavepoint.run();
      this.release.run();
      return { ok: false, error };
    }
  }
}

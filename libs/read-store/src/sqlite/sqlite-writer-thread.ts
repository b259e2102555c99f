import type { Worker } from 'node:worker_threads';
import { startWorker } from '@lib/event-store';
import type { FieldValue } from '../read-store.port';

export type WriterMessage =
  | {
      readonly kind: 'run';
      readonly id: number;
      readonly sql: string;
      readonly width: number;
      readonly values: FieldValue[];
    }
  | { readonly kind: 'rollback' }
  | { readonly kind: 'commit'; readonly id: number }
  | { readonly kind: 'exec'; readonly id: number; readonly sql: string }
  | { readonly kind: 'close'; readonly id: number };

export interface WriterReply {
  readonly id: number;
  readonly error?: string;
}

/** The writer thread's page cache: enough to hold a province's index builds in memory. */
const WRITER_CACHE_KIB = 256 * 1024;

/**
 * A second connection to a read store's file, on a worker thread, that writes what it is sent. A rebuild
 * writes every document once at its end; with this thread, its rows are built here (JSON text and field
 * values) while the thread inserts the previous ones, and the indexes are built there too. Statements run in
 * the order sent; `commit` resolves once the rows sent since the last commit are committed, all of them or
 * (a row failed, or `rollback` was sent) none.
 */
export class SqliteWriterThread {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private stopped: Error | undefined;

  constructor(path: string) {
    this.worker = startWorker(__filename, 'sqlite-writer.worker', { path, cacheKib: WRITER_CACHE_KIB });
    this.worker.on('message', (reply: WriterReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.error === undefined) waiter?.resolve();
      else waiter?.reject(new Error(`The read store's writer thread: ${reply.error}`));
    });
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', (code) => this.stop(new Error(`The read store's writer thread exited (${code})`)));
  }

  /**
   * Sends `values.length / width` rows for the statement `sql` in the current transaction; resolves once the
   * thread has run them (a failing row is reported by the next `commit`, not here).
   */
  run(sql: string, width: number, values: FieldValue[]): Promise<void> {
    return this.request((id) => ({ kind: 'run', id, sql, width, values }));
  }

  /** Drops the rows sent since the last commit (nothing to drop once the thread has stopped). */
  rollback(): void {
    if (!this.stopped) this.worker.postMessage({ kind: 'rollback' } satisfies WriterMessage);
  }

  commit(): Promise<void> {
    return this.request((id) => ({ kind: 'commit', id }));
  }

  /** Runs SQL outside any transaction of rows (after a commit). */
  exec(sql: string): Promise<void> {
    return this.request((id) => ({ kind: 'exec', id, sql }));
  }

  /** Closes the thread's connection (uncommitted rows are rolled back) and ends the thread. */
  async close(): Promise<void> {
    if (this.stopped) return;
    await this.request((id) => ({ kind: 'close', id })).finally(() => this.worker.terminate());
  }

  private request(message: (id: number) => WriterMessage): Promise<void> {
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      if (this.stopped) return reject(this.stopped);
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage(message(id));
    });
  }

  private stop(error: Error): void {
    this.stopped ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

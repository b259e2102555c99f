/**
 * The read store's writer thread (see SqliteWriterThread): runs the statements it is sent, in order, on its
 * own connection to the store's file. Rows arrive flat (`width` values per row) and go into one transaction
 * that `commit` ends; the first failing row rolls the transaction back and the next `commit` reports it.
 * Each message is answered once done (the sender keeps only a few chunks of rows in flight).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { WriterMessage, WriterReply } from './sqlite-writer-thread';

const { path, cacheKib } = workerData as { path: string; cacheKib: number };
const db = new Database(path);
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
// A rebuild's tables and indexes are built here: a page cache that holds much of them saves re-reading
// pages while inserting and sorts the index builds in memory.
db.pragma(`cache_size = -${cacheKib}`);

const statements = new Map<string, Database.Statement>();
let inTransaction = false;
let failure: string | undefined;

function statement(sql: string): Database.Statement {
  let s = statements.get(sql);
  if (!s) statements.set(sql, (s = db.prepare(sql)));
  return s;
}

function run(sql: string, width: number, values: readonly unknown[]): void {
  if (failure !== undefined) return;
  try {
    if (!inTransaction) {
      db.exec('BEGIN');
      inTransaction = true;
    }
    const s = statement(sql);
    const row = new Array<unknown>(width);
    for (let i = 0; i < values.length; i += width) {
      for (let j = 0; j < width; j++) row[j] = values[i + j];
      s.run(row);
    }
  } catch (error) {
    failure = String(error);
    rollback();
  }
}

function rollback(): void {
  if (inTransaction) db.exec('ROLLBACK');
  inTransaction = false;
}

function reply(message: WriterReply): void {
  parentPort?.postMessage(message);
}

parentPort?.on('message', (message: WriterMessage) => {
  switch (message.kind) {
    case 'run':
      run(message.sql, message.width, message.values);
      return reply({ id: message.id });
    case 'rollback':
      failure = undefined;
      return rollback();
    case 'commit': {
      const error = failure;
      failure = undefined;
      if (error !== undefined) return reply({ id: message.id, error });
      try {
        if (inTransaction) db.exec('COMMIT');
        inTransaction = false;
        return reply({ id: message.id });
      } catch (commitError) {
        rollback();
        return reply({ id: message.id, error: String(commitError) });
      }
    }
    case 'exec':
      try {
        db.exec(message.sql);
        return reply({ id: message.id });
      } catch (error) {
        return reply({ id: message.id, error: String(error) });
      }
    case 'close':
      db.close();
      return reply({ id: message.id });
  }
});

import Database from 'better-sqlite3';
import { positionFromString, positionToString, type Position } from '@lib/event-store';
import type { CheckpointStore } from './checkpoint-store';

/**
 * Checkpoints in a SQLite file of their own (or `:memory:`). WAL with synchronous=FULL: a saved
 * checkpoint survives a crash, so a restarted relay re-publishes only what it had not checkpointed.
 */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly loadStatement: Database.Statement<[string], { position: string }>;
  private readonly saveStatement: Database.Statement<[string, string]>;

  private constructor(private readonly db: Database.Database) {
    db.exec(
      'CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL) WITHOUT ROWID',
    );
    this.loadStatement = db.prepare('SELECT position FROM checkpoints WHERE name = ?');
    this.saveStatement = db.prepare(
      'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position',
    );
  }

  static open(path: string): SqliteCheckpointStore {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    return new SqliteCheckpointStore(db);
  }

  async load(name: string): Promise<Position | undefined> {
    const row = this.loadStatement.get(name);
    return row ? positionFromString(row.position) : undefined;
  }

  async save(name: string, position: Position): Promise<void> {
    this.saveStatement.run(name, positionToString(position));
  }

  close(): void {
    this.db.close();
  }
}

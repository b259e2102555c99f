/**
 * The embedded read store: SQLite through better-sqlite3, in its own file (`read-models.sqlite` in the data
 * dir), WAL with `synchronous=FULL` like the event store, so a batch and its checkpoint survive together.
 *
 * A collection is a table of JSON documents with one column per indexed field (computed from the document
 * when it is written) and an index per field. Tables are named per generation (`g<n>_<collection>`): a
 * rebuild fills generation n+1 while queries read n, and the swap is one transaction that flips the live
 * generation and drops the old tables (SQLite DDL is transactional).
 */
import Database from 'better-sqlite3';
import { applyDurablePragmas, type Position } from '@lib/event-store';
import {
  assertValidSpecs,
  type AnyCollection,
  type Batch,
  type CollectionSpec,
  type FieldValue,
  type FindQuery,
  type Page,
  type ReadStore,
  type RebuildTarget,
} from '../read-store.port';
import { SqliteGeneration } from './sqlite-generation';

const META_SQL = `
CREATE TABLE IF NOT EXISTS read_store_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS read_store_checkpoints (
  generation INTEGER NOT NULL,
  name       TEXT    NOT NULL,
  position   TEXT    NOT NULL,
  PRIMARY KEY (generation, name)
);
INSERT OR IGNORE INTO read_store_meta (name, value) VALUES ('live_generation', 1), ('last_generation', 1);
`;

export class SqliteReadStore implements ReadStore {
  private live: SqliteGeneration;
  private rebuilding: SqliteGeneration | undefined;

  private constructor(
    private readonly db: Database.Database,
    private readonly collections: readonly AnyCollection[],
  ) {
    this.live = new SqliteGeneration(db, this.meta('live_generation'), collections);
    this.dropGenerationsOtherThan(this.live.generation);
  }

  /** Opens (creating if needed) the store at `path` (':memory:' for a throwaway one) with these collections. */
  static open(path: string, collections: readonly AnyCollection[]): SqliteReadStore {
    assertValidSpecs(collections);
    const db = new Database(path);
    try {
      applyDurablePragmas(db, 5000);
      db.exec(META_SQL);
      return new SqliteReadStore(db, collections);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async load<TDoc>(collection: CollectionSpec<TDoc, string>, keys: readonly string[]) {
    return this.live.load(collection, keys);
  }

  async applyBatch(batch: Batch): Promise<void> {
    this.live.applyBatch(batch);
  }

  async checkpoint(name: string): Promise<Position | undefined> {
    return this.live.checkpoint(name);
  }

  async find<TDoc, TField extends string>(
    collection: CollectionSpec<TDoc, TField>,
    query: FindQuery<TField>,
  ): Promise<Page<TDoc>> {
    return this.live.find(collection, query);
  }

  async count<TDoc, TField extends string>(
    collection: CollectionSpec<TDoc, TField>,
    where: { readonly [K in TField]?: FieldValue } = {},
  ): Promise<number> {
    return this.live.count(collection as unknown as AnyCollection, where);
  }

  async beginRebuild(): Promise<RebuildTarget> {
    if (this.rebuilding) throw new Error('A rebuild is already under way');
    const generation = this.meta('last_generation') + 1;
    this.db.prepare("UPDATE read_store_meta SET value = ? WHERE name = 'last_generation'").run(generation);
    const target = new SqliteGeneration(this.db, generation, this.collections, { deferIndexes: true });
    this.rebuilding = target;
    const current = (): void => {
      if (this.rebuilding !== target) throw new Error('This rebuild is no longer under way');
    };
    return {
      load: async (collection, keys) => target.load(collection, keys),
      applyBatch: async (batch) => {
        current();
        target.applyBatch(batch);
      },
      checkpoint: async (name) => target.checkpoint(name),
      swap: async () => {
        current();
        this.rebuilding = undefined;
        const old = this.live.generation;
        this.db.transaction(() => {
          target.createIndexes();
          this.db
            .prepare("UPDATE read_store_meta SET value = ? WHERE name = 'live_generation'")
            .run(generation);
          this.dropGeneration(old);
        })();
        this.live = target;
      },
      abandon: async () => {
        current();
        this.rebuilding = undefined;
        this.db.transaction(() => this.dropGeneration(generation))();
      },
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private meta(name: string): number {
    const value = this.db.prepare('SELECT value FROM read_store_meta WHERE name = ?').pluck().get(name);
    return Number(value);
  }

  private dropGeneration(generation: number): void {
    for (const table of this.tablesOf(generation)) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
    this.db.prepare('DELETE FROM read_store_checkpoints WHERE generation = ?').run(generation);
  }

  /** A rebuild that never swapped (the process died) leaves its tables: they are dropped at the next open. */
  private dropGenerationsOtherThan(live: number): void {
    const tables = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'g[0-9]*_*'")
      .pluck()
      .all() as string[];
    const others = new Set(tables.map((t) => Number(/^g(\d+)_/.exec(t)?.[1])).filter((g) => g !== live));
    if (others.size === 0) return;
    this.db.transaction(() => others.forEach((g) => this.dropGeneration(g)))();
  }

  private tablesOf(generation: number): string[] {
    return this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB ?")
      .pluck()
      .all(`g${generation}_*`) as string[];
  }
}

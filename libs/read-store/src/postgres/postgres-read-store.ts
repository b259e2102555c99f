/**
 * The read store on PostgreSQL through node-postgres (one Pool), in a schema of its own (default `public`).
 *
 * A collection is a table per generation (`g<n>_<collection>`): the key, the document as JSON text (written
 * and read back byte for byte), and three columns per indexed field that compare as SQLite's untyped ones
 * (postgres-sql.ts), with an index per field and the compound ones. A batch is one transaction: a multi-row
 * upsert per collection (arrays unnested), its deletes and the checkpoint. A rebuild fills generation n+1 and
 * the swap flips the live generation and drops the old tables in one transaction (DDL is transactional).
 *
 * Several processes may share the schema. A swap made by another one is seen:
 * - by reads at once: they go to the live generation as last seen, and since the swap dropped its tables, a
 *   read that finds them gone looks up the live generation and runs again there (no extra round trip before);
 * - by `checkpoint(name)`, which reads the live generation in the same statement;
 * - by writes, which never follow it silently: a batch reads the live generation (FOR SHARE, so a swap waits
 *   for it) and fails unless it is the one its checkpoint was read from (or, for a checkpoint never read,
 *   the one live at connect or at this process's own swap). A batch computed from the old generation's
 *   documents and checkpoint would be wrong in the new one; the writer (a projection runner) must stop and
 *   start again from `checkpoint()`, which reads the new generation.
 */
import { Pool } from 'pg';
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
import { PostgresGeneration, prepareChanges } from './postgres-generation';
import { liveCheckpoint, liveGeneration, setUp, withTransaction } from './postgres-meta';
import { PostgresRebuild } from './postgres-rebuild';
import { assertIndexWidths } from './postgres-sql';

export interface PostgresReadStoreOptions {
  /** The schema of the store's tables, created if missing (default `public`): one per store in a database. */
  readonly schema?: string;
  /** Most connections of the pool (default 10). */
  readonly maxConnections?: number;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
/** SQLSTATE undefined_table: what a read of a generation dropped by a swap meets. */
const UNDEFINED_TABLE = '42P01';

const isUndefinedTable = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNDEFINED_TABLE;

export class PostgresReadStore implements ReadStore {
  /** Per checkpoint name, the generation its writer read it from: that checkpoint's batches go there or fail. */
  private readonly readFrom = new Map<string, number>();
  /** Where batches of a checkpoint never read go: the generation live at connect, or at this process's swap. */
  private writeTo: number;
  private rebuild: PostgresRebuild | undefined;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly collections: ReadonlyMap<string, AnyCollection>,
    /** The live generation as last seen: where reads go. */
    private live: PostgresGeneration,
  ) {
    this.writeTo = live.generation;
  }

  /**
   * Connects to the database `url` names, creating the schema, the store's tables and the live generation's
   * collections and indexes it lacks, and dropping rebuilds that never swapped (no process is filling).
   */
  static async connect(
    url: string,
    collections: readonly AnyCollection[],
    options: PostgresReadStoreOptions = {},
  ): Promise<PostgresReadStore> {
    assertValidSpecs(collections);
    assertIndexWidths(collections);
    const schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(schema)) throw new Error(`Schema name ${schema}: letters, digits, _`);
    const pool = new Pool({ connectionString: url, max: options.maxConnections ?? 10 });
    // An idle connection that fails (the server restarted) leaves the pool; the next query opens another.
    pool.on('error', () => undefined);
    try {
      const byName = new Map(collections.map((c) => [c.name, c]));
      return new PostgresReadStore(pool, schema, byName, await setUp(pool, schema, byName));
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  load<TDoc>(collection: CollectionSpec<TDoc, string>, keys: readonly string[]): Promise<Map<string, TDoc>> {
    return this.reading((g) => g.load(this.pool, collection, keys));
  }

  async applyBatch(batch: Batch): Promise<void> {
    const changes = prepareChanges(batch);
    const expected = this.readFrom.get(batch.checkpoint.name) ?? this.writeTo;
    await withTransaction(this.pool, async (client) => {
      const live = await liveGeneration(client, this.schema, 'FOR SHARE');
      if (live !== expected) {
        this.see(live);
        throw new Error(
          `Read store (schema ${this.schema}): checkpoint ${batch.checkpoint.name} was read from generation ` +
            `${expected}, and generation ${live} is live now (a rebuild swapped it in): read the checkpoint ` +
            'again (restart the projection) before writing',
        );
      }
      await this.generation(live).write(client, changes, batch.checkpoint);
    });
  }

  async checkpoint(name: string): Promise<bigint | undefined> {
    const { live, position } = await liveCheckpoint(this.pool, this.schema, name);
    this.see(live);
    this.readFrom.set(name, live);
    return position;
  }

  find<TDoc, TField extends string>(
    collection: CollectionSpec<TDoc, TField>,
    query: FindQuery<TField>,
  ): Promise<Page<TDoc>> {
    return this.reading((g) => g.find(this.pool, collection, query));
  }

  count<TDoc, TField extends string>(
    collection: CollectionSpec<TDoc, TField>,
    where: { readonly [K in TField]?: FieldValue } = {},
  ): Promise<number> {
    return this.reading((g) => g.count(this.pool, collection as unknown as AnyCollection, where));
  }

  async beginRebuild(): Promise<RebuildTarget> {
    if (this.rebuild) throw new Error('A rebuild is already under way');
    const rebuild = await PostgresRebuild.begin(
      this.pool,
      this.schema,
      this.collections,
      (ended, swapped) => {
        if (this.rebuild === ended) this.rebuild = undefined;
        if (!swapped) return;
        this.live = ended.target;
        this.writeTo = ended.target.generation;
      },
    );
    this.rebuild = rebuild;
    return rebuild;
  }

  /** Closes the pool; a rebuild under way is given up (its tables are dropped by a later start). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.rebuild?.release();
    await this.pool.end();
  }

  /**
   * Runs a read on the live generation as last seen; if its tables are gone (another process swapped and
   * dropped them), once more on the generation live now.
   */
  private async reading<T>(read: (generation: PostgresGeneration) => Promise<T>): Promise<T> {
    const seen = this.live;
    try {
      return await read(seen);
    } catch (error) {
      if (!isUndefinedTable(error)) throw error;
      const live = await liveGeneration(this.pool, this.schema);
      if (live === seen.generation) throw error;
      this.see(live);
      return read(this.live);
    }
  }

  /** Notes the live generation read from the database. */
  private see(live: number): void {
    if (live !== this.live.generation) this.live = this.generation(live);
  }

  private generation(generation: number): PostgresGeneration {
    if (generation === this.live.generation) return this.live;
    return new PostgresGeneration(this.schema, generation, this.collections);
  }
}

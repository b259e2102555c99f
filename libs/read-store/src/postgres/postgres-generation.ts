import type { QueryResult, QueryResultRow } from 'pg';
import { decodeCursor, encodeCursor } from '../paging';
import {
  assertValidQuery,
  type AnyCollection,
  type Batch,
  type Checkpoint,
  type CollectionSpec,
  type FieldValue,
  type FindQuery,
  type Page,
} from '../read-store.port';
import {
  CHECKPOINTS_TABLE,
  Params,
  afterClause,
  createIndexesSql,
  createTableSql,
  decodeValue,
  encodeValue,
  fieldColumns,
  generationPrefix,
  quote,
  sortColumns,
  tableIn,
  tableNameOf,
  whereClauses,
} from './postgres-sql';

/** A pool or one of its clients (a client inside a transaction). */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

/** Rows per INSERT: a batch of thousands of documents is a few statements, each of bounded size. */
const UPSERT_ROWS = 5000;

/** One change of a batch, its documents serialised and their fields computed (column by column). */
interface PreparedChange {
  readonly collection: AnyCollection;
  readonly keys: string[];
  readonly docs: string[];
  /** Per field, its three columns' values: kinds, numbers, texts. */
  readonly columns: [number[], number[], string[]][];
  readonly deletes: readonly string[];
}

/**
 * Serialises the documents and computes their fields before any SQL runs: a document a field refuses fails
 * the batch before the transaction begins.
 */
export function prepareChanges(batch: Batch): PreparedChange[] {
  return batch.changes.map(({ collection, upserts, deletes }) => {
    const derive = Object.values(collection.fields) as ((doc: unknown) => FieldValue)[];
    const columns = derive.map((): [number[], number[], string[]] => [[], [], []]);
    const keys: string[] = [];
    const docs: string[] = [];
    for (const [key, doc] of upserts) {
      keys.push(key);
      docs.push(JSON.stringify(doc));
      derive.forEach((field, i) => {
        const [kind, number, text] = encodeValue(field(doc));
        columns[i][0].push(kind);
        columns[i][1].push(number);
        columns[i][2].push(text);
      });
    }
    return { collection, keys, docs, columns, deletes: deletes ?? [] };
  });
}

/**
 * One generation of the store's collections and checkpoints (see the SQLite adapter): the live one answers
 * queries; a rebuild fills the next one. It holds no connection: each call runs on the pool or client given.
 */
export class PostgresGeneration {
  constructor(
    readonly schema: string,
    readonly generation: number,
    private readonly collections: ReadonlyMap<string, AnyCollection>,
  ) {}

  /** Creates the generation's tables (idempotent), with their indexes unless a rebuild defers them. */
  async createTables(db: Queryable, options: { readonly indexes: boolean }): Promise<void> {
    for (const c of this.collections.values()) {
      await db.query(createTableSql(this.schema, this.generation, c));
      if (options.indexes) await this.createIndexesOf(db, c);
    }
  }

  /** Creates the indexes (idempotent) and refreshes the planner's statistics of tables filled in bulk. */
  async createIndexes(db: Queryable): Promise<void> {
    for (const c of this.collections.values()) {
      await this.createIndexesOf(db, c);
      await db.query(`ANALYZE ${this.tableOf(c)}`);
    }
  }

  /** Drops every table of the generation (whatever collections made them) and its checkpoints. */
  async drop(db: Queryable): Promise<void> {
    const { rows } = await db.query<{ name: string }>(
      'SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 AND starts_with(tablename, $2)',
      [this.schema, generationPrefix(this.generation)],
    );
    for (const { name } of rows) await db.query(`DROP TABLE IF EXISTS ${tableIn(this.schema, name)}`);
    await db.query(`DELETE FROM ${tableIn(this.schema, CHECKPOINTS_TABLE)} WHERE generation = $1`, [
      this.generation,
    ]);
  }

  async load<TDoc>(
    db: Queryable,
    collection: CollectionSpec<TDoc, string>,
    keys: readonly string[],
  ): Promise<Map<string, TDoc>> {
    const found = new Map<string, TDoc>();
    if (keys.length === 0) return found;
    const { rows } = await db.query<{ key: string; doc: string }>(
      `SELECT key, doc FROM ${this.tableOf(collection)} WHERE key = ANY($1::text[])`,
      [keys],
    );
    for (const { key, doc } of rows) found.set(key, JSON.parse(doc) as TDoc);
    return found;
  }

  /** Writes prepared changes and the checkpoint; `client` is inside the caller's transaction. */
  async write(client: Queryable, changes: readonly PreparedChange[], checkpoint: Checkpoint): Promise<void> {
    for (const change of changes) {
      for (let start = 0; start < change.keys.length; start += UPSERT_ROWS) {
        await this.upsert(client, change, start, Math.min(start + UPSERT_ROWS, change.keys.length));
      }
      if (change.deletes.length > 0) {
        await client.query(`DELETE FROM ${this.tableOf(change.collection)} WHERE key = ANY($1::text[])`, [
          change.deletes,
        ]);
      }
    }
    await client.query(
      `INSERT INTO ${tableIn(this.schema, CHECKPOINTS_TABLE)} (generation, name, position) VALUES ($1, $2, $3)
       ON CONFLICT (generation, name) DO UPDATE SET position = EXCLUDED.position`,
      [this.generation, checkpoint.name, checkpoint.position.toString()],
    );
  }

  async checkpoint(db: Queryable, name: string): Promise<bigint | undefined> {
    const { rows } = await db.query<{ position: string }>(
      `SELECT position FROM ${tableIn(this.schema, CHECKPOINTS_TABLE)} WHERE generation = $1 AND name = $2`,
      [this.generation, name],
    );
    return rows.length === 0 ? undefined : BigInt(rows[0].position);
  }

  async find<TDoc, TField extends string>(
    db: Queryable,
    collection: CollectionSpec<TDoc, TField>,
    query: FindQuery<TField>,
  ): Promise<Page<TDoc>> {
    assertValidQuery(collection as unknown as AnyCollection, query);
    const order: string = query.orderBy?.field ?? 'key';
    const descending = query.orderBy?.direction === 'desc';
    const params = new Params();
    const clauses = whereClauses(query.where ?? {}, params);
    if (query.after !== undefined) {
      clauses.push(afterClause(order, decodeCursor(query.after), descending, params));
    }
    const direction = descending ? 'DESC' : 'ASC';
    const sorted =
      order === 'key'
        ? []
        : fieldColumns(order).map((column, i) => `${quote(column)} AS ${['kind', 'number', 'text'][i]}`);
    const { rows } = await db.query<{ key: string; doc: string; kind: number; number: number; text: string }>(
      `SELECT ${['key', 'doc', ...sorted].join(', ')} FROM ${this.tableOf(collection)}` +
        (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '') +
        ` ORDER BY ${sortColumns(order)
          .map((column) => `${column} ${direction}`)
          .join(', ')} LIMIT ${params.add(query.limit + 1)}`,
      params.values,
    );
    const items = rows.slice(0, query.limit).map((row) => JSON.parse(row.doc) as TDoc);
    const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
    if (!last) return { items, next: null };
    const value = order === 'key' ? last.key : decodeValue(last.kind, last.number, last.text);
    return { items, next: encodeCursor({ value, key: last.key }) };
  }

  async count(
    db: Queryable,
    collection: AnyCollection,
    where: { readonly [field: string]: FieldValue | undefined },
  ): Promise<number> {
    assertValidQuery(collection, { where, limit: 1 });
    const params = new Params();
    const clauses = whereClauses(where, params);
    const { rows } = await db.query<{ count: string }>(
      `SELECT count(*) AS count FROM ${this.tableOf(collection)}` +
        (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''),
      params.values,
    );
    return Number(rows[0].count);
  }

  /** One multi-row upsert of rows [start, end) of a change: arrays unnested, one parameter per column. */
  private async upsert(db: Queryable, change: PreparedChange, start: number, end: number): Promise<void> {
    const names = ['key', 'doc'];
    const arrays: string[] = ['$1::text[]', '$2::text[]'];
    const values: unknown[] = [change.keys.slice(start, end), change.docs.slice(start, end)];
    Object.keys(change.collection.fields).forEach((field, i) => {
      names.push(...fieldColumns(field).map(quote));
      ['smallint', 'float8', 'text'].forEach((type, c) => {
        values.push(change.columns[i][c].slice(start, end));
        arrays.push(`$${values.length}::${type}[]`);
      });
    });
    const updates = names.slice(1).map((name) => `${name} = EXCLUDED.${name}`);
    await db.query(
      `INSERT INTO ${this.tableOf(change.collection)} (${names.join(', ')}) ` +
        `SELECT * FROM unnest(${arrays.join(', ')}) ON CONFLICT (key) DO UPDATE SET ${updates.join(', ')}`,
      values,
    );
  }

  private async createIndexesOf(db: Queryable, c: AnyCollection): Promise<void> {
    for (const sql of createIndexesSql(this.schema, this.generation, c)) await db.query(sql);
  }

  private tableOf(collection: { readonly name: string }): string {
    if (!this.collections.has(collection.name)) throw new RangeError(`Unknown collection ${collection.name}`);
    return tableIn(this.schema, tableNameOf(this.generation, collection.name));
  }
}

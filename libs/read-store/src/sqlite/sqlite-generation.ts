import type Database from 'better-sqlite3';
import type { Position } from '@lib/event-store';
import { decodeCursor, encodeCursor } from '../paging';
import {
  assertValidQuery,
  type AnyCollection,
  type Batch,
  type CollectionSpec,
  type FieldValue,
  type FindQuery,
  type Page,
} from '../read-store.port';

/** The table of a collection in a generation: `g<generation>_<name>`; fields are columns `f_<field>`. */
export const tableOf = (generation: number, collection: string): string => `g${generation}_${collection}`;
const column = (field: string): string => `f_${field}`;

/** Creates a collection's table (idempotent); its indexes come from createIndexesSql. */
export function createTableSql(generation: number, c: AnyCollection): string {
  const fields = Object.keys(c.fields);
  // Field columns are untyped (no affinity): a value keeps its type, as the document's JSON has it.
  const columns = ['key TEXT PRIMARY KEY', 'doc TEXT NOT NULL', ...fields.map(column)];
  return `CREATE TABLE IF NOT EXISTS ${tableOf(generation, c.name)} (${columns.join(', ')});`;
}

/** Creates a collection's indexes (idempotent): one per field, plus the collection's compound ones. */
export function createIndexesSql(generation: number, c: AnyCollection): string {
  const table = tableOf(generation, c.name);
  return [...Object.keys(c.fields).map((f) => [f]), ...(c.indexes ?? [])]
    .map(
      (index) =>
        `CREATE INDEX IF NOT EXISTS ${table}__${index.join('_')} ON ${table} (${[...index.map(column), 'key'].join(', ')});`,
    )
    .join('\n');
}

/** Creates a collection's table and indexes in a generation (idempotent). */
export const createCollectionSql = (generation: number, c: AnyCollection): string =>
  [createTableSql(generation, c), createIndexesSql(generation, c)].join('\n');

interface CollectionStatements {
  readonly load: Database.Statement<[string], [string, string]>;
  readonly upsert: Database.Statement<FieldValue[]>;
  readonly remove: Database.Statement<[string]>;
  readonly fields: readonly [string, (doc: never) => FieldValue][];
}

/** Appends a document's row (key, JSON text, field values: the upsert's parameters) to `values`. */
function pushRow(values: FieldValue[], s: CollectionStatements, key: string, doc: unknown): void {
  values.push(key, JSON.stringify(doc));
  for (const [, derive] of s.fields) values.push(derive(doc as never));
}

/**
 * One generation of the read store's collections and checkpoints, with its prepared statements. The live
 * generation answers queries; a rebuild writes a new one, and the swap makes it live.
 */
export class SqliteGeneration {
  private readonly statements = new Map<string, CollectionStatements>();
  private readonly queries = new Map<
    string,
    Database.Statement<FieldValue[], [string, string, FieldValue]>
  >();
  private readonly getCheckpoint: Database.Statement<[number, string], string | undefined>;
  private readonly setCheckpoint: Database.Statement<[number, string, string]>;
  private readonly writeBatch: (batch: Batch) => void;

  constructor(
    private readonly db: Database.Database,
    readonly generation: number,
    private readonly collections: readonly AnyCollection[],
    /**
     * A rebuild's generation: tables without indexes until `createIndexes` (before its swap), since building
     * an index once over the loaded rows is much cheaper than keeping it up to date row by row.
     */
    options: { readonly deferIndexes?: boolean } = {},
  ) {
    for (const c of collections) {
      db.exec(options.deferIndexes ? createTableSql(generation, c) : createCollectionSql(generation, c));
      const table = tableOf(generation, c.name);
      const fields = Object.entries(c.fields) as [string, (doc: never) => FieldValue][];
      const columns = ['key', 'doc', ...fields.map(([f]) => column(f))];
      this.statements.set(c.name, {
        load: db
          .prepare(`SELECT key, doc FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`)
          .raw() as unknown as Database.Statement<[string], [string, string]>,
        upsert: db.prepare<FieldValue[]>(
          `INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        ),
        remove: db.prepare(`DELETE FROM ${table} WHERE key = ?`),
        fields,
      });
    }
    this.getCheckpoint = db
      .prepare('SELECT position FROM read_store_checkpoints WHERE generation = ? AND name = ?')
      .pluck() as unknown as Database.Statement<[number, string], string | undefined>;
    this.setCheckpoint = db.prepare(
      'INSERT OR REPLACE INTO read_store_checkpoints (generation, name, position) VALUES (?, ?, ?)',
    );
    this.writeBatch = db.transaction((batch: Batch) => {
      for (const change of batch.changes) {
        const s = this.statementsOf(change.collection);
        const values: FieldValue[] = [];
        for (const [key, doc] of change.upserts) {
          values.length = 0;
          pushRow(values, s, key, doc);
          s.upsert.run(...values);
        }
        for (const key of change.deletes ?? []) s.remove.run(key);
      }
      this.setCheckpoint.run(this.generation, batch.checkpoint.name, batch.checkpoint.position.toString());
    });
  }

  /** Creates the indexes a generation opened with `deferIndexes` lacks (idempotent). */
  createIndexes(): void {
    for (const c of this.collections) this.db.exec(createIndexesSql(this.generation, c));
  }

  load<TDoc>(collection: CollectionSpec<TDoc, string>, keys: readonly string[]): Map<string, TDoc> {
    const found = new Map<string, TDoc>();
    if (keys.length === 0) return found;
    const rows = this.statementsOf(collection).load.all(JSON.stringify(keys));
    for (const [key, doc] of rows) found.set(key, JSON.parse(doc) as TDoc);
    return found;
  }

  /** One SQLite transaction: a throw anywhere (a bad document, a failing field) rolls back all of it. */
  applyBatch(batch: Batch): void {
    this.writeBatch(batch);
  }

  checkpoint(name: string): Position | undefined {
    const stored = this.getCheckpoint.get(this.generation, name);
    return stored === undefined ? undefined : BigInt(stored);
  }

  find<TDoc, TField extends string>(
    collection: CollectionSpec<TDoc, TField>,
    query: FindQuery<TField>,
  ): Page<TDoc> {
    assertValidQuery(collection as unknown as AnyCollection, query);
    const table = tableOf(this.generation, collection.name);
    const order = query.orderBy?.field ?? 'key';
    const orderColumn = order === 'key' ? 'key' : column(order);
    const descending = query.orderBy?.direction === 'desc';
    const { clauses, values } = whereOf(query.where ?? {});
    if (query.after !== undefined) {
      const after = decodeCursor(query.after);
      const cmp = descending ? '<' : '>';
      clauses.push(`(${orderColumn} ${cmp} ? OR (${orderColumn} = ? AND key ${cmp} ?))`);
      values.push(after.value, after.value, after.key);
    }
    const direction = descending ? 'DESC' : 'ASC';
    const sql =
      `SELECT key, doc, ${orderColumn} FROM ${table}` +
      (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '') +
      ` ORDER BY ${orderColumn} ${direction}, key ${direction} LIMIT ?`;
    const rows = this.query(sql).all(...values, query.limit + 1);
    const items = rows.slice(0, query.limit).map(([, doc]) => JSON.parse(doc) as TDoc);
    const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
    return { items, next: last ? encodeCursor({ value: last[2], key: last[0] }) : null };
  }

  count(collection: AnyCollection, where: { readonly [field: string]: FieldValue | undefined }): number {
    assertValidQuery(collection, { where, limit: 1 });
    const { clauses, values } = whereOf(where);
    const sql =
      `SELECT COUNT(*), NULL, NULL FROM ${tableOf(this.generation, collection.name)}` +
      (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '');
    return Number(this.query(sql).all(...values)[0][0]);
  }

  private statementsOf(collection: { readonly name: string }): CollectionStatements {
    const s = this.statements.get(collection.name);
    if (!s) throw new RangeError(`Unknown collection ${collection.name}`);
    return s;
  }

  private query(sql: string): Database.Statement<FieldValue[], [string, string, FieldValue]> {
    let statement = this.queries.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql).raw() as unknown as Database.Statement<
        FieldValue[],
        [string, string, FieldValue]
      >;
      this.queries.set(sql, statement);
    }
    return statement;
  }
}

function whereOf(where: { readonly [field: string]: FieldValue | undefined }): {
  clauses: string[];
  values: FieldValue[];
} {
  const clauses: string[] = [];
  const values: FieldValue[] = [];
  for (const [field, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (value === null) clauses.push(`${column(field)} IS NULL`);
    else {
      clauses.push(`${column(field)} = ?`);
      values.push(value);
    }
  }
  return { clauses, values };
}

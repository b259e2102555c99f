/**
 * The SQL text of the PostgreSQL read store: names, the columns of an indexed field, DDL, and the clauses of a
 * query (equality, sort order, keyset paging).
 *
 * An indexed field is three NOT NULL columns, so its values compare exactly as the SQLite adapter's untyped
 * columns do (NULL first, then numbers by value, then strings by their UTF-8 bytes) whatever kinds a field
 * holds, and so a page boundary is a plain row comparison that an index can start from:
 * `f_<field>_kind` (0 null, 1 number, 2 string), `f_<field>_number` (double precision, 0 unless a number)
 * and `f_<field>_text` (text COLLATE "C", '' unless a string).
 */
import { createHash } from 'node:crypto';
import type { AnyCollection, FieldValue } from '../read-store.port';

export const META_TABLE = 'read_store_meta';
export const CHECKPOINTS_TABLE = 'read_store_checkpoints';

/** PostgreSQL's longest identifier, in bytes (longer ones are truncated, which could make two names one). */
const MAX_IDENTIFIER = 63;

export const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/** A table of the store's schema, quoted and qualified. */
export const tableIn = (schema: string, table: string): string => `${quote(schema)}.${quote(table)}`;

/** The table of a collection in a generation, `g<generation>_<collection>` (unqualified). */
export const tableNameOf = (generation: number, collection: string): string => `g${generation}_${collection}`;

/** The prefix every table of a generation starts with. */
export const generationPrefix = (generation: number): string => `g${generation}_`;

const KINDS = { null: 0, number: 1, string: 2 } as const;

/** The three columns of an indexed field, unquoted: kind, number, text (their order is the sort order). */
export const fieldColumns = (field: string): readonly [string, string, string] => [
  `f_${field}_kind`,
  `f_${field}_number`,
  `f_${field}_text`,
];

/** A field's value as its three column values. */
export function encodeValue(value: FieldValue): [number, number, string] {
  if (value === null) return [KINDS.null, 0, ''];
  if (typeof value === 'number') return [KINDS.number, value, ''];
  return [KINDS.string, 0, value];
}

/** A field's value from its three column values (the number as PostgreSQL returns a double: exactly). */
export function decodeValue(kind: number, number: number, text: string): FieldValue {
  if (kind === KINDS.number) return number;
  return kind === KINDS.string ? text : null;
}

export function createTableSql(schema: string, generation: number, c: AnyCollection): string {
  const columns = ['key text COLLATE "C" PRIMARY KEY', 'doc text NOT NULL'];
  for (const field of Object.keys(c.fields)) {
    const [kind, number, text] = fieldColumns(field).map(quote);
    columns.push(`${kind} smallint NOT NULL`, `${number} double precision NOT NULL`);
    columns.push(`${text} text COLLATE "C" NOT NULL`);
  }
  return `CREATE TABLE IF NOT EXISTS ${tableIn(schema, tableNameOf(generation, c.name))} (${columns.join(', ')})`;
}

/** The columns of an index over these fields (three each), the key appended for paging. */
const indexColumns = (fields: readonly string[]): string[] => [
  ...fields.flatMap((f) => fieldColumns(f).map(quote)),
  'key',
];

/** An index's name: readable when it fits in an identifier, else the table's name and a digest of the fields. */
function indexNameOf(table: string, fields: readonly string[]): string {
  const readable = `${table}__${fields.join('_')}`;
  if (Buffer.byteLength(readable) <= MAX_IDENTIFIER) return readable;
  return `${table}__${createHash('sha256').update(fields.join(',')).digest('hex').slice(0, 8)}`;
}

/** A collection's indexes (idempotent statements): one per field, plus the collection's compound ones. */
export function createIndexesSql(schema: string, generation: number, c: AnyCollection): string[] {
  const table = tableNameOf(generation, c.name);
  return [...Object.keys(c.fields).map((f) => [f]), ...(c.indexes ?? [])].map(
    (fields) =>
      `CREATE INDEX IF NOT EXISTS ${quote(indexNameOf(table, fields))} ON ${tableIn(schema, table)} ` +
      `(${indexColumns(fields).join(', ')})`,
  );
}

/** PostgreSQL indexes hold at most 32 columns: an index of a collection may name at most 10 fields. */
export function assertIndexWidths(collections: readonly AnyCollection[]): void {
  for (const c of collections) {
    for (const index of c.indexes ?? []) {
      if (indexColumns(index).length > 32) {
        throw new Error(`Index ${c.name}(${index.join(', ')}): PostgreSQL indexes at most 10 fields`);
      }
    }
  }
}

/** Numbered query parameters: `add` answers the placeholder of a value. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `field = value` for each field given (undefined ones skipped), ANDed; the key's equality is not here. */
export function whereClauses(where: { readonly [field: string]: FieldValue | undefined }, params: Params) {
  const clauses: string[] = [];
  for (const [field, value] of Object.entries(where)) {
    if (value === undefined) continue;
    const columns = fieldColumns(field).map(quote);
    encodeValue(value).forEach((v, i) => clauses.push(`${columns[i]} = ${params.add(v)}`));
  }
  return clauses;
}

/** The columns a query sorts by (the key last, breaking ties), quoted. */
export const sortColumns = (order: string): string[] =>
  order === 'key' ? ['key'] : [...fieldColumns(order).map(quote), 'key'];

/** The row comparison that starts a page after `(value, key)` in the sort order. */
export function afterClause(
  order: string,
  after: { readonly value: FieldValue; readonly key: string },
  descending: boolean,
  params: Params,
): string {
  const cmp = descending ? '<' : '>';
  if (order === 'key') return `key ${cmp} ${params.add(after.key)}`;
  const bound = [...encodeValue(after.value), after.key].map((v) => params.add(v));
  return `(${sortColumns(order).join(', ')}) ${cmp} (${bound.join(', ')})`;
}

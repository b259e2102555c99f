/**
 * The store's own tables in its schema: `read_store_meta` (the live and the last generation) and
 * `read_store_checkpoints` (by generation and name), and the locks that let several processes share them.
 *
 * Locks, always taken in this order (so no two of them deadlock):
 * - the row of the live generation: a batch written to the live collections reads it FOR SHARE, a swap FOR
 *   UPDATE, so a swap waits for the batches in flight and a batch after it sees the new generation;
 * - advisory locks keyed by the schema: (key, 0) serialises the set-up of processes starting together;
 *   (key, n) is held by the process rebuilding generation n for as long as its rebuild is under way, so the
 *   clean-up of abandoned generations at start never drops a rebuild another process is filling.
 */
import type { Pool, PoolClient } from 'pg';
import type { AnyCollection } from '../read-store.port';
import { PostgresGeneration, type Queryable } from './postgres-generation';
import { CHECKPOINTS_TABLE, META_TABLE, quote, tableIn } from './postgres-sql';

/** A 32-bit key for the advisory locks of a schema (FNV-1a of its name): stores in other schemas do not wait. */
export function lockKeyOf(schema: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(`read-store:${schema}`, 'utf8')) {
    hash = Math.imul(hash ^ byte, 0x01000193);
  }
  return hash | 0;
}

/** Runs `work` in one transaction on a client of the pool (or on the client given). */
export async function withTransaction<T>(
  db: Pool | PoolClient,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = 'release' in db ? db : await db.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    if (client !== db) client.release();
  }
}

const metaTable = (schema: string): string => tableIn(schema, META_TABLE);

/** The live generation; `lock` reads it FOR SHARE (a batch) or FOR UPDATE (a swap) inside a transaction. */
export async function liveGeneration(
  db: Queryable,
  schema: string,
  lock: '' | 'FOR SHARE' | 'FOR UPDATE' = '',
): Promise<number> {
  const { rows } = await db.query<{ value: number }>(
    `SELECT value FROM ${metaTable(schema)} WHERE name = 'live_generation' ${lock}`,
  );
  if (rows.length === 0) throw new Error(`${META_TABLE} of schema ${schema} has no live generation`);
  return rows[0].value;
}

/** The live generation and the position of checkpoint `name` in it, in one statement. */
export async function liveCheckpoint(
  db: Queryable,
  schema: string,
  name: string,
): Promise<{ live: number; position: bigint | undefined }> {
  const { rows } = await db.query<{ live: number; position: string | null }>(
    `SELECT m.value AS live, c.position FROM ${metaTable(schema)} m
     LEFT JOIN ${tableIn(schema, CHECKPOINTS_TABLE)} c ON c.generation = m.value AND c.name = $1
     WHERE m.name = 'live_generation'`,
    [name],
  );
  if (rows.length === 0) throw new Error(`${META_TABLE} of schema ${schema} has no live generation`);
  const { live, position } = rows[0];
  return { live, position: position === null ? undefined : BigInt(position) };
}

/**
 * Creates what is missing (the schema, the store's tables, the live generation's collections) and drops the
 * generations of rebuilds that never swapped and that no process is still filling; answers the live one.
 */
export async function setUp(
  pool: Pool,
  schema: string,
  collections: ReadonlyMap<string, AnyCollection>,
): Promise<PostgresGeneration> {
  return withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [lockKeyOf(schema)]);
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${quote(schema)}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${metaTable(schema)} (name text PRIMARY KEY, value integer NOT NULL)`,
    );
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${tableIn(schema, CHECKPOINTS_TABLE)} (
         generation integer NOT NULL, name text NOT NULL, position numeric NOT NULL,
         PRIMARY KEY (generation, name))`,
    );
    await client.query(
      `INSERT INTO ${metaTable(schema)} (name, value) VALUES ('live_generation', 1), ('last_generation', 1)
       ON CONFLICT (name) DO NOTHING`,
    );
    const live = new PostgresGeneration(
      schema,
      await liveGeneration(client, schema, 'FOR SHARE'),
      collections,
    );
    await live.createTables(client, { indexes: true });
    await dropAbandoned(client, schema, live.generation);
    return live;
  });
}

/** Drops every generation but the live one whose rebuild lock is free (its process swapped, abandoned or died). */
async function dropAbandoned(client: PoolClient, schema: string, live: number): Promise<void> {
  const { rows } = await client.query<{ generation: number }>(
    `SELECT substring(tablename FROM '^g([0-9]+)_')::integer AS generation FROM pg_tables
     WHERE schemaname = $1 AND tablename ~ '^g[0-9]+_'
     UNION SELECT generation FROM ${tableIn(schema, CHECKPOINTS_TABLE)}`,
    [schema],
  );
  for (const { generation } of rows) {
    if (generation === live) continue;
    const free = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_xact_lock($1, $2) AS locked',
      [lockKeyOf(schema), generation],
    );
    if (free.rows[0].locked) await new PostgresGeneration(schema, generation, new Map()).drop(client);
  }
}

/**
 * Takes the next generation number and, on `client` (a session of its own, kept for the whole rebuild), the
 * lock that marks it as being filled. The lock is the session's: it goes when that connection closes.
 */
export async function claimNextGeneration(client: PoolClient, schema: string): Promise<number> {
  const { rows } = await client.query<{ value: number }>(
    `UPDATE ${metaTable(schema)} SET value = value + 1 WHERE name = 'last_generation' RETURNING value`,
  );
  if (rows.length === 0) throw new Error(`${META_TABLE} of schema ${schema} has no last generation`);
  const generation = rows[0].value;
  await client.query('SELECT pg_advisory_lock($1, $2)', [lockKeyOf(schema), generation]);
  return generation;
}

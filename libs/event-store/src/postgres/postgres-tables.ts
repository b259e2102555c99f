import { Pool } from 'pg';

/**
 * What every PostgreSQL adapter of the service does to open its tables (the event store's, the idempotency
 * records', the access log's, the match plans'): kept with the event store, the first of them.
 */

/**
 * Pool size of the small stores of a process (idempotency records, access log, match plans): a statement or
 * two per request each, so a few connections carry them; the events and the read models get 10 each.
 */
export const SMALL_STORE_CONNECTIONS = 3;

/** Where a PostgreSQL adapter keeps its tables. */
export interface PostgresStoreOptions {
  /** The schema of the tables (created if missing); `public` by default. */
  readonly schema?: string;
  /** Connections of the adapter's pool (10 by default). */
  readonly maxConnections?: number;
}

/** `"name"` for a schema name of letters, digits and underscores (configuration, never a request). */
export function quotedIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid PostgreSQL schema name: ${name}`);
  return `"${name}"`;
}

export interface ConnectedTables {
  readonly pool: Pool;
  /** The schema's name quoted, to prefix the tables with in SQL. */
  readonly schema: string;
}

/**
 * A pool on `connectionString` whose tables are created (`definitions` of the quoted schema name, each
 * `CREATE … IF NOT EXISTS` or `CREATE OR REPLACE`) before it is returned; on failure the pool is ended.
 */
export async function connectWithTables(
  connectionString: string,
  options: PostgresStoreOptions,
  definitions: (schema: string) => readonly string[],
): Promise<ConnectedTables> {
  const schema = options.schema ?? 'public';
  const quoted = quotedIdentifier(schema);
  const statements = definitions(quoted);
  const pool = new Pool({ connectionString, max: options.maxConnections ?? 10 });
  // An idle connection that breaks (a server restart) must not end the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    await createInSchema(pool, schema, statements);
    return { pool, schema: quoted };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/**
 * The schema (when missing) and the tables in one transaction, under an advisory lock on the schema's name:
 * replicas starting together would otherwise race on the catalogue (two `CREATE … IF NOT EXISTS` at once can
 * both try to insert).
 */
export async function createInSchema(
  pool: Pool,
  schema: string,
  statements: readonly string[],
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tables of schema ${schema}`]);
    const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (found.rowCount === 0) await client.query(`CREATE SCHEMA ${quotedIdentifier(schema)}`);
    for (const statement of statements) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The PostgreSQL rows of bench:store: appends on a fresh schema per round, and the read paths of a log filled
 * once per run, all in the run's own database (postgres-bench.ts).
 */
import { Pool, types, type CustomTypesConfig } from 'pg';
import { PostgresEventStore } from '@lib/event-store/postgres';
import { EVENT_COLUMNS } from '@lib/event-store/postgres/postgres-schema';
import type { TestDatabase } from '@lib/testing';
import { backendCpu, dropSchema } from './postgres-bench';
import { appendConcurrently, sampleBatches, touch, type AppendRound, type ReadPath } from './store-workload';

let schemas = 0;

/** One round of appends by `writers` concurrent callers into a new schema, dropped after the round. */
export async function postgresAppendRound(
  database: TestDatabase,
  appends: number,
  batchSize: number,
  writers: number,
): Promise<AppendRound> {
  const schema = `append_${++schemas}`;
  const store = await PostgresEventStore.connect(database.url, { schema });
  try {
    return await appendConcurrently(store, appends, batchSize, writers);
  } finally {
    await store.close();
    await dropSchema(database.url, schema);
  }
}

const READ_SCHEMA = 'read_log';
const FILL_APPEND = 1000;
const FILL_IN_FLIGHT = 4;

/** The log the PostgreSQL read paths read, and how to close it. */
export interface PostgresReadLog {
  readonly paths: ReadPath[];
  close(): Promise<void>;
}

/**
 * Fills a schema with `events` sample events through the store's own appends (1,000 events each, over 1,000
 * streams; setup, not measured) and gives the read paths over it.
 */
export async function postgresReadLog(database: TestDatabase, events: number): Promise<PostgresReadLog> {
  const store = await PostgresEventStore.connect(database.url, { schema: READ_SCHEMA });
  const appends = Math.ceil(events / FILL_APPEND);
  for (let next = 0; next < appends;) {
    const wave = Array.from({ length: Math.min(FILL_IN_FLIGHT, appends - next) }, () => next++);
    await Promise.all(
      wave.map((a) => {
        const [batch] = sampleBatches(1, Math.min(FILL_APPEND, events - a * FILL_APPEND));
        return store.append(`stream-${a % 1000}`, batch, 'any');
      }),
    );
  }
  const pool = new Pool({ connectionString: database.url, max: 1 });
  const name = new URL(database.url).pathname.slice(1);
  const serverCpu = (): Promise<Map<number, number>> => backendCpu(database.url, name);
  const driverPages = (label: string, jsonbAsText: boolean): ReadPath => ({
    label,
    serverCpu,
    read: () => rawPages(pool, jsonbAsText),
  });
  const paths: ReadPath[] = [
    {
      label: 'PostgreSQL readAll',
      serverCpu,
      read: async () => {
        let touched = 0;
        for await (const event of store.readAll()) touched += touch(event);
        return touched;
      },
    },
    {
      label: 'PostgreSQL readAllPages',
      serverCpu,
      read: async () => {
        let touched = 0;
        for await (const page of store.readAllPages()) for (const event of page) touched += touch(event);
        return touched;
      },
    },
    driverPages('raw pg page fetch, jsonb parsed by the driver, no events', false),
    driverPages('raw pg page fetch, jsonb left as text, no events', true),
  ];
  return {
    paths,
    close: async () => {
      await pool.end();
      await store.close();
    },
  };
}

const JSONB = 3802;
/** The driver's parsers, but jsonb handed over as the text the server sent (no JSON.parse). */
const JSONB_AS_TEXT: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === JSONB
      ? (value: string) => value
      : types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

/** The same 1,000-row pages the store reads (without its readable filter), as the driver gives them. */
async function rawPages(pool: Pool, jsonbAsText: boolean): Promise<number> {
  const text = `SELECT ${EVENT_COLUMNS} FROM ${READ_SCHEMA}.events WHERE position > $1 ORDER BY position LIMIT 1000`;
  let rows = 0;
  for (let last = '0'; ;) {
    const page = await pool.query<{ position: string }>({
      text,
      values: [last],
      ...(jsonbAsText ? { types: JSONB_AS_TEXT } : {}),
    });
    if (page.rows.length === 0) return rows;
    rows += page.rows.length;
    last = page.rows[page.rows.length - 1].position;
  }
}

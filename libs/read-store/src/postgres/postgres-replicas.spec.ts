/**
 * Several processes (here: several stores, each with its own pool) sharing one PostgreSQL schema: a swap made
 * by one is seen by the others' reads, never silently written past by their writers; a process starting
 * leaves another's rebuild alone and drops one whose process is gone. Skipped, saying so, without PG_URL.
 */
import { Client } from 'pg';
import { describeWithPostgres } from '@lib/testing';
import { documentChanges, findAll, type Batch, type ReadStore } from '../read-store.port';
import { CONTRACT_COLLECTIONS, samples, type SampleDoc } from '../testing/read-store.contract';
import { PostgresReadStore } from './postgres-read-store';

let schemas = 0;

/** An advisory lock of the two-key form (objsubid 2) on generation $1, in this database. */
const LOCK_OF_GENERATION = `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND objid = $1
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

const doc = (id: string, score = 1): SampleDoc => ({
  id,
  county: '520402',
  status: 'open',
  score,
  detail: { kind: 'station', tags: [] },
});

const batch = (ids: readonly string[], position: bigint, name = 'p'): Batch => ({
  changes: [documentChanges({ collection: samples, upserts: new Map(ids.map((id) => [id, doc(id)])) })],
  checkpoint: { name, position },
});

describeWithPostgres('PostgreSQL read store shared by several processes', (databaseUrl) => {
  const opened: ReadStore[] = [];
  let schema = '';
  const open = async (inSchema = schema): Promise<ReadStore> => {
    const store = await PostgresReadStore.connect(databaseUrl(), CONTRACT_COLLECTIONS, { schema: inSchema });
    opened.push(store);
    return store;
  };
  const query = async <T>(sql: string, values: unknown[]): Promise<T[]> => {
    const client = new Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      return (await client.query(sql, values)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const tablesOf = async (generation: number): Promise<string[]> =>
    (
      await query<{ tablename: string }>(
        'SELECT tablename FROM pg_tables WHERE schemaname = $1 AND starts_with(tablename, $2)',
        [schema, `g${generation}_`],
      )
    ).map((row) => row.tablename);

  beforeEach(() => {
    schema = `r_${++schemas}`;
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  it('a swap by another process is seen by reads at once; a writer of the old generation fails until it reads its checkpoint again', async () => {
    const [a, b] = [await open(), await open()];
    const elsewhere = await open(`${schema}_other`);
    await elsewhere.applyBatch(batch(['x1'], 5n, 'relay'));
    await a.applyBatch(batch(['s1', 's2', 's3'], 10n));
    expect(await b.checkpoint('p')).toBe(10n); // b's writer starts from generation 1
    expect(await b.count(samples)).toBe(3);

    const target = await a.beginRebuild();
    await target.applyBatch(batch(['r1', 'r2'], 20n));
    await target.swap();
    expect(await tablesOf(1)).toEqual([]);

    expect(await b.count(samples)).toBe(2);
    expect((await findAll(b, samples)).map((d) => d.id)).toEqual(['r1', 'r2']);
    expect([...(await b.load(samples, ['s1', 'r1'])).keys()]).toEqual(['r1']);
    await expect(b.applyBatch(batch(['s4'], 11n))).rejects.toThrow(
      /checkpoint p was read from generation 1, and generation 2 is live/,
    );
    expect(await a.checkpoint('p')).toBe(20n);
    expect(await a.count(samples)).toBe(2);

    expect(await b.checkpoint('p')).toBe(20n); // read again: b now writes where it read
    await b.applyBatch(batch(['r3'], 21n));
    expect(await a.checkpoint('p')).toBe(21n);
    expect(await a.count(samples)).toBe(3);
    expect(await elsewhere.checkpoint('relay')).toBe(5n); // another schema is another store
  });

  it('a process starting keeps the rebuild another one is filling, and drops one whose process is gone', async () => {
    const a = await open();
    await a.applyBatch(batch(['s1'], 1n));
    const filling = await a.beginRebuild(); // generation 2
    await open();
    expect(await tablesOf(2)).not.toEqual([]);
    await filling.applyBatch(batch(['r1'], 2n));
    await filling.swap();
    expect(await (await open()).count(samples)).toBe(1);

    const gone = await open();
    await (await gone.beginRebuild()).applyBatch(batch(['r9'], 3n)); // generation 3
    await gone.close(); // its session, and with it the lock of generation 3, goes (the server notices at once or soon)
    await waitUntil(async () => (await query(LOCK_OF_GENERATION, [3])).length === 0);
    expect(await tablesOf(3)).not.toEqual([]);
    await open();
    expect(await tablesOf(3)).toEqual([]);
    expect(await tablesOf(2)).not.toEqual([]);
    expect(await a.checkpoint('p')).toBe(2n);
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

import { Client } from 'pg';
import { describeWithPostgres } from '@lib/testing';
import type { IdempotencyStore, IdempotencyStoreOptions } from './idempotency.store';
import { PostgresIdempotencyStore } from './postgres-idempotency.store';
import { idempotencyStoreContract } from './testing/idempotency-store.contract';

describeWithPostgres('PostgresIdempotencyStore', (databaseUrl) => {
  let schemas = 0;
  let schema = '';
  const nextSchema = () => {
    schemas += 1;
    schema = `idempotency_${schemas}`;
  };

  idempotencyStoreContract('PostgreSQL', () => ({
    reset: async () => nextSchema(),
    open: (options) => PostgresIdempotencyStore.connect(databaseUrl(), { ...options, schema }),
  }));

  describe('replicas: two stores, each with its own pool, on one database', () => {
    const opened: IdempotencyStore[] = [];
    const replica = async (options: IdempotencyStoreOptions = {}) => {
      const store = await PostgresIdempotencyStore.connect(databaseUrl(), { ...options, schema });
      opened.push(store);
      return store;
    };
    beforeEach(() => nextSchema());
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('a key completed on one replica replays on the other; one in progress there is in progress here', async () => {
      const [a, b] = [await replica(), await replica()];
      expect(await a.begin('k', 'actor', 'h')).toEqual({ kind: 'started' });
      expect(await b.begin('k', 'actor', 'h')).toEqual({ kind: 'in_progress' });
      expect(await b.begin('k', 'actor', 'other')).toEqual({ kind: 'mismatch' });
      await a.complete('k', 'actor', { status: 201, body: '{"id":"x"}' });
      expect(await b.begin('k', 'actor', 'h')).toEqual({
        kind: 'replay',
        response: { status: 201, body: '{"id":"x"}' },
      });
      await a.begin('failed', 'actor', 'h');
      await a.release('failed', 'actor');
      expect(await b.begin('failed', 'actor', 'h')).toEqual({ kind: 'started' });
    });

    it('of concurrent begins on both replicas, exactly one starts', async () => {
      const [a, b] = [await replica(), await replica()];
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).begin('race', 'actor', 'h')),
      );
      expect(outcomes.filter((o) => o.kind === 'started')).toHaveLength(1);
      expect(outcomes.filter((o) => o.kind === 'in_progress')).toHaveLength(39);
    });

    it('a replica starting does not release the keys others are executing, only the stale ones', async () => {
      let now = 10_000;
      const clock = { staleAfterMs: 1_000, now: () => now };
      const first = await replica(clock);
      await first.begin('abandoned', 'actor', 'h');
      now += 5_000;
      await first.begin('running', 'actor', 'h');
      const second = await replica(clock);
      expect(await second.begin('running', 'actor', 'h')).toEqual({ kind: 'in_progress' });
      const rows = await sql(databaseUrl(), `SELECT key FROM ${schema}.idempotency_keys ORDER BY key`);
      expect(rows.map((r) => r.key)).toEqual(['running']);
    });

    it('replicas starting together on a new schema all connect, with the table in that schema', async () => {
      const stores = await Promise.all([replica(), replica(), replica(), replica()]);
      expect(stores).toHaveLength(4);
      const tables = await sql(
        databaseUrl(),
        `SELECT table_schema FROM information_schema.tables WHERE table_name = 'idempotency_keys'`,
      );
      expect(tables.map((t) => t.table_schema)).toContain(schema);
    });
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(
      PostgresIdempotencyStore.connect(databaseUrl(), { schema: 'x"; DROP TABLE y; --' }),
    ).rejects.toThrow(/schema name/);
  });
});

async function sql(url: string, text: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

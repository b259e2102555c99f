/**
 * The read store contract against a real PostgreSQL server (PG_URL, e.g.
 * `postgres://postgres:postgres@127.0.0.1:5432/postgres`): the suite gets a database of its own, and each test
 * a fresh schema in it. Then what is PostgreSQL's own: values of any kind order and match as in SQLite, and a
 * large batch is a few statements in one transaction. Without PG_URL it skips itself, saying so.
 */
import { Client } from 'pg';
import { describeWithPostgres } from '@lib/testing';
import { documentChanges, type AnyCollection, type CollectionSpec, type ReadStore } from '../read-store.port';
import { SqliteReadStore } from '../sqlite/sqlite-read-store';
import {
  CONTRACT_COLLECTIONS,
  readStoreContract,
  samples,
  type ReadStoreHarness,
  type SampleDoc,
} from '../testing/read-store.contract';
import { PostgresReadStore } from './postgres-read-store';

let schemas = 0;
const nextSchema = (): string => `s_${++schemas}`;

interface Mixed {
  readonly id: string;
  readonly v: string | number;
  readonly tag: string | number | null;
}

/**
 * `v` holds numbers and strings (which SQLite orders by their UTF-8 bytes, not as a locale would); `tag` also
 * null (matched, never sorted on: the port forbids null in a sort field, and SQLite cannot page past one).
 */
const mixed: CollectionSpec<Mixed, 'v' | 'tag'> = {
  name: 'mixed',
  fields: { v: (d) => d.v, tag: (d) => d.tag },
};
const VALUES = [-2.5, 0, 1, 10, 1e21, -1e-7, 3.25, '10', '', 'B', 'a', 'é', 'ä', 'Z', 'a b', 'ab'];
const ASTRAL = ['\u{1F600}', '\uFFFD']; // UTF-8 bytes order them the other way round from UTF-16 units
const TAGS = [null, 10, '10'];

const sample = (i: number, county = '520402'): SampleDoc => ({
  id: `s${String(i).padStart(5, '0')}`,
  county,
  status: 'open',
  score: i % 7,
  detail: { kind: 'station', tags: [`t${i}\u0000`] },
});

describeWithPostgres('PostgreSQL read store', (databaseUrl) => {
  const harness = (): ReadStoreHarness => {
    let schema = '';
    return {
      reset: async () => {
        schema = nextSchema();
      },
      open: (collections) => PostgresReadStore.connect(databaseUrl(), collections, { schema }),
    };
  };
  readStoreContract('PostgreSQL', harness);

  describe('what is specific to PostgreSQL', () => {
    const opened: ReadStore[] = [];
    const open = async (collections: readonly AnyCollection[]): Promise<ReadStore> => {
      const store = await PostgresReadStore.connect(databaseUrl(), collections, { schema: nextSchema() });
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('orders, matches and pages values of every kind as the SQLite adapter does, cursor for cursor', async () => {
      const collections = [mixed as unknown as AnyCollection];
      const postgres = await open(collections);
      const sqlite = SqliteReadStore.open(':memory:', collections);
      opened.push(sqlite);
      const docs = [...VALUES, ...ASTRAL, ...VALUES].map((v, i) => ({
        id: `m${i % 7}-${i}`,
        v,
        tag: TAGS[i % 3],
      }));
      for (const store of [postgres, sqlite]) {
        await store.applyBatch({
          changes: [documentChanges({ collection: mixed, upserts: new Map(docs.map((d) => [d.id, d])) })],
          checkpoint: { name: 'p', position: 1n },
        });
      }
      for (const field of ['v', 'key'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          let after: string | undefined;
          let pages = 0;
          do {
            const query = { orderBy: { field, direction }, limit: 4, after };
            const [expected, actual] = await Promise.all([
              sqlite.find(mixed, query),
              postgres.find(mixed, query),
            ]);
            expect(actual).toEqual(expected);
            after = expected.next ?? undefined;
            pages += 1;
          } while (after !== undefined);
          expect(pages).toBe(Math.ceil(docs.length / 4));
        }
      }
      const wheres = [
        ...[10, '10', 'a', 'é', -1e-7, 'nowhere'].map((v) => ({ v })),
        ...TAGS.map((tag) => ({ tag })),
      ];
      for (const where of wheres) {
        expect(await postgres.find(mixed, { where, limit: 100 })).toEqual(
          await sqlite.find(mixed, { where, limit: 100 }),
        );
        expect(await postgres.count(mixed, where)).toBe(await sqlite.count(mixed, where));
      }
      expect(await postgres.count(mixed, { v: 10 })).toBe(2);
      expect(await postgres.count(mixed, { tag: null })).toBe(Math.ceil(docs.length / 3));
    });

    it('writes 12,000 upserts in a few statements of one transaction; one failing in the middle leaves nothing', async () => {
      const store = await open(CONTRACT_COLLECTIONS);
      await store.applyBatch({
        changes: [documentChanges({ collection: samples, upserts: new Map([['kept', sample(0)]]) })],
        checkpoint: { name: 'p', position: 1n },
      });
      const many = Array.from({ length: 12_000 }, (_, i) => sample(i, i === 9_000 ? 'bad\u0000' : '520402'));
      const batch = (docs: SampleDoc[], position: bigint) => ({
        changes: [documentChanges({ collection: samples, upserts: new Map(docs.map((d) => [d.id, d])) })],
        checkpoint: { name: 'p', position },
      });
      // PostgreSQL text holds no NUL: the statement of rows 5,000..9,999 fails, after the first one wrote.
      await expect(store.applyBatch(batch(many, 2n))).rejects.toThrow();
      expect(await store.count(samples)).toBe(1);
      expect(await store.checkpoint('p')).toBe(1n);

      const statements = jest.spyOn(Client.prototype, 'query');
      try {
        await store.applyBatch(
          batch(
            many.map((d, i) => (i === 9_000 ? sample(i) : d)),
            3n,
          ),
        );
        // BEGIN, the live generation, three INSERTs of at most 5,000 rows, the checkpoint, COMMIT.
        expect(statements.mock.calls.length).toBeLessThanOrEqual(7);
      } finally {
        statements.mockRestore();
      }
      expect(await store.count(samples)).toBe(12_001);
      const threes = many.filter((d) => d.score === 3).length;
      expect(await store.count(samples, { county: '520402', score: 3 })).toBe(threes);
      expect((await store.load(samples, ['s09000'])).get('s09000')).toEqual(sample(9_000));
      expect(await store.checkpoint('p')).toBe(3n);
    });
  });
});

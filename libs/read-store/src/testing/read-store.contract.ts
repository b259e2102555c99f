import type { AnyCollection, CollectionSpec, ReadStore } from '../read-store.port';
import { documentChanges, findAll } from '../read-store.port';

/** A sample document with the kinds of fields the projections index: strings, numbers, nested values. */
export interface SampleDoc {
  readonly id: string;
  readonly county: string;
  readonly status: 'open' | 'closed';
  readonly score: number;
  readonly detail: { readonly kind: string; readonly tags: readonly string[] };
}

export const samples: CollectionSpec<SampleDoc, 'county' | 'status' | 'score' | 'kind'> = {
  name: 'samples',
  fields: {
    county: (d) => d.county,
    status: (d) => d.status,
    score: (d) => d.score,
    kind: (d) => d.detail.kind,
  },
  indexes: [['county', 'status', 'score']],
};

export const others: CollectionSpec<{ readonly n: number }, 'n'> = {
  name: 'others',
  fields: { n: (d) => d.n },
};

/** A collection whose field fails on a marked document: a write that fails half-way through a batch. */
export const fragile: CollectionSpec<{ readonly fail?: boolean }, 'x'> = {
  name: 'fragile',
  fields: {
    x: (d) => {
      if (d.fail) throw new Error('refused document');
      return 1;
    },
  },
};

export const CONTRACT_COLLECTIONS: readonly AnyCollection[] = [samples, others, fragile].map(
  (c) => c as unknown as AnyCollection,
);

export interface ReadStoreHarness {
  /** A new empty storage location for the next test (a file, a database). */
  reset(): Promise<void>;
  /** Opens a store on the current location; opening it twice is a restart. */
  open(collections: readonly AnyCollection[]): Promise<ReadStore>;
}

const sample = (i: number): SampleDoc => ({
  id: `s${String(i).padStart(3, '0')}`,
  county: i % 3 === 0 ? '520402' : '520422',
  status: i % 2 === 0 ? 'open' : 'closed',
  score: (i * 37) % 11,
  detail: { kind: i % 5 === 0 ? 'welfare' : 'station', tags: [`t${i}`] },
});

const upserts = <T extends { id: string }>(docs: readonly T[]): Map<string, T> =>
  new Map(docs.map((d) => [d.id, d]));

/** The read store contract: every adapter passes it (SQLite in the unit suite, MongoDB when MONGO_URL is set). */
export function readStoreContract(name: string, harness: () => ReadStoreHarness): void {
  describe(`read store contract: ${name}`, () => {
    let h: ReadStoreHarness;
    let store: ReadStore;
    const opened: ReadStore[] = [];
    const open = async (): Promise<ReadStore> => {
      const s = await h.open(CONTRACT_COLLECTIONS);
      opened.push(s);
      return s;
    };

    beforeEach(async () => {
      h = harness();
      await h.reset();
      store = await open();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    const writeSamples = async (count: number, position = 1n) =>
      store.applyBatch({
        changes: [documentChanges({ collection: samples, upserts: upserts(range(count).map(sample)) })],
        checkpoint: { name: 'p', position },
      });

    it('writes documents and the checkpoint; loads by key, absent keys absent', async () => {
      expect(await store.checkpoint('p')).toBeUndefined();
      await writeSamples(5, 42n);
      const found = await store.load(samples, ['s001', 's004', 'nope']);
      expect([...found.keys()].sort()).toEqual(['s001', 's004']);
      expect(found.get('s004')).toEqual(sample(4));
      expect(await store.checkpoint('p')).toBe(42n);
      expect(await store.checkpoint('other')).toBeUndefined();
      expect((await store.load(samples, [])).size).toBe(0);
    });

    it('replaces a document whole and deletes by key, with its indexed fields', async () => {
      await writeSamples(4);
      const changed = { ...sample(1), status: 'open' as const, county: '520524' };
      await store.applyBatch({
        changes: [documentChanges({ collection: samples, upserts: upserts([changed]), deletes: ['s002'] })],
        checkpoint: { name: 'p', position: 2n },
      });
      const found = await store.load(samples, ['s001', 's002']);
      expect(found.get('s001')).toEqual(changed);
      expect(found.has('s002')).toBe(false);
      expect(await store.count(samples, { county: '520524' })).toBe(1);
      expect(await store.count(samples)).toBe(3);
    });

    it('a batch that fails half-way leaves neither its changes nor its checkpoint', async () => {
      await writeSamples(2, 10n);
      const failing = store.applyBatch({
        changes: [
          documentChanges({ collection: samples, upserts: upserts([{ ...sample(0), score: 99 }]) }),
          documentChanges({ collection: others, upserts: new Map([['o1', { n: 1 }]]) }),
          documentChanges({
            collection: fragile,
            upserts: new Map([
              ['f1', {}],
              ['f2', { fail: true }],
            ]),
          }),
        ],
        checkpoint: { name: 'p', position: 11n },
      });
      await expect(failing).rejects.toThrow('refused document');
      expect((await store.load(samples, ['s000'])).get('s000')).toEqual(sample(0));
      expect((await store.load(others, ['o1'])).size).toBe(0);
      expect((await store.load(fragile, ['f1'])).size).toBe(0);
      expect(await store.checkpoint('p')).toBe(10n);
    });

    it('finds by indexed fields, sorts both ways and pages with cursors through every match', async () => {
      await writeSamples(60);
      const all = range(60).map(sample);
      const expected = all
        .filter((d) => d.county === '520422' && d.status === 'open')
        .sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : -1));
      const seen: SampleDoc[] = [];
      let after: string | undefined;
      for (let pages = 0; pages < 20; pages++) {
        const page = await store.find(samples, {
          where: { county: '520422', status: 'open' },
          orderBy: { field: 'score', direction: 'desc' },
          limit: 3,
          after,
        });
        seen.push(...page.items);
        if (page.next === null) break;
        expect(page.items).toHaveLength(3);
        after = page.next;
      }
      expect(seen).toEqual(expected);
      expect(await store.count(samples, { county: '520422', status: 'open' })).toBe(expected.length);

      const byKey = await store.find(samples, { where: { kind: 'welfare' }, limit: 1000 });
      expect(byKey.items.map((d) => d.id)).toEqual(
        all.filter((d) => d.detail.kind === 'welfare').map((d) => d.id),
      );
      expect(byKey.next).toBeNull();
      const ascending = await store.find(samples, { orderBy: { field: 'score' }, limit: 5 });
      expect(ascending.items.map((d) => d.score)).toEqual([0, 0, 0, 0, 0]);
      expect(ascending.items.map((d) => d.id)).toEqual(
        all
          .filter((d) => d.score === 0)
          .map((d) => d.id)
          .slice(0, 5),
      );
    });

    it('refuses unknown fields, bad limits and bad cursors', async () => {
      const unknownField = { where: { nope: 'x' }, limit: 1 } as never;
      await expect(store.find(samples, unknownField)).rejects.toThrow(RangeError);
      await expect(store.find(samples, { limit: 0 })).rejects.toThrow(RangeError);
      await expect(store.find(samples, { limit: 1, after: '!!' })).rejects.toThrow(RangeError);
    });

    it('keeps documents and checkpoint across a restart, and resumes from the checkpoint', async () => {
      await writeSamples(3, 7n);
      await store.close();
      const again = await open();
      expect(await again.checkpoint('p')).toBe(7n);
      expect((await again.load(samples, ['s002'])).get('s002')).toEqual(sample(2));
    });

    it('rebuilds into fresh collections beside the live ones and swaps them in', async () => {
      await writeSamples(10, 100n);
      const target = await store.beginRebuild();
      expect(await target.checkpoint('p')).toBeUndefined();
      expect((await target.load(samples, ['s001'])).size).toBe(0);
      const rebuilt = { ...sample(1), score: 1000 };
      await target.applyBatch({
        changes: [documentChanges({ collection: samples, upserts: upserts([rebuilt]) })],
        checkpoint: { name: 'p', position: 120n },
      });
      // Queries keep reading the live collections until the swap.
      expect(await store.count(samples)).toBe(10);
      expect(await store.checkpoint('p')).toBe(100n);
      await target.swap();
      expect(await store.count(samples)).toBe(1);
      expect((await store.load(samples, ['s001'])).get('s001')).toEqual(rebuilt);
      expect(await store.checkpoint('p')).toBe(120n);
      await store.close();
      const again = await open();
      expect(await again.checkpoint('p')).toBe(120n);
      expect(await again.count(samples)).toBe(1);
    });

    it('a rebuild batch that fails half-way writes nothing; a large one is all there, indexed, after the swap', async () => {
      await writeSamples(3, 1n);
      const target = await store.beginRebuild();
      const many = range(12_000).map(sample); // several chunks of a writer thread, more than it keeps in flight
      const failing = target.applyBatch({
        changes: [
          documentChanges({ collection: samples, upserts: upserts(many) }),
          documentChanges({ collection: others, upserts: new Map([['o9', { n: 9 }]]) }),
          documentChanges({ collection: fragile, upserts: new Map([['f1', { fail: true }]]) }),
        ],
        checkpoint: { name: 'p', position: 50n },
      });
      await expect(failing).rejects.toThrow('refused document');
      expect(await target.checkpoint('p')).toBeUndefined();
      expect((await target.load(samples, ['s001', 's11999'])).size).toBe(0);

      await target.applyBatch({
        changes: [
          documentChanges({ collection: samples, upserts: upserts(many) }),
          documentChanges({ collection: others, upserts: new Map([['o1', { n: 1 }]]) }),
        ],
        checkpoint: { name: 'p', position: 60n },
      });
      await target.applyBatch({
        changes: [documentChanges({ collection: samples, upserts: new Map(), deletes: ['s001'] })],
        checkpoint: { name: 'p', position: 61n },
      });
      await target.swap();
      const kept = many.filter((d) => d.id !== 's001');
      expect(await store.checkpoint('p')).toBe(61n);
      expect(await store.count(samples)).toBe(kept.length);
      expect((await findAll(store, samples)).map((d) => d.id)).toEqual(kept.map((d) => d.id).sort());
      expect((await store.load(samples, ['s11999'])).get('s11999')).toEqual(sample(11999));
      expect([...(await store.load(others, ['o1', 'o9'])).keys()]).toEqual(['o1']);
      const wanted = kept.filter((d) => d.county === '520402' && d.status === 'open' && d.score === 3);
      const found: SampleDoc[] = [];
      let after: string | undefined;
      do {
        const page = await store.find(samples, {
          where: { county: '520402', status: 'open', score: 3 },
          orderBy: { field: 'key', direction: 'desc' },
          limit: 17,
          after,
        });
        found.push(...page.items);
        after = page.next ?? undefined;
      } while (after !== undefined);
      expect(found.map((d) => d.id)).toEqual(
        wanted
          .map((d) => d.id)
          .sort()
          .reverse(),
      );
    });

    it('an abandoned rebuild leaves the live collections as they were', async () => {
      await writeSamples(4, 5n);
      const target = await store.beginRebuild();
      await target.applyBatch({ changes: [], checkpoint: { name: 'p', position: 9n } });
      await target.abandon();
      expect(await store.count(samples)).toBe(4);
      expect(await store.checkpoint('p')).toBe(5n);
      const next = await store.beginRebuild();
      expect(await next.checkpoint('p')).toBeUndefined();
      await next.abandon();
    });
  });
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

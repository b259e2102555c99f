import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentChanges } from '../read-store.port';
import {
  CONTRACT_COLLECTIONS,
  others,
  readStoreContract,
  type ReadStoreHarness,
} from '../testing/read-store.contract';
import { SqliteReadStore, type SqliteReadStoreOptions } from './sqlite-read-store';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function sqliteHarness(options: SqliteReadStoreOptions = {}): ReadStoreHarness {
  let file = '';
  return {
    reset: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'read-store-'));
      dirs.push(dir);
      file = join(dir, 'read-models.sqlite');
    },
    open: async (collections) => SqliteReadStore.open(file, collections, options),
  };
}

readStoreContract('SQLite', () => sqliteHarness());
// Every rebuild batch, however small, through the writer thread (a province's rebuild takes this path).
readStoreContract('SQLite, rebuilds written by the writer thread', () =>
  sqliteHarness({ writerThreadFromDocuments: 1 }),
);

describe('SQLite rebuild through the writer thread', () => {
  it('a row the thread cannot insert rolls its whole batch back, and the rebuild can go on', async () => {
    const harness = sqliteHarness({ writerThreadFromDocuments: 1 });
    await harness.reset();
    const store = await harness.open(CONTRACT_COLLECTIONS);
    try {
      const target = await store.beginRebuild();
      // A function has no JSON text: the thread's insert fails on the NOT NULL document column.
      const failing = target.applyBatch({
        changes: [
          documentChanges({ collection: others, upserts: new Map([['o1', { n: 1 }]]) }),
          documentChanges({
            collection: others,
            upserts: new Map([['o2', (() => 1) as unknown as { n: number }]]),
          }),
        ],
        checkpoint: { name: 'p', position: 5n },
      });
      await expect(failing).rejects.toThrow(/writer thread/);
      expect(await target.checkpoint('p')).toBeUndefined();
      expect((await target.load(others, ['o1'])).size).toBe(0);
      await target.applyBatch({
        changes: [documentChanges({ collection: others, upserts: new Map([['o3', { n: 3 }]]) })],
        checkpoint: { name: 'p', position: 6n },
      });
      await target.swap();
      expect((await store.load(others, ['o1', 'o3'])).get('o3')).toEqual({ n: 3 });
      expect(await store.count(others)).toBe(1);
      expect(await store.checkpoint('p')).toBe(6n);
    } finally {
      await store.close();
    }
  });
});

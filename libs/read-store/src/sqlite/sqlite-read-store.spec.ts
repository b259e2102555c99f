import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStoreContract, type ReadStoreHarness } from '../testing/read-store.contract';
import { SqliteReadStore } from './sqlite-read-store';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function sqliteHarness(): ReadStoreHarness {
  let file = '';
  return {
    reset: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'read-store-'));
      dirs.push(dir);
      file = join(dir, 'read-models.sqlite');
    },
    open: async (collections) => SqliteReadStore.open(file, collections),
  };
}

readStoreContract('SQLite', () => sqliteHarness());

import { join } from 'node:path';
import { temporaryDirectoryPerTest } from '@lib/testing';
import { SqliteMatchPlanStore } from './sqlite-match-plan.store';
import { matchPlanStoreContract } from './testing/match-plan-store.contract';

describe('SqliteMatchPlanStore', () => {
  const dir = temporaryDirectoryPerTest('match-plans-');
  let file = '';

  matchPlanStoreContract('SQLite', () => ({
    reset: async () => {
      file = join(dir(), 'match-plans.sqlite');
    },
    open: async () => SqliteMatchPlanStore.open(file),
  }));
});

import { describeWithPostgres } from '@lib/testing';
import type { MatchPlanStore } from './match-plan.store';
import { PostgresMatchPlanStore } from './postgres-match-plan.store';
import { matchPlanStoreContract } from './testing/match-plan-store.contract';

describeWithPostgres('PostgresMatchPlanStore', (databaseUrl) => {
  let schemas = 0;
  let schema = '';
  const nextSchema = () => {
    schemas += 1;
    schema = `match_plans_${schemas}`;
  };

  matchPlanStoreContract('PostgreSQL', () => ({
    reset: async () => nextSchema(),
    open: () => PostgresMatchPlanStore.connect(databaseUrl(), { schema }),
  }));

  describe('replicas: two stores, each with its own pool, on one database', () => {
    const opened: MatchPlanStore[] = [];
    beforeEach(() => nextSchema());
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('a plan made on one replica is read on the other; the same id saved on both is kept once', async () => {
      const [a, b] = await Promise.all(
        [1, 2].map(async () => {
          const store = await PostgresMatchPlanStore.connect(databaseUrl(), { schema });
          opened.push(store);
          return store;
        }),
      );
      const plan = {
        planId: 'p1',
        counties: ['520402'],
        createdAt: '2026-01-05T08:00:00.000Z',
        createdBy: 'broker-1',
        body: { planId: 'p1', pairs: [] },
      };
      await a.save(plan);
      expect(await b.find('p1')).toEqual(plan);
      const both = await Promise.allSettled([
        a.save({ ...plan, planId: 'p2' }),
        b.save({ ...plan, planId: 'p2', createdBy: 'broker-2' }),
      ]);
      expect(both.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((await a.find('p2'))?.createdBy).toBe(both[0].status === 'fulfilled' ? 'broker-1' : 'broker-2');
    });
  });
});

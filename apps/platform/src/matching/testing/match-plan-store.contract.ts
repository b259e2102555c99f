import type { MatchPlanStore, StoredMatchPlan } from '../match-plan.store';

export interface MatchPlanStoreHarness {
  /** A new, empty storage location for the next test (a file, a schema). */
  reset(): Promise<void>;
  /** Opens a store on the current location; opening it again after closing is a restart. */
  open(): Promise<MatchPlanStore>;
}

const plan = (planId: string, body: Record<string, unknown> = { planId }): StoredMatchPlan => ({
  planId,
  counties: ['520402', '520422'],
  createdAt: '2026-01-05T08:00:00.000Z',
  createdBy: 'broker-1',
  body,
});

/** The match plan store contract: every adapter passes it (SQLite always, PostgreSQL when PG_URL is set). */
export function matchPlanStoreContract(name: string, harness: () => MatchPlanStoreHarness): void {
  describe(`match plan store contract: ${name}`, () => {
    let h: MatchPlanStoreHarness;
    let store: MatchPlanStore;
    const opened: MatchPlanStore[] = [];
    const open = async (): Promise<MatchPlanStore> => {
      const s = await h.open();
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

    it('finds a plan by id exactly as it was saved, its body key for key and in order', async () => {
      const body = {
        planId: 'p1',
        figures: { householdsCovered: 1, placed: 3 },
        pairs: [{ workerId: 'w1', householdId: 'h1', vacancyId: 'v1', score: 0.75, reasons: [] }],
        position: '42',
        zeta: null,
        alpha: [1.5, -2, 'x', { nested: true }],
      };
      await store.save(plan('p1', body));
      const found = await store.find('p1');
      expect(found).toEqual(plan('p1', body));
      expect(JSON.stringify(found?.body)).toBe(JSON.stringify(body));
      expect(await store.find('p2')).toBeUndefined();
    });

    it('keeps a plan of an earlier shape as it was: the reader tells it is outdated', async () => {
      const earlier = { planId: 'old', counties: ['520402'], pairs: [], householdsCovered: 0 };
      await store.save(plan('old', earlier));
      expect((await store.find('old'))?.body).toEqual(earlier);
    });

    it('never overwrites a plan: saving an id again is refused and the first stays', async () => {
      await store.save(plan('p1', { version: 1 }));
      // (Whether refused, not how: a driver's error may come from another realm than the test's Error.)
      const again = store.save(plan('p1', { version: 2 })).then(
        () => 'saved',
        () => 'refused',
      );
      expect(await again).toBe('refused');
      expect((await store.find('p1'))?.body).toEqual({ version: 1 });
    });

    it('keeps plans across a restart', async () => {
      await store.save(plan('p1'));
      await store.close();
      const reopened = await open();
      expect(await reopened.find('p1')).toEqual(plan('p1'));
    });
  });
}

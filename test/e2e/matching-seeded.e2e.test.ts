import { decodeStoredEvent, type EventData } from '@contracts';
import { START, type RecordedEvent } from '@lib/event-store';
import { prepareFirstStartSeed } from '../../apps/platform/src/seeding/first-start-seed';
import { PlanGate } from '../../apps/platform/src/matching/plan-gate';
import { bearer, eventStoreOf } from './helpers/fixtures';
import { startTestApp, type TestApp } from './helpers/start-test-app';

interface PlanPair {
  workerId: string;
  householdId: string;
  vacancyId: string;
  score: number;
}

/**
 * Matching on the demo population: a county's plan is at least as good as greedy and within its bound,
 * and what matching proposes the placement command accepts (no `constraint_violated`, no refusal).
 */
describe('matching on the demo seed', () => {
  let t: TestApp;
  let head: string;
  let county: string;
  const postings = new Map<string, EventData<'VacancyPosted'>>();
  const workers = new Map<string, EventData<'WorkerRegistered'>>();
  const countyOf = new Map<string, string>();
  const employed = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp();
    const seed = await prepareFirstStartSeed(t.app, { scale: 'demo' });
    expect((await seed.run()).seeded).toBe(true);
    // Job-seekers per county: members with labour capacity and no job at the end of the log.
    const seekers = new Map<string, number>();

    const log: RecordedEvent[] = [];
    for await (const e of eventStoreOf(t.app).readAll(START)) log.push(e);
    for (const record of log) {
      const e = decodeStoredEvent(record);
      if (e.type === 'VacancyPosted') postings.set(e.data.vacancyId, e.data);
      if (e.type === 'WorkerRegistered') workers.set(e.data.workerId, e.data);
      // The demo has 90 days of history: jobs found by placement, jobs that ended (returnees).
      if (e.type === 'EmploymentReported' || e.type === 'WorkerPlaced') employed.add(e.data.workerId);
      if (e.type === 'EmploymentEnded') employed.delete(e.data.workerId);
      if (e.type === 'HouseholdRegistered') {
        countyOf.set(e.data.householdId, e.data.countyCode);
      }
    }
    for (const w of workers.values()) {
      if (w.labourCapacity === 'none' || employed.has(w.workerId)) continue;
      const c = countyOf.get(w.householdId)!;
      seekers.set(c, (seekers.get(c) ?? 0) + 1);
    }
    county = [...seekers.entries()].sort((a, b) => b[1] - a[1])[0][0];
    head = (await eventStoreOf(t.app).headPosition()).toString();
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('recommends to weak capacity only public-welfare posts and flexible work', async () => {
    const weak = [...workers.values()].filter((w) => w.labourCapacity === 'weak').slice(0, 20);
    let recommended = 0;
    for (const w of weak) {
      const res = await t.http
        .get(`/v1/workers/${w.workerId}/recommendations?limit=10`)
        .set(bearer(t.tokens.admin()))
        .set('X-Min-Position', head)
        .expect(200);
      for (const item of res.body.items as { vacancyId: string }[]) {
        const p = postings.get(item.vacancyId)!;
        expect(p.source.type === 'public_welfare' || p.flexibleHours === true).toBe(true);
        recommended++;
      }
    }
    console.info(`weak-capacity workers: ${weak.length}, recommendations: ${recommended}`);
    expect(recommended).toBeGreaterThan(0);
  });

  it('admits one plan per account at a time: the same broker asking while its plan is computed gets 429 plan_in_progress with Retry-After', async () => {
    const broker = t.tokens.broker('all');
    const counties = [...new Set(countyOf.values())];
    const ask = () =>
      t.http.post('/v1/match-plans').set('Authorization', `Bearer ${broker}`).send({ counties });
    // Hold a plan of this broker in the gate (a real plan on the demo seed may finish before a second
    // request is even parsed, so overlapping two requests would make the test depend on timing).
    let finish!: () => void;
    const held = t.app
      .get(PlanGate)
      .run('broker:test-broker-all', () => new Promise<void>((resolve) => (finish = resolve)));
    try {
      const refused = await ask().expect(429);
      expect(refused.body.error.code).toBe('plan_in_progress');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Another broker is not held back by this one's plan.
      await t.http
        .post('/v1/match-plans')
        .set('Authorization', `Bearer ${t.tokens.broker([county])}`)
        .send({ counties: [county] })
        .expect(201);
    } finally {
      finish();
      await held;
    }
    // Once the plan is done the same broker is admitted again.
    await ask().expect(201);
  });

  it('plans the county with most job-seekers: coverage at least greedy’s, within the bound; every pair is placed', async () => {
    const broker = t.tokens.broker([county]);
    const started = Date.now();
    const res = await t.http
      .post('/v1/match-plans')
      .set(bearer(broker))
      .set('X-Min-Position', head)
      .send({ counties: [county] })
      .expect(201);
    const elapsed = Date.now() - started;
    const { figures, greedy, bound, instance } = res.body;
    console.info(
      `plan ${county}: ${JSON.stringify(instance)}; exact ${JSON.stringify(figures)}, greedy ${JSON.stringify(greedy)}, bound ${JSON.stringify(bound)}; HTTP ${elapsed} ms`,
    );
    expect(figures.householdsCovered).toBeGreaterThanOrEqual(greedy.householdsCovered);
    expect(figures.householdsCovered).toBeLessThanOrEqual(bound.householdsCovered);
    expect(figures.placed).toBeLessThanOrEqual(bound.placed);
    const pairs = res.body.pairs as PlanPair[];
    expect(figures.placed).toBeGreaterThan(0);
    expect(pairs.length).toBe(figures.placed);
    expect(new Set(pairs.map((p) => p.workerId)).size).toBe(pairs.length);
    // A proposal the placement command accepts pair by pair (the first 40, to keep the suite short).
    for (const pair of pairs.slice(0, 40)) {
      const placement = await t.http
        .post('/v1/placements')
        .set(bearer(broker))
        .send({ workerId: pair.workerId, vacancyId: pair.vacancyId });
      expect({ pair, status: placement.status, body: placement.body }).toMatchObject({ status: 201 });
      head = placement.body.position;
    }
  });

  it('places the top recommendation of ten free workers without a refusal', async () => {
    const broker = t.tokens.broker('all');
    // The top recommendation of workers who get one is accepted by the placement command.
    let placed = 0;
    for (const w of [...workers.values()].filter((x) => !employed.has(x.workerId))) {
      if (placed >= 10) break;
      const res = await t.http
        .get(`/v1/workers/${w.workerId}/recommendations?limit=3`)
        .set(bearer(broker))
        .set('X-Min-Position', head);
      if (res.status !== 200 || res.body.items.length === 0) continue;
      const top = res.body.items[0] as { vacancyId: string };
      const placement = await t.http
        .post('/v1/placements')
        .set(bearer(broker))
        .send({ workerId: w.workerId, vacancyId: top.vacancyId, recommendationRank: 1 });
      expect({ status: placement.status, body: placement.body }).toMatchObject({ status: 201 });
      head = placement.body.position;
      placed++;
    }
    expect(placed).toBe(10);
  });
});

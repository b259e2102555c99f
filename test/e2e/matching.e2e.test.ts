import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  employmentReportBody,
  householdBody,
  labourStationBody,
  memberBody,
  vacancyBody,
  workshopBody,
} from './helpers/fixtures';
import { MATCH_PLAN_STORE, type MatchPlanStore } from '../../apps/platform/src/matching/match-plan.store';
import { startTestApp, type TestApp } from './helpers/start-test-app';

interface Reason {
  code: string;
  points: number;
  zh: string;
  en: string;
  message: string;
}
interface Recommendation {
  rank: number;
  vacancyId: string;
  score: number;
  reasons: Reason[];
}
interface Candidate {
  rank: number;
  workerId: string;
  householdId: string;
  zeroEmploymentHousehold: boolean;
  age: number;
  worker: { name: string | null };
  score: number;
  reasons: Reason[];
}
interface PlanPair {
  workerId: string;
  householdId: string;
  vacancyId: string;
  score: number;
  reasons: Reason[];
}

const GUIZHOU_LOCATION = { province: '贵州省', city: '安顺市', countyCode: COUNTY };

/** The "Done when" for matching, through HTTP on the real platform. */
describe('matching (recommendations, candidates, match plans)', () => {
  let t: TestApp;
  let office: string;
  let broker: string;
  let last = '0';
  const vacancies: Record<string, string> = {};
  let workshopId: string;
  let stationId: string;
  // H1: zero-employment household (a full and a weak member); H2: one member already employed.
  let h1: { householdId: string; workerIds: string[] };
  let h2: { householdId: string; workerIds: string[] };

  const post = async (path: string, token: string, body: object, status = 201) => {
    const res = await t.http.post(path).set(bearer(token)).send(body);
    expect(res.status).toBe(status);
    if (typeof res.body.position === 'string') last = res.body.position;
    return res.body;
  };
  const get = (path: string, token: string) =>
    t.http.get(path).set(bearer(token)).set('X-Min-Position', last);
  const recommendations = async (workerId: string, token = broker) => {
    const res = await get(`/v1/workers/${workerId}/recommendations?limit=20`, token).expect(200);
    return res.body.items as Recommendation[];
  };
  const postVacancy = async (name: string, token: string, body: Record<string, unknown>) => {
    vacancies[name] = (await post('/v1/vacancies', token, body)).vacancyId;
  };

  beforeAll(async () => {
    process.env.MIN_POSITION_TIMEOUT_MS = '400';
    t = await startTestApp();
    office = t.tokens.county(COUNTY);
    broker = t.tokens.broker([COUNTY]);
    stationId = (await post('/v1/labour-stations', t.tokens.admin(), labourStationBody())).stationId;
    workshopId = (await post('/v1/workshops', office, workshopBody())).workshopId;
    const station = t.tokens.station(stationId);
    const workshop = t.tokens.workshop(workshopId);
    await postVacancy('guangzhou', station, vacancyBody({ type: 'labour_station', id: stationId }));
    /** A post of the workshop, in its county. */
    const workshopPost = (changes: Record<string, unknown>) =>
      vacancyBody({ type: 'workshop', id: workshopId }, { location: GUIZHOU_LOCATION, ...changes });
    await postVacancy(
      'workshop',
      workshop,
      workshopPost({ wage: { min: 2500, max: 3500, period: 'month' } }),
    );
    await postVacancy('welfare', office, vacancyBody({ type: 'public_welfare', id: COUNTY }));
    await postVacancy(
      'flexible',
      workshop,
      workshopPost({ flexibleHours: true, labourCapacities: ['partial', 'weak'], skills: [] }),
    );
    // Accepts weak capacity but has fixed hours: the placement rules refuse weak capacity here.
    await postVacancy('fixedHoursTakesWeak', workshop, workshopPost({ labourCapacities: ['full', 'weak'] }));
    h1 = await post(
      '/v1/households',
      office,
      householdBody(COUNTY, [
        memberBody(),
        memberBody({ labourCapacity: 'weak', birthYear: 1966, skills: [] }),
      ]),
    );
    h2 = await post('/v1/households', office, householdBody(COUNTY, [memberBody(), memberBody()]));
    await post(`/v1/workers/${h2.workerIds[1]}/employment-reports`, office, employmentReportBody());
  });
  afterAll(async () => {
    await t.close();
    delete process.env.MIN_POSITION_TIMEOUT_MS;
  });

  it('recommends eligible vacancies with reasons (zh, en, points); the first three from different posters', async () => {
    const items = await recommendations(h1.workerIds[0]);
    const ids = items.map((i) => i.vacancyId);
    expect(new Set(ids)).toEqual(
      new Set([vacancies.guangzhou, vacancies.workshop, vacancies.welfare, vacancies.fixedHoursTakesWeak]),
    );
    expect(items.map((i) => i.rank)).toEqual(items.map((_, k) => k + 1));
    for (const item of items) {
      expect(item.reasons.length).toBeGreaterThan(0);
      expect(item.reasons.reduce((s, r) => s + r.points, 0)).toBeGreaterThanOrEqual(
        Math.min(item.score, 100),
      );
      for (const r of item.reasons) {
        expect(r).toEqual({
          code: expect.any(String),
          points: expect.any(Number),
          zh: expect.any(String),
          en: expect.any(String),
          message: r.zh,
        });
      }
    }
    expect(items[0].reasons.map((r) => r.code)).toContain('zero_employment_household');
    // Three posters among the first three: station, workshop, county office.
    const posters = items
      .slice(0, 3)
      .map((i) =>
        i.vacancyId === vacancies.guangzhou
          ? 'station'
          : i.vacancyId === vacancies.welfare
            ? 'county'
            : 'workshop',
      );
    expect(new Set(posters).size).toBe(3);
  });

  it('gives weak labour capacity only public-welfare posts and flexible work', async () => {
    const ids = (await recommendations(h1.workerIds[1])).map((i) => i.vacancyId);
    expect(new Set(ids)).toEqual(new Set([vacancies.welfare, vacancies.flexible]));
  });

  it('lists candidates with zero-employment households first, no name for a workshop, never an ID number', async () => {
    const res = await get(
      `/v1/vacancies/${vacancies.workshop}/candidates?limit=10`,
      t.tokens.workshop(workshopId),
    ).expect(200);
    const items = res.body.items as Candidate[];
    expect(items.map((c) => c.workerId)).toEqual([h1.workerIds[0], h2.workerIds[0]]);
    expect(items.map((c) => c.zeroEmploymentHousehold)).toEqual([true, false]);
    expect(items[0].age).toBe(new Date().getUTCFullYear() - 1986);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/idNumber|张三/);
    expect(items.map((c) => c.worker.name)).toEqual([null, null]);
    // The broker sees the same candidates (its county); a broker elsewhere sees none of them.
    const other = await get(
      `/v1/vacancies/${vacancies.workshop}/candidates`,
      t.tokens.broker([OTHER_COUNTY]),
    ).expect(200);
    expect(other.body.items).toEqual([]);
  });

  it('writes every read of workers’ data to the access log (who, what, whose)', async () => {
    const worker = h1.workerIds[0];
    await get(`/v1/workers/${worker}/recommendations`, broker).expect(200);
    await get(`/v1/vacancies/${vacancies.workshop}/candidates`, broker).expect(200);
    const res = await t.http
      .get(`/v1/access-log?subject=${encodeURIComponent(worker)}`)
      .set(bearer(t.tokens.admin()))
      .expect(200);
    const items = res.body.items as { resource: string; actorSub: string; subjectIds: string[] }[];
    expect(items.slice(0, 2).map((i) => i.resource)).toEqual([
      'vacancy_candidates',
      'worker_recommendations',
    ]);
    for (const item of items.slice(0, 2)) {
      expect(item.actorSub).toBe(`test-broker-${COUNTY}`);
      expect(item.subjectIds).toEqual(expect.arrayContaining([worker, h1.householdId]));
    }
  });

  it('refuses tokens outside the scope (403) and unknown ids (404)', async () => {
    const worker = h1.workerIds[0];
    await get(`/v1/workers/${worker}/recommendations`, t.tokens.broker([OTHER_COUNTY])).expect(403);
    await get(`/v1/workers/${worker}/recommendations`, t.tokens.county(OTHER_COUNTY)).expect(403);
    await get(`/v1/workers/${worker}/recommendations`, t.tokens.station(stationId)).expect(403);
    await get(`/v1/workers/${worker}/recommendations`, office).expect(200);
    await get(`/v1/vacancies/${vacancies.workshop}/candidates`, t.tokens.workshop('other')).expect(403);
    await get(`/v1/vacancies/${vacancies.guangzhou}/candidates`, t.tokens.county(COUNTY)).expect(403);
    await get(`/v1/vacancies/${vacancies.workshop}/candidates`, t.tokens.county(OTHER_COUNTY)).expect(403);
    await get(`/v1/vacancies/${vacancies.welfare}/candidates`, t.tokens.county(COUNTY)).expect(200);
    await get(`/v1/workers/${h1.householdId}.9/recommendations`, broker).expect(404);
    await get(`/v1/vacancies/no-such-vacancy/candidates`, broker).expect(404);
    await get(`/v1/workers/${worker}/recommendations?limit=0`, broker).expect(400);
    await t.http
      .post('/v1/match-plans')
      .set(bearer(t.tokens.broker([OTHER_COUNTY])))
      .send({ counties: [COUNTY] })
      .expect(403);
    await t.http
      .post('/v1/match-plans')
      .set(bearer(office))
      .send({ counties: [COUNTY, OTHER_COUNTY] })
      .expect(403);
    await t.http.post('/v1/match-plans').set(bearer(broker)).send({ counties: [] }).expect(400);
  });

  it('answers 503 not_ready with Retry-After for a position the state has not reached', async () => {
    const res = await t.http
      .get(`/v1/workers/${h1.workerIds[0]}/recommendations`)
      .set(bearer(broker))
      .set('X-Min-Position', (BigInt(last) + 1000n).toString())
      .expect(503);
    expect(res.body.error.code).toBe('not_ready');
    expect(res.headers['retry-after']).toBe('1');
    const ready = await t.http.get('/ready').expect(200);
    expect(JSON.stringify(ready.body)).toContain('matching');
  });

  it('answers 410 plan_outdated for a plan stored in an earlier shape, not a 500 nor a body the document does not describe', async () => {
    const store = t.app.get<MatchPlanStore>(MATCH_PLAN_STORE);
    await store.save({
      planId: 'plan-of-an-earlier-version',
      counties: [COUNTY],
      createdAt: '2026-01-05T08:00:00.000Z',
      createdBy: 'an-earlier-broker',
      // The shape of a plan before bounds, the greedy plan and the instance were answered.
      body: { planId: 'plan-of-an-earlier-version', counties: [COUNTY], pairs: [], householdsCovered: 0 },
    });
    const res = await t.http
      .get('/v1/match-plans/plan-of-an-earlier-version')
      .set(bearer(broker))
      .expect(410);
    expect(res.body.error.code).toBe('plan_outdated');
    // Scope is checked first: another county's broker learns nothing about it.
    await t.http
      .get('/v1/match-plans/plan-of-an-earlier-version')
      .set(bearer(t.tokens.broker([OTHER_COUNTY])))
      .expect(403);
  });

  it('goes from a plan to confirmed placements; the zero-employment household turns covered', async () => {
    const created = await post('/v1/match-plans', broker, { counties: [COUNTY] });
    expect(created).toMatchObject({
      planId: expect.any(String),
      counties: [COUNTY],
      figures: { householdsCovered: 1, placed: 3 },
      bound: { householdsCovered: 1, placed: 3 },
      greedy: { householdsCovered: expect.any(Number), placed: expect.any(Number) },
      position: expect.any(String),
    });
    const pairs = created.pairs as PlanPair[];
    expect(new Set(pairs.map((p) => p.workerId))).toEqual(
      new Set([h1.workerIds[0], h1.workerIds[1], h2.workerIds[0]]),
    );
    const weak = pairs.find((p) => p.workerId === h1.workerIds[1]);
    expect([vacancies.welfare, vacancies.flexible]).toContain(weak?.vacancyId);
    expect(created.figures.totalScore).toBe(pairs.reduce((s, p) => s + p.score, 0));

    // Fetched again by id; scope-checked.
    const again = await t.http.get(`/v1/match-plans/${created.planId}`).set(bearer(broker)).expect(200);
    expect(again.body).toEqual(created);
    await t.http
      .get(`/v1/match-plans/${created.planId}`)
      .set(bearer(t.tokens.broker([OTHER_COUNTY])))
      .expect(403);
    await t.http
      .get(`/v1/match-plans/${created.planId}`)
      .set(bearer(t.tokens.county(OTHER_COUNTY)))
      .expect(403);
    await t.http.get('/v1/match-plans/no-such-plan').set(bearer(broker)).expect(404);

    const before = await get(`/v1/households/${h1.householdId}/employment`, broker).expect(200);
    expect(before.body.status).toBe('zero_employment');
    for (const pair of pairs) {
      await post('/v1/placements', broker, { workerId: pair.workerId, vacancyId: pair.vacancyId });
    }
    const after = await get(`/v1/households/${h1.householdId}/employment`, broker).expect(200);
    expect(after.body).toMatchObject({ status: 'covered', employedMembers: 2, openCase: null });
    // The matching state follows: placed workers get no more recommendations.
    expect(await recommendations(h1.workerIds[0])).toEqual([]);
  });
});

describe('matching after a restart', () => {
  it('rebuilds the state from the log and keeps the plans', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'matching-restart-'));
    try {
      let t = await startTestApp({ dataDir });
      const office = t.tokens.county(COUNTY);
      const broker = t.tokens.broker([COUNTY]);
      await t.http
        .post('/v1/vacancies')
        .set(bearer(office))
        .send(vacancyBody({ type: 'public_welfare', id: COUNTY }))
        .expect(201);
      const { workerIds, position } = (
        await t.http.post('/v1/households').set(bearer(office)).send(householdBody()).expect(201)
      ).body as { workerIds: string[]; position: string };
      const recommend = () =>
        t.http
          .get(`/v1/workers/${workerIds[0]}/recommendations`)
          .set(bearer(broker))
          .set('X-Min-Position', position)
          .expect(200);
      const before = (await recommend()).body.items;
      expect(before).toHaveLength(1);
      const plan = (
        await t.http
          .post('/v1/match-plans')
          .set(bearer(broker))
          .send({ counties: [COUNTY] })
          .expect(201)
      ).body;
      expect(plan.figures).toMatchObject({ householdsCovered: 1, placed: 2 });
      await t.close();

      t = await startTestApp({ dataDir });
      expect((await recommend()).body.items).toEqual(before);
      const again = await t.http.get(`/v1/match-plans/${plan.planId}`).set(bearer(broker)).expect(200);
      expect(again.body).toEqual(plan);
      await t.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  employerBody,
  householdBody,
  labourStationBody,
  memberBody,
  vacancyBody,
  workshopBody,
} from './helpers/fixtures';
import { startTestApp, type TestApp } from './helpers/start-test-app';

interface WorkerLine {
  name: string | null;
  age: number;
  gender: string | null;
  labourCapacity: string;
  countyCode: string;
  relocationSite: { id: string; name: string | null };
}
interface Candidate {
  workerId: string;
  worker: WorkerLine;
}

const ANSHUN = { province: '贵州省', city: '安顺市', countyCode: COUNTY };
const thisYear = new Date().getUTCFullYear();

/** Issue 17: recommendations, candidates and plans carry a line each, names only for those who answer. */
describe('summaries in recommendations, candidate lists and match plans', () => {
  let t: TestApp;
  let last = '0';
  let stationId: string;
  let workshopId: string;
  let guangzhou: string;
  let local: string;
  let here: { householdId: string; workerIds: string[] };
  let there: { householdId: string; workerIds: string[] };

  const post = async (path: string, token: string, body: object) => {
    const res = await t.http.post(path).set(bearer(token)).send(body).expect(201);
    last = res.body.position;
    return res.body;
  };
  const get = (path: string, token: string) =>
    t.http.get(path).set(bearer(token)).set('X-Min-Position', last);
  const candidates = async (vacancyId: string, token: string): Promise<Candidate[]> =>
    (await get(`/v1/vacancies/${vacancyId}/candidates?limit=20`, token).expect(200)).body.items;

  beforeAll(async () => {
    t = await startTestApp();
    const office = t.tokens.county(COUNTY);
    stationId = (await post('/v1/labour-stations', t.tokens.admin(), labourStationBody())).stationId;
    workshopId = (await post('/v1/workshops', office, workshopBody())).workshopId;
    const { employerId } = await post('/v1/employers', t.tokens.station(stationId), employerBody());
    guangzhou = (
      await post(
        '/v1/vacancies',
        t.tokens.station(stationId),
        vacancyBody(
          { type: 'labour_station', id: stationId },
          { employerId, accommodation: true, meals: true },
        ),
      )
    ).vacancyId;
    local = (
      await post(
        '/v1/vacancies',
        t.tokens.workshop(workshopId),
        vacancyBody({ type: 'workshop', id: workshopId }, { location: ANSHUN }),
      )
    ).vacancyId;
    here = await post(
      '/v1/households',
      office,
      householdBody(COUNTY, [memberBody({ name: '王秀英' }), memberBody({ name: '李四', gender: 'male' })]),
    );
    there = await post(
      '/v1/households',
      t.tokens.county(OTHER_COUNTY),
      householdBody(OTHER_COUNTY, [memberBody({ name: '欧阳娜娜' })]),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives each recommendation its vacancy’s line: title, employer, city, wage, board and lodging', async () => {
    const res = await get(
      `/v1/workers/${here.workerIds[0]}/recommendations`,
      t.tokens.broker([COUNTY]),
    ).expect(200);
    const byId = Object.fromEntries(
      (res.body.items as { vacancyId: string; vacancy: unknown }[]).map((i) => [i.vacancyId, i.vacancy]),
    );
    expect(byId[guangzhou]).toEqual({
      title: '缝纫工',
      employer: { name: '广州市白云区华盛制衣有限公司' },
      location: { province: '广东省', city: '广州市' },
      wage: { min: 4500, max: 6000, period: 'month' },
      accommodation: true,
      meals: true,
    });
    // A vacancy naming no employer shows its poster, and meals not stated is null.
    expect(byId[local]).toMatchObject({ employer: { name: '西秀区扶贫车间' }, meals: null });
  });

  it('gives each candidate the worker’s line, the name whole for the county’s broker', async () => {
    const items = await candidates(local, t.tokens.broker([COUNTY]));
    const first = items.find((c) => c.workerId === here.workerIds[0]);
    expect(first?.worker).toEqual({
      name: '王秀英',
      age: thisYear - 1986,
      gender: 'female',
      labourCapacity: 'full',
      countyCode: COUNTY,
      relocationSite: { id: `site-${COUNTY}-01`, name: '彩虹社区' },
    });
    expect(JSON.stringify(items)).not.toMatch(/idNumber/);
  });

  it('masks the names for the admin in the candidate list', async () => {
    const items = await candidates(local, t.tokens.admin());
    expect(items.map((c) => c.workerId)).toContain(there.workerIds[0]);
    const names = items.map((c) => c.worker.name).sort();
    expect(names).toEqual(['李*', '欧**娜', '王*英'].sort());
  });

  it('lets the office of the county a vacancy is in see its own county’s candidates, whole names', async () => {
    const items = await candidates(local, t.tokens.county(COUNTY));
    expect(items.map((c) => c.workerId).sort()).toEqual([...here.workerIds].sort());
    expect(items.map((c) => c.worker.name).sort()).toEqual(['李四', '王秀英'].sort());
  });

  it('refuses another county’s office (403), even for a county whose workers could take the job', async () => {
    await get(`/v1/vacancies/${local}/candidates`, t.tokens.county(OTHER_COUNTY)).expect(403);
    await get(`/v1/vacancies/${guangzhou}/candidates`, t.tokens.county(COUNTY)).expect(403);
  });

  it('shows the poster its candidates without names', async () => {
    const items = await candidates(local, t.tokens.workshop(workshopId));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((c) => c.worker.name === null && c.worker.age > 0)).toBe(true);
  });

  it('gives each pair of a match plan both lines; a stored plan names its workers as the reader may see them', async () => {
    const plan = (await post('/v1/match-plans', t.tokens.broker([COUNTY]), { counties: [COUNTY] })) as {
      planId: string;
      pairs: { workerId: string; vacancyId: string; worker: WorkerLine; vacancy: { title: string } }[];
    };
    expect(plan.pairs.length).toBeGreaterThan(0);
    for (const pair of plan.pairs) {
      expect(pair.vacancy.title).toBe('缝纫工');
      expect(['王秀英', '李四']).toContain(pair.worker.name);
      expect(pair.worker.relocationSite.name).toBe('彩虹社区');
    }
    const asAdmin = await get(`/v1/match-plans/${plan.planId}`, t.tokens.admin()).expect(200);
    expect(asAdmin.body.pairs.map((p: { worker: WorkerLine }) => p.worker.name)).toEqual(
      plan.pairs.map((p) => (p.worker.name === '王秀英' ? '王*英' : '李*')),
    );
    const asOffice = await get(`/v1/match-plans/${plan.planId}`, t.tokens.county(COUNTY)).expect(200);
    expect(asOffice.body.pairs).toEqual(plan.pairs);
  });
});

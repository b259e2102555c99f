/**
 * A prefecture's office (市/州就业部门) oversees its counties: it reads their figures, its own prefecture's
 * figures and their zero-employment cases (names masked in lists, whole on a case's page, every read logged),
 * and acts on none of them. Another prefecture, the province and every command answer 403, appending nothing.
 */
import { COUNTY, OTHER_COUNTY, bearer, householdBody, memberBody } from './helpers/fixtures';
import { startTestApp, type TestApp } from './helpers/start-test-app';

const ANSHUN = '520400'; // COUNTY 520402 西秀区 is one of its counties; OTHER_COUNTY 520524 is in 毕节市 520500.
const BIJIE = '520500';

interface CaseItem {
  caseId: string;
  householdId: string;
  household: { headName: string | null } | null;
}

describe('the prefecture office through HTTP', () => {
  let t: TestApp;
  let office: string;
  let prefecture: string;
  let household: { householdId: string; workerIds: string[]; position: string };
  let opened: CaseItem;

  const get = (path: string, token: string, minPosition?: string) => {
    const req = t.http.get(path).set(bearer(token));
    return minPosition ? req.set('X-Min-Position', minPosition) : req;
  };

  beforeAll(async () => {
    t = await startTestApp();
    office = t.tokens.county(COUNTY);
    prefecture = t.tokens.prefecture(ANSHUN);
    household = (
      await t.http
        .post('/v1/households')
        .set(bearer(office))
        .send(householdBody(COUNTY, [memberBody({ name: '王秀英' })]))
        .expect(201)
    ).body;
    for (let i = 0; i < 100 && !opened; i++) {
      const res = await get(
        `/v1/counties/${COUNTY}/zero-employment-cases?limit=200`,
        office,
        household.position,
      );
      opened = (res.body.items as CaseItem[]).find((c) => c.householdId === household.householdId)!;
      if (!opened) await new Promise((r) => setTimeout(r, 20));
    }
    expect(opened).toBeDefined();
  });
  afterAll(() => t.close());

  it('reads its prefecture’s figures and its counties’, not another prefecture’s or the province’s', async () => {
    const own = await get(`/v1/prefectures/${ANSHUN}/employment`, prefecture, household.position).expect(200);
    expect(own.body.zeroEmploymentHouseholds).toBeGreaterThanOrEqual(1);
    const county = await get(`/v1/counties/${COUNTY}/employment`, prefecture, household.position).expect(200);
    expect(county.body.zeroEmploymentHouseholds).toBeGreaterThanOrEqual(1);

    await get(`/v1/prefectures/${BIJIE}/employment`, prefecture).expect(403);
    await get(`/v1/counties/${OTHER_COUNTY}/employment`, prefecture).expect(403);
    await get('/v1/province/employment', prefecture).expect(403);
    // And a county office still may not read the prefecture's roll-up.
    await get(`/v1/prefectures/${ANSHUN}/employment`, office).expect(403);
  });

  it('reads its counties’ cases with names masked in the list and whole on the case, and the reads are logged', async () => {
    const list = await get(`/v1/counties/${COUNTY}/zero-employment-cases?limit=200`, prefecture).expect(200);
    const item = (list.body.items as CaseItem[]).find((c) => c.householdId === household.householdId);
    expect(item?.household?.headName).toBe('王*英');

    const one = await get(
      `/v1/zero-employment-cases/${encodeURIComponent(opened.caseId)}`,
      prefecture,
    ).expect(200);
    expect(one.body.members.map((m: { name: string }) => m.name)).toEqual(['王秀英']);
    await get(`/v1/counties/${COUNTY}/case-deadlines`, prefecture).expect(200);

    await get(`/v1/counties/${OTHER_COUNTY}/zero-employment-cases`, prefecture).expect(403);
    await get(`/v1/counties/${OTHER_COUNTY}/case-deadlines`, prefecture).expect(403);

    const log = await get(
      `/v1/access-log?subject=${encodeURIComponent(household.householdId)}`,
      t.tokens.admin(),
    ).expect(200);
    const reads = (log.body.items as { actorRole: string; resource: string }[]).filter(
      (i) => i.actorRole === 'prefecture_office',
    );
    expect(reads.map((r) => r.resource).sort()).toEqual(['zero_employment_case', 'zero_employment_cases']);
  });

  it('acts on nothing: every command is 403 and appends nothing', async () => {
    const before = (await get(`/v1/counties/${COUNTY}/employment`, office).expect(200)).body
      .position as string;
    const casePath = `/v1/zero-employment-cases/${encodeURIComponent(opened.caseId)}`;
    const attempts = [
      t.http.post('/v1/households').send(householdBody(COUNTY, [memberBody({ name: '李四' })])),
      t.http.post(`${casePath}/assign`).send({ assignee: { id: 'cadre-1', name: '李明' } }),
      t.http.post(`${casePath}/verifications`).send({
        visitedAt: new Date().toISOString(),
        method: 'phone',
        finding: 'confirmed',
      }),
      t.http.put(`/v1/counties/${COUNTY}/case-deadlines`).send({ assistWithinDays: 3, clearWithinDays: 5 }),
      // The money and the training of its counties are theirs to act on too.
      t.http
        .post(`/v1/counties/${COUNTY}/welfare-months/2026-01/confirmations`)
        .send({ entries: [{ placementId: 'h:p' }] }),
      t.http
        .post(`/v1/transport-subsidies/${encodeURIComponent(`${household.workerIds[0]}:2026`)}/claims`)
        .send({ travelDate: '2026-01-05', destinationProvince: '440000' }),
      t.http.put(`/v1/counties/${COUNTY}/transport-subsidy-rates`).send({ rates: { '440000': 500 } }),
      t.http.post('/v1/training-courses/any/enrolments').send({ workerId: household.workerIds[0] }),
    ];
    for (const attempt of attempts) {
      const res = await attempt.set(bearer(prefecture));
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    // Nor does it find people: search is for those who answer for them.
    await get('/v1/households?q=wxy', prefecture).expect(403);
    const after = (await get(`/v1/counties/${COUNTY}/employment`, office).expect(200)).body
      .position as string;
    expect(after).toBe(before);
  });
});

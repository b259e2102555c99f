import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNELS } from '@contracts';
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  eventStoreOf,
  householdBody,
  memberBody,
  vacancyBody,
  workshopBody,
} from './helpers/fixtures';
import { registerHousehold } from './helpers/requests';
import { startTestApp, type TestApp } from './helpers/start-test-app';

interface CaseItem {
  householdId: string;
  openedAt: string;
  clearedAt: string | null;
  ageDays: number;
  assistDueAt: string;
  clearDueAt: string;
  assistOverdue: boolean;
  clearOverdue: boolean;
  warning: string;
}

const DAY_MS = 24 * 3600 * 1000;

/** The "Done when", through HTTP alone, each read given the position of the write before it. */
describe('employment monitor (read side)', () => {
  let t: TestApp;
  let office: string;
  let broker: string;
  let admin: string;

  const get = (path: string, token: string, minPosition?: string) => {
    const req = t.http.get(path).set(bearer(token));
    return minPosition === undefined ? req : req.set('X-Min-Position', minPosition);
  };
  const register = (body: object = householdBody()) => registerHousehold(t, office, body);
  const postWorkshopVacancy = async (openings = 5) => {
    const workshop = await t.http.post('/v1/workshops').set(bearer(office)).send(workshopBody()).expect(201);
    const { workshopId } = workshop.body as { workshopId: string };
    const body = vacancyBody(
      { type: 'workshop', id: workshopId },
      { location: { province: '贵州省', city: '安顺市', countyCode: COUNTY }, openings },
    );
    const res = await t.http
      .post('/v1/vacancies')
      .set(bearer(t.tokens.workshop(workshopId)))
      .send(body);
    expect(res.status).toBe(201);
    return res.body as { vacancyId: string; position: string };
  };

  beforeAll(async () => {
    t = await startTestApp();
    office = t.tokens.county(COUNTY);
    broker = t.tokens.broker([COUNTY]);
    admin = t.tokens.admin();
  });
  afterAll(async () => {
    await t.close();
  });

  it('follows a household from registration to an open case, its clearing by a placement, and a new case when it ends', async () => {
    const household = await register();
    const { householdId, workerIds } = household;

    // 1. Registered with labour and nobody employed: zero employment, a case open since today.
    const seen = await get(`/v1/households/${householdId}/employment`, office, household.position).expect(
      200,
    );
    expect(seen.body).toMatchObject({
      householdId,
      status: 'zero_employment',
      labourCapableMembers: 2,
      employedMembers: 0,
      channels: [],
    });
    expect(BigInt(seen.body.position)).toBeGreaterThanOrEqual(BigInt(household.position));
    // The case is opened by the monitor's own append, a little after the registration.
    const open = await waitForCase(householdId, 'open', household.position);
    expect(open).toMatchObject({ householdId, clearedAt: null, ageDays: 0, warning: 'green' });
    expect(Date.parse(open.assistDueAt) - Date.parse(open.openedAt)).toBe(3 * DAY_MS);
    expect(Date.parse(open.clearDueAt) - Date.parse(open.openedAt)).toBe(5 * DAY_MS);
    const withCase = await get(`/v1/households/${householdId}/employment`, office).expect(200);
    expect(withCase.body.openCase).toEqual({ openedAt: open.openedAt });

    // 2. A broker places a member into a workshop vacancy: covered, the case cleared.
    const vacancy = await postWorkshopVacancy();
    const placed = await t.http
      .post('/v1/placements')
      .set(bearer(broker))
      .send({ workerId: workerIds[0], vacancyId: vacancy.vacancyId })
      .expect(201);
    const covered = await get(
      `/v1/households/${householdId}/employment`,
      broker,
      placed.body.position,
    ).expect(200);
    expect(covered.body).toMatchObject({ status: 'covered', employedMembers: 1, channels: ['workshop'] });
    const cleared = await waitForCase(householdId, 'cleared', placed.body.position);
    expect(cleared).toMatchObject({ householdId, openedAt: open.openedAt, clearedAt: expect.any(String) });
    const worker = await get(`/v1/workers/${workerIds[0]}/employment`, office, placed.body.position).expect(
      200,
    );
    expect(worker.body).toMatchObject({
      workerId: workerIds[0],
      householdId,
      employed: true,
      employmentId: placed.body.placementId,
      channel: 'workshop',
      householdStatus: 'covered',
    });
    const vacancies = await get(`/v1/vacancies?county=${COUNTY}`, broker, placed.body.position).expect(200);
    expect(
      vacancies.body.items.find((v: { vacancyId: string }) => v.vacancyId === vacancy.vacancyId),
    ).toMatchObject({ openings: 5, filled: 1, status: 'open' });

    // 3. The placement ends: zero employment again, and a NEW case opens (the cleared one stays cleared).
    const ended = await t.http
      .post(`/v1/placements/${placed.body.placementId}/end`)
      .set(bearer(broker))
      .send({ reason: 'quit' })
      .expect(200);
    const again = await get(`/v1/households/${householdId}/employment`, office, ended.body.position).expect(
      200,
    );
    expect(again.body).toMatchObject({ status: 'zero_employment', employedMembers: 0 });
    const reopened = await waitForCase(householdId, 'open', ended.body.position);
    expect(reopened.openedAt >= (cleared.clearedAt as string)).toBe(true);
    const stillCleared = await get(`/v1/counties/${COUNTY}/zero-employment-cases?status=cleared`, office);
    expect(stillCleared.body.items.filter((c: CaseItem) => c.householdId === householdId)).toHaveLength(1);
  });

  it('keeps the county, prefecture and province figures equal to what was registered and placed', async () => {
    const before = await get(`/v1/counties/${COUNTY}/employment`, office).expect(200);
    const full = await register();
    const none = await register(householdBody(COUNTY, [memberBody({ labourCapacity: 'none' })]));
    const vacancy = await postWorkshopVacancy();
    const placed = await t.http
      .post('/v1/placements')
      .set(bearer(broker))
      .send({ workerId: full.workerIds[1], vacancyId: vacancy.vacancyId })
      .expect(201);
    const after = await get(`/v1/counties/${COUNTY}/employment`, office, placed.body.position).expect(200);
    const b = before.body;
    const a = after.body;
    expect(a).toMatchObject({
      countyCode: COUNTY,
      households: b.households + 2,
      householdsWithLabour: b.householdsWithLabour + 1,
      coveredHouseholds: b.coveredHouseholds + 1,
      zeroEmploymentHouseholds: b.zeroEmploymentHouseholds,
      noLabourHouseholds: b.noLabourHouseholds + 1,
      labourCapableWorkers: b.labourCapableWorkers + 2,
      employedWorkers: b.employedWorkers + 1,
    });
    expect(a.byChannel.workshop).toBe(b.byChannel.workshop + 1);
    expect(Object.keys(a.byChannel).sort()).toEqual([...CHANNELS].sort());
    expect(a.employmentRate).toBeCloseTo(a.employedWorkers / a.labourCapableWorkers, 10);
    expect(a.employedPerHousehold).toBeCloseTo(a.employedWorkers / a.householdsWithLabour, 10);
    expect(none.householdId).toBeDefined();

    const prefecture = await get('/v1/prefectures/520400/employment', admin, placed.body.position).expect(
      200,
    );
    const province = await get('/v1/province/employment', admin, placed.body.position).expect(200);
    expect(prefecture.body).toMatchObject({ prefectureCode: '520400', households: a.households });
    expect(province.body).toMatchObject({ provinceCode: '520000', households: a.households });
    expect(typeof province.body.position).toBe('string');

    // A valid county without data: zeros. Broker in its counties: allowed (figures are aggregates).
    const empty = await get(`/v1/counties/${OTHER_COUNTY}/employment`, admin).expect(200);
    expect(empty.body).toMatchObject({ countyCode: OTHER_COUNTY, households: 0, employmentRate: 0 });
    await get(`/v1/counties/${COUNTY}/employment`, broker).expect(200);
  });

  it('answers 403 outside the token’s scope and 404 for codes that are not Guizhou regions', async () => {
    const { householdId, workerIds, position } = await register();
    const otherOffice = t.tokens.county(OTHER_COUNTY);
    const otherBroker = t.tokens.broker([OTHER_COUNTY]);
    await get(`/v1/counties/${COUNTY}/employment`, otherOffice).expect(403);
    await get(`/v1/counties/${COUNTY}/zero-employment-cases`, otherOffice).expect(403);
    await get(`/v1/counties/${COUNTY}/zero-employment-cases`, broker).expect(403);
    await get(`/v1/households/${householdId}/employment`, otherOffice, position).expect(403);
    await get(`/v1/households/${householdId}/employment`, otherBroker, position).expect(403);
    await get(`/v1/workers/${workerIds[0]}/employment`, otherBroker, position).expect(403);
    await get('/v1/prefectures/520400/employment', office).expect(403);
    await get('/v1/province/employment', broker).expect(403);
    await get('/v1/counties/520999/employment', admin).expect(404);
    await get('/v1/counties/abc/zero-employment-cases', admin).expect(404);
    await get('/v1/prefectures/529900/employment', admin).expect(404);
    await get('/v1/households/no-such-household/employment', admin).expect(404);
    await get('/v1/counties/520402/employment', 'not-a-token').expect(401);
    const res = await get(`/v1/counties/${COUNTY}/zero-employment-cases?status=maybe`, office).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('pages the open cases (oldest first, total, cursor) and the vacancies', async () => {
    const last = { position: '0' };
    for (let i = 0; i < 3; i++) Object.assign(last, await register());
    await expectOpenCasesMatchFigures(last.position);
    const all = await get(`/v1/counties/${COUNTY}/zero-employment-cases?limit=200`, office).expect(200);
    const pages: CaseItem[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const page = await get(`/v1/counties/${COUNTY}/zero-employment-cases?limit=2${query}`, office).expect(
        200,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      expect(page.body.total).toBe(all.body.total);
      pages.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(pages).toEqual(all.body.items);
    expect(pages.length).toBe(all.body.total);
    const opened = pages.map((c) => c.openedAt);
    expect(opened).toEqual([...opened].sort());

    let lastVacancy = '0';
    for (let i = 0; i < 3; i++) lastVacancy = (await postWorkshopVacancy(1)).position;
    const station = t.tokens.station('any');
    const first = await get('/v1/vacancies?source=workshop&limit=2', station, lastVacancy).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.total).toBeGreaterThanOrEqual(3);
    const second = await get(
      `/v1/vacancies?source=workshop&limit=2&cursor=${first.body.nextCursor}`,
      station,
    );
    expect(second.status).toBe(200);
    const ids = [...first.body.items, ...second.body.items].map((v: { vacancyId: string }) => v.vacancyId);
    expect(new Set(ids).size).toBe(ids.length);
    const postedAt = [...first.body.items, ...second.body.items].map((v: { postedAt: string }) => v.postedAt);
    expect(postedAt).toEqual([...postedAt].sort().reverse());
    await get('/v1/vacancies?cursor=garbage', station).expect(400);
  });

  it('writes every read of household or worker data to the access log, ids only, admin-only to read', async () => {
    const { householdId, workerIds, position } = await register();
    await get(`/v1/households/${householdId}/employment`, office, position)
      .set('X-Correlation-Id', 'audit-me-1')
      .expect(200);
    await get(`/v1/workers/${workerIds[1]}/employment`, broker, position).expect(200);
    await waitForCase(householdId, 'open', position);

    const log = await get(`/v1/access-log?subject=${householdId}`, admin).expect(200);
    const resources = log.body.items.map((r: { resource: string }) => r.resource);
    expect(resources).toEqual(
      expect.arrayContaining(['household_employment', 'worker_employment', 'zero_employment_cases']),
    );
    expect(log.body.items).toContainEqual(
      expect.objectContaining({
        actorSub: `test-county-${COUNTY}`,
        actorRole: 'county_office',
        resource: 'household_employment',
        subjectIds: [householdId],
        scope: COUNTY,
        correlationId: 'audit-me-1',
        at: expect.any(String),
      }),
    );
    expect(log.body.items).toContainEqual(
      expect.objectContaining({ actorRole: 'broker', subjectIds: [workerIds[1], householdId] }),
    );
    expect(JSON.stringify(log.body)).not.toContain('张三');
    const byWorker = await get(`/v1/access-log?subject=${workerIds[1]}`, admin).expect(200);
    expect(byWorker.body.items).toHaveLength(1);
    await get('/v1/access-log', office).expect(403);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = await t.http.get('/docs/openapi.json').expect(200);
    const paths = Object.keys(doc.body.paths as Record<string, unknown>);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/v1/vacancies',
        '/v1/households/{id}/employment',
        '/v1/workers/{id}/employment',
        '/v1/counties/{code}/employment',
        '/v1/counties/{code}/zero-employment-cases',
        '/v1/counties/{code}/employment/stream',
        '/v1/prefectures/{code}/employment',
        '/v1/province/employment',
        '/v1/access-log',
      ]),
    );
  });

  /**
   * The case events are the monitor's own appends, after the command's position; X-Min-Position still
   * covers them (the read waits for the head as it was when that position was applied), so ONE read finds them.
   */
  async function waitForCase(householdId: string, status: 'open' | 'cleared', minPosition: string) {
    const res = await get(
      `/v1/counties/${COUNTY}/zero-employment-cases?status=${status}&limit=200`,
      office,
      minPosition,
    ).expect(200);
    const found = (res.body.items as CaseItem[]).find((c) => c.householdId === householdId);
    if (!found) throw new Error(`No ${status} case for ${householdId}`);
    return found;
  }

  async function expectOpenCasesMatchFigures(minPosition: string): Promise<void> {
    const res = await get(`/v1/counties/${COUNTY}/zero-employment-cases`, office, minPosition).expect(200);
    const figures = await get(`/v1/counties/${COUNTY}/employment`, office).expect(200);
    expect(res.body.total).toBe(figures.body.zeroEmploymentHouseholds);
  }
});

describe('employment monitor across a restart', () => {
  it('resumes from its checkpoint: same figures, the same single open case, and new writes still projected', async () => {
    const first = await startTestApp({ dataDir: mkdtempSync(join(tmpdir(), 'monitor-restart-')) });
    const office = first.tokens.county(COUNTY);
    const dataDir = first.dataDir;
    try {
      const registered = await first.http.post('/v1/households').set(bearer(office)).send(householdBody());
      const before = await first.http
        .get(`/v1/counties/${COUNTY}/zero-employment-cases`)
        .set(bearer(office))
        .set('X-Min-Position', registered.body.position)
        .expect(200);
      expect(before.body.total).toBe(1);
      await first.close();

      const second = await startTestApp({ dataDir });
      try {
        const head = (await eventStoreOf(second.app).headPosition()).toString();
        const after = await second.http
          .get(`/v1/counties/${COUNTY}/zero-employment-cases`)
          .set(bearer(office))
          .set('X-Min-Position', head)
          .expect(200);
        expect(after.body.items).toEqual(before.body.items);
        const more = await second.http.post('/v1/households').set(bearer(office)).send(householdBody());
        const figures = await second.http
          .get(`/v1/counties/${COUNTY}/employment`)
          .set(bearer(office))
          .set('X-Min-Position', more.body.position)
          .expect(200);
        expect(figures.body).toMatchObject({ households: 2, zeroEmploymentHouseholds: 2 });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

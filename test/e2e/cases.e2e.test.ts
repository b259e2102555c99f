/**
 * The county office's case loop through HTTP (平台预警 → 基层核实 → 快速响应): a household registered without work
 * is a case; the office assigns it, records a visit and a measure; a broker places a member; the case clears —
 * and, on another household, a visit that finds the member employed elsewhere clears it by that employment.
 */
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  householdBody,
  lastCommandPosition,
  memberBody,
  vacancyBody,
  workshopBody,
} from './helpers/fixtures';
import { startTestApp, type TestApp } from './helpers/start-test-app';

interface CaseItem {
  caseId: string;
  householdId: string;
  openedAt: string;
  warning: string;
  assignee: { id: string; name: string } | null;
  measures: number;
  status: string;
  clearedBy: unknown;
  household: { headName: string | null } | null;
}

describe('case work through HTTP', () => {
  let t: TestApp;
  let office: string;
  let broker: string;
  // After the case opened (a moment ago) and not after the server's clock when the request arrives.
  const justNow = () => new Date().toISOString();

  beforeAll(async () => {
    t = await startTestApp();
    office = t.tokens.county(COUNTY);
    broker = t.tokens.broker([COUNTY]);
  });
  afterAll(() => t.close());

  const get = (path: string, token: string, minPosition?: string) => {
    const req = t.http.get(path).set(bearer(token));
    return minPosition ? req.set('X-Min-Position', minPosition) : req;
  };
  const post = (path: string, token: string, body: object) => t.http.post(path).set(bearer(token)).send(body);

  async function registerHousehold(members = [memberBody({ name: '王秀英' })]) {
    const res = await post('/v1/households', office, householdBody(COUNTY, members)).expect(201);
    return res.body as { householdId: string; workerIds: string[]; position: string };
  }

  /** The household's open case, once the monitor has opened it (it appends a moment after the command). */
  async function openCaseOf(householdId: string, minPosition: string): Promise<CaseItem> {
    for (let i = 0; i < 100; i++) {
      const res = await get(`/v1/counties/${COUNTY}/zero-employment-cases?limit=200`, office, minPosition);
      const found = (res.body.items as CaseItem[]).find((c) => c.householdId === householdId);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no open case for ${householdId}`);
  }

  async function caseOf(caseId: string, minPosition?: string) {
    for (let i = 0; i < 100; i++) {
      const res = await get(`/v1/zero-employment-cases/${encodeURIComponent(caseId)}`, office, minPosition);
      if (res.status === 200) return res.body;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`case ${caseId} never readable`);
  }

  /** A phone check that finds the member working at a restaurant in town since today. */
  const foundEmployed = (workerId: string) => ({
    visitedAt: justNow(),
    method: 'phone',
    finding: 'employed_elsewhere',
    employment: {
      workerId,
      channel: 'flexible',
      employer: '镇上餐馆',
      startDate: new Date().toISOString().slice(0, 10),
    },
  });

  async function workshopVacancy(): Promise<string> {
    const admin = t.tokens.admin();
    const { workshopId } = (await post('/v1/workshops', admin, workshopBody(COUNTY)).expect(201)).body;
    const body = vacancyBody(
      { type: 'workshop', id: workshopId },
      {
        title: '电子组装工',
        location: { province: '贵州省', city: '安顺市', countyCode: COUNTY },
      },
    );
    return (await post('/v1/vacancies', t.tokens.workshop(workshopId), body).expect(201)).body.vacancyId;
  }

  it('open → assign → verify → measure → placed → cleared, each step on the timeline', async () => {
    const household = await registerHousehold();
    const opened = await openCaseOf(household.householdId, household.position);
    expect(opened).toMatchObject({
      caseId: `${household.householdId}:1`,
      warning: 'green',
      assignee: null,
      measures: 0,
      household: { headName: '王秀英' },
    });
    const path = `/v1/zero-employment-cases/${encodeURIComponent(opened.caseId)}`;

    const assigned = await post(`${path}/assign`, office, {
      assignee: { id: 'cadre-42', name: '李明' },
    }).expect(200);
    const verified = await post(`${path}/verifications`, office, {
      visitedAt: justNow(),
      method: 'home_visit',
      finding: 'confirmed',
      note: '户主在家，无人务工',
    }).expect(201);
    expect(BigInt(verified.body.position)).toBeGreaterThan(BigInt(assigned.body.position));
    const vacancyId = await workshopVacancy();
    const measured = await post(`${path}/measures`, office, {
      kind: 'job_recommendation',
      takenAt: justNow(),
      takenBy: '李明',
      workerId: household.workerIds[0],
      vacancyIds: [vacancyId],
    }).expect(201);

    const worked = await caseOf(opened.caseId, measured.body.position);
    expect(worked).toMatchObject({
      assignee: { id: 'cadre-42', name: '李明' },
      measures: 1,
      warning: 'green',
    });
    expect(worked.timeline.map((e: { type: string }) => e.type)).toEqual([
      'opened',
      'assigned',
      'verified',
      'measure',
    ]);
    expect(worked.members).toEqual([
      expect.objectContaining({ workerId: household.workerIds[0], name: '王秀英', employed: false }),
    ]);
    // Mine: the case assigned to the caller's own id is on the "mine" list of that cadre only.
    const mine = await get(
      `/v1/counties/${COUNTY}/zero-employment-cases?assignee=cadre-42`,
      office,
      measured.body.position,
    ).expect(200);
    expect((mine.body.items as CaseItem[]).map((c) => c.caseId)).toContain(opened.caseId);

    const placed = await post('/v1/placements', broker, {
      workerId: household.workerIds[0],
      vacancyId,
    }).expect(201);
    let cleared: { status: string; timeline: { type: string }[] } | undefined;
    for (let i = 0; i < 100 && cleared?.status !== 'cleared'; i++) {
      cleared = await caseOf(opened.caseId, placed.body.position);
      if (cleared?.status !== 'cleared') await new Promise((r) => setTimeout(r, 20));
    }
    expect(cleared).toMatchObject({
      status: 'cleared',
      clearedBy: { kind: 'employment', channel: 'workshop' },
    });
    expect(cleared?.timeline.at(-1)?.type).toBe('cleared');

    // Work on a cleared case is refused and appends nothing.
    const before = await lastCommandPosition(t.app);
    const closed = await post(`${path}/assign`, office, { assignee: { id: 'cadre-9', name: '赵六' } }).expect(
      409,
    );
    expect(closed.body.error.code).toBe('case_closed');
    expect(await lastCommandPosition(t.app)).toBe(before);
  });

  it('a visit that finds the member employed elsewhere records the employment and the case clears by it', async () => {
    const household = await registerHousehold([memberBody({ name: '张三' })]);
    const opened = await openCaseOf(household.householdId, household.position);
    const path = `/v1/zero-employment-cases/${encodeURIComponent(opened.caseId)}`;
    const found = await post(`${path}/verifications`, office, foundEmployed(household.workerIds[0])).expect(
      201,
    );
    const employment = await get(
      `/v1/households/${household.householdId}/employment`,
      office,
      found.body.position,
    ).expect(200);
    expect(employment.body).toMatchObject({ status: 'covered', channels: ['flexible'] });
    let status = '';
    for (let i = 0; i < 100 && status !== 'cleared'; i++) status = (await caseOf(opened.caseId)).status;
    expect(status).toBe('cleared');
  });

  it('refuses bad input with 400 naming the field, appending nothing; other counties get 403; unknown cases 404', async () => {
    const household = await registerHousehold([memberBody({ name: '刘五' })]);
    const opened = await openCaseOf(household.householdId, household.position);
    const path = `/v1/zero-employment-cases/${encodeURIComponent(opened.caseId)}`;
    const before = await lastCommandPosition(t.app);
    const cases: [string, object, string][] = [
      [
        'verifications',
        { visitedAt: new Date(Date.now() + 3600_000).toISOString(), method: 'phone', finding: 'confirmed' },
        'visitedAt',
      ],
      ['verifications', { visitedAt: justNow(), method: 'phone', finding: 'maybe' }, 'finding'],
      [
        'verifications',
        { visitedAt: justNow(), method: 'phone', finding: 'employed_elsewhere' },
        'employment',
      ],
      [
        'measures',
        { kind: 'job_recommendation', takenAt: justNow(), vacancyIds: ['no-such-vacancy'] },
        'vacancyIds.0',
      ],
      ['measures', { kind: 'job_recommendation', takenAt: justNow() }, 'vacancyIds'],
      ['measures', { kind: 'career_guidance', takenAt: justNow(), workerId: 'someone-else.1' }, 'workerId'],
      ['assign', { assignee: { id: 'x' } }, 'assignee.name'],
    ];
    for (const [action, body, field] of cases) {
      const res = await post(`${path}/${action}`, office, body);
      expect([action, res.status]).toEqual([action, 400]);
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(field);
    }
    expect(await lastCommandPosition(t.app)).toBe(before);

    const other = t.tokens.county(OTHER_COUNTY);
    await post(`${path}/assign`, other, { assignee: { id: 'x', name: '某人' } }).expect(403);
    await get(path, other).expect(403);
    await get(`/v1/counties/${COUNTY}/zero-employment-cases`, broker).expect(403);
    await post(
      `/v1/zero-employment-cases/${encodeURIComponent(`${household.householdId}:9`)}/assign`,
      office,
      {
        assignee: { id: 'x', name: '某人' },
      },
    ).expect(404);
  });

  it('lets a county set its deadlines, and reads them back', async () => {
    await get(`/v1/counties/${COUNTY}/case-deadlines`, office)
      .expect(200)
      .expect((res) =>
        expect(res.body).toMatchObject({ assistWithinDays: 3, clearWithinDays: 5, isDefault: true }),
      );
    const set = await t.http
      .put(`/v1/counties/${COUNTY}/case-deadlines`)
      .set(bearer(office))
      .send({ assistWithinDays: 2, clearWithinDays: 4 })
      .expect(200);
    const read = await get(`/v1/counties/${COUNTY}/case-deadlines`, office, set.body.position).expect(200);
    expect(read.body).toMatchObject({ assistWithinDays: 2, clearWithinDays: 4, isDefault: false });
    await t.http
      .put(`/v1/counties/${COUNTY}/case-deadlines`)
      .set(bearer(office))
      .send({ assistWithinDays: 6, clearWithinDays: 5 })
      .expect(400);
    await t.http
      .put(`/v1/counties/${COUNTY}/case-deadlines`)
      .set(bearer(t.tokens.county(OTHER_COUNTY)))
      .send({ assistWithinDays: 1, clearWithinDays: 2 })
      .expect(403);
  });

  it('keeps a cleared case as it was cleared when the county changes its deadlines later; open cases follow them', async () => {
    const cleared = await registerHousehold([memberBody({ name: '赵六' })]);
    const clearedCase = await openCaseOf(cleared.householdId, cleared.position);
    const open = await registerHousehold([memberBody({ name: '钱七' })]);
    const openCase = await openCaseOf(open.householdId, open.position);
    const path = `/v1/zero-employment-cases/${encodeURIComponent(clearedCase.caseId)}`;
    await post(`${path}/verifications`, office, foundEmployed(cleared.workerIds[0])).expect(201);
    let before = await caseOf(clearedCase.caseId);
    for (let i = 0; i < 100 && before.status !== 'cleared'; i++) before = await caseOf(clearedCase.caseId);
    expect(before).toMatchObject({ status: 'cleared', warning: 'green' });
    const openBefore = await caseOf(openCase.caseId);

    const set = await t.http
      .put(`/v1/counties/${COUNTY}/case-deadlines`)
      .set(bearer(office))
      .send({ assistWithinDays: 1, clearWithinDays: 1 })
      .expect(200);
    const after = await caseOf(clearedCase.caseId, set.body.position);
    expect(after).toMatchObject({
      status: 'cleared',
      warning: 'green',
      assistDueAt: before.assistDueAt,
      clearDueAt: before.clearDueAt,
    });
    const openAfter = await caseOf(openCase.caseId, set.body.position);
    expect(openAfter.clearDueAt).toBe(new Date(Date.parse(openCase.openedAt) + 86_400_000).toISOString());
    expect(openAfter.clearDueAt).not.toBe(openBefore.clearDueAt);
    expect(openAfter.warning).toBe('yellow');
  });

  it('counts job-seekers who received the whole "131" package, from a case or outside one', async () => {
    const household = await registerHousehold([memberBody({ name: '陈七' })]);
    const opened = await openCaseOf(household.householdId, household.position);
    const [worker] = household.workerIds;
    const figures = async (minPosition: string) =>
      (await get(`/v1/counties/${COUNTY}/employment`, office, minPosition).expect(200)).body as {
        jobSeekers: number;
        jobSeekersWith131: number;
      };
    const before = await figures(household.position);
    const vacancies = [await workshopVacancy(), await workshopVacancy(), await workshopVacancy()];
    // Guidance and one recommendation as the case's measures, two recommendations and a training offer outside.
    const path = `/v1/zero-employment-cases/${encodeURIComponent(opened.caseId)}/measures`;
    await post(path, office, { kind: 'career_guidance', takenAt: justNow(), workerId: worker }).expect(201);
    await post(path, office, {
      kind: 'job_recommendation',
      takenAt: justNow(),
      workerId: worker,
      vacancyIds: [vacancies[0]],
    }).expect(201);
    const services = `/v1/workers/${worker}/services`;
    await post(services, office, {
      service: 'job_recommendation',
      deliveredAt: justNow(),
      vacancyIds: vacancies.slice(1),
    }).expect(201);
    const bad = await post(services, office, {
      service: 'job_recommendation',
      deliveredAt: justNow(),
      vacancyIds: ['no-such-vacancy'],
    }).expect(400);
    expect(bad.body.error.issues[0].path).toBe('vacancyIds.0');
    const almost = await post(services, office, {
      service: 'career_guidance',
      deliveredAt: justNow(),
    }).expect(201);
    expect((await figures(almost.body.position)).jobSeekersWith131).toBe(before.jobSeekersWith131);
    const whole = await post(services, office, { service: 'training_offer', deliveredAt: justNow() }).expect(
      201,
    );
    const after = await figures(whole.body.position);
    expect(after.jobSeekersWith131).toBe(before.jobSeekersWith131 + 1);
    expect(after.jobSeekers).toBe(before.jobSeekers);
  });

  it('names the head whole to the county’s office, masked to the admin in the list, whole on the case’s page', async () => {
    const { householdId, position } = await registerHousehold([memberBody({ name: '赵春梅' })]);
    const ofOffice = await openCaseOf(householdId, position);
    expect(ofOffice.household?.headName).toBe('赵春梅');

    const admin = t.tokens.admin();
    const list = await get(`/v1/counties/${COUNTY}/zero-employment-cases?limit=200`, admin, position).expect(
      200,
    );
    const ofAdmin = (list.body.items as CaseItem[]).find((c) => c.householdId === householdId);
    expect(ofAdmin?.household?.headName).toBe('赵*梅');
    expect(JSON.stringify(list.body)).not.toContain('赵春梅');

    const page = await get(`/v1/zero-employment-cases/${encodeURIComponent(ofOffice.caseId)}`, admin).expect(
      200,
    );
    expect(page.body.household.headName).toBe('赵春梅');
    expect(page.body.members.map((m: { name: string }) => m.name)).toEqual(['赵春梅']);
  });
});

import { addMonths } from '@lib/domain/shared/business-dates';
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  eventStoreOf,
  householdBody,
  lastCommandPosition,
  memberBody,
} from './helpers/fixtures';
import { casesOf, postStationVacancy, registerHousehold, registerStation } from './helpers/requests';
import { startTestApp, type TestApp } from './helpers/start-test-app';

interface FollowUpItem {
  placementId: string;
  followUp: number;
  dueAt: string;
  workerName: string;
}

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);

/**
 * Job retention (稳岗) through HTTP: a placement owes follow-ups 1, 3 and 6 months after it starts. The server's
 * clock cannot be moved, so placements start in the past (allowed back to the year the worker turned 16).
 */
describe('job-retention follow-ups', () => {
  let t: TestApp;
  let office: string;
  let broker: string;
  let stationId: string;
  const head = () => lastCommandPosition(t.app);

  /** A one-member household placed by the broker `startedDaysAgo` days ago. */
  async function placedWorker(startedDaysAgo: number, name = '张三') {
    const { householdId, workerIds } = await registerHousehold(
      t,
      office,
      householdBody(COUNTY, [memberBody({ name })]),
    );
    const vacancyId = await postStationVacancy(t, stationId);
    const startDate = daysAgo(startedDaysAgo);
    const placed = await t.http
      .post('/v1/placements')
      .set(bearer(broker))
      .send({ workerId: workerIds[0], vacancyId, startDate })
      .expect(201);
    const { placementId, position } = placed.body as { placementId: string; position: string };
    return { householdId, workerId: workerIds[0], placementId, startDate, position };
  }
  const followUp = (placementId: string, body: object, token = broker) =>
    t.http.post(`/v1/placements/${placementId}/follow-ups`).set(bearer(token)).send(body);
  const list = async (due: boolean, minPosition: string, token = office) =>
    (
      await t.http
        .get(`/v1/counties/${COUNTY}/follow-ups?due=${due}&limit=200`)
        .set(bearer(token))
        .set('X-Min-Position', minPosition)
        .expect(200)
    ).body as { items: FollowUpItem[]; total: number; position: string };
  const itemOf = (items: FollowUpItem[], placementId: string) =>
    items.find((i) => i.placementId === placementId);
  const openCasesOf = (householdId: string, minPosition: string) =>
    casesOf(t, office, householdId, { minPosition });
  const visitedAt = () => new Date(Date.now() - 3600_000).toISOString();

  beforeAll(async () => {
    t = await startTestApp();
    office = t.tokens.county(COUNTY);
    broker = t.tokens.broker([COUNTY]);
    stationId = await registerStation(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists a placement past its first month as due; still_employed moves it to the 3-month one', async () => {
    const placed = await placedWorker(40, '王芳');
    const due = await list(true, placed.position);
    expect(itemOf(due.items, placed.placementId)).toEqual({
      placementId: placed.placementId,
      workerId: placed.workerId,
      householdId: placed.householdId,
      dueAt: addMonths(placed.startDate, 1),
      followUp: 1,
      startDate: placed.startDate,
      channel: 'out_of_province',
      workerName: '王芳',
    });
    expect(due.total).toBe(due.items.length);
    // Most overdue first.
    const days = due.items.map((i) => i.dueAt);
    expect([...days].sort()).toEqual(days);

    const res = await followUp(placed.placementId, {
      visitedAt: visitedAt(),
      outcome: 'still_employed',
      note: '在岗',
    }).expect(201);
    expect(res.body).toEqual({ position: await head() });
    const events = await eventStoreOf(t.app).readStream(`household-${placed.householdId}`);
    expect(events.at(-1)).toMatchObject({
      type: 'EmploymentVerified',
      data: {
        employmentId: placed.placementId,
        stillEmployed: true,
        outcome: 'still_employed',
        method: 'visit',
      },
    });
    expect(itemOf((await list(true, res.body.position)).items, placed.placementId)).toBeUndefined();
    expect(itemOf((await list(false, res.body.position)).items, placed.placementId)).toMatchObject({
      followUp: 3,
      dueAt: addMonths(placed.startDate, 3),
    });
  });

  it('names the worker whole to the county’s office and masked to the admin', async () => {
    const placed = await placedWorker(40, '孙丽华');
    expect(itemOf((await list(true, placed.position)).items, placed.placementId)?.workerName).toBe('孙丽华');
    const ofAdmin = await list(true, placed.position, t.tokens.admin());
    expect(itemOf(ofAdmin.items, placed.placementId)?.workerName).toBe('孙*华');
    expect(JSON.stringify(ofAdmin)).not.toContain('孙丽华');
  });

  it('left (a returnee): the placement ends, the household gets a case, the follow-up is gone', async () => {
    const placed = await placedWorker(35);
    expect(await openCasesOf(placed.householdId, placed.position)).toEqual([]);
    const res = await followUp(placed.placementId, {
      visitedAt: visitedAt(),
      outcome: 'left',
      endReason: 'returned_home',
      method: 'phone',
    }).expect(201);
    const events = await eventStoreOf(t.app).readStream(`household-${placed.householdId}`);
    expect(events.slice(-2).map((e) => [e.type, (e.data as { reason?: string }).reason])).toEqual([
      ['EmploymentVerified', undefined],
      ['EmploymentEnded', 'returned_home'],
    ]);
    expect((await openCasesOf(placed.householdId, res.body.position)).map((c) => c.caseId)).toEqual([
      `${placed.householdId}:2`,
    ]);
    expect(itemOf((await list(true, res.body.position)).items, placed.placementId)).toBeUndefined();
    expect(itemOf((await list(false, res.body.position)).items, placed.placementId)).toBeUndefined();
    // The placement has ended: another follow-up is refused, and nothing is appended.
    const before = await head();
    const again = await followUp(placed.placementId, {
      visitedAt: visitedAt(),
      outcome: 'still_employed',
    }).expect(409);
    expect(again.body.error.code).toBe('not_employed');
    expect(await head()).toBe(before);
  });

  it('changed_job: the old job ends and the new one is reported in the same append; the household stays covered', async () => {
    const placed = await placedWorker(50);
    const newEmployment = { channel: 'in_province', employer: '贵阳某电子厂', startDate: daysAgo(3) };
    const res = await followUp(placed.placementId, {
      visitedAt: visitedAt(),
      outcome: 'changed_job',
      newEmployment,
    }).expect(201);
    const events = await eventStoreOf(t.app).readStream(`household-${placed.householdId}`);
    const last3 = events.slice(-3);
    expect(last3.map((e) => e.type)).toEqual(['EmploymentVerified', 'EmploymentEnded', 'EmploymentReported']);
    expect(last3[2].position - last3[0].position).toBe(2n);
    expect(last3[2].data).toMatchObject({ ...newEmployment, source: 'cadre_visit' });
    const newId = (last3[2].data as { employmentId: string }).employmentId;
    expect(newId).toMatch(new RegExp(`^${placed.householdId}:`));
    const household = await t.http
      .get(`/v1/households/${placed.householdId}/employment`)
      .set(bearer(office))
      .set('X-Min-Position', res.body.position)
      .expect(200);
    expect(household.body).toMatchObject({ status: 'covered', channels: ['in_province'] });
    expect(await openCasesOf(placed.householdId, res.body.position)).toEqual([]);
    const cases = await t.http
      .get(`/v1/counties/${COUNTY}/zero-employment-cases?status=cleared&limit=200`)
      .set(bearer(office))
      .expect(200);
    // Only the case of its registration, cleared by the placement: none for the instant between the two jobs.
    expect(
      cases.body.items.filter((c: { householdId: string }) => c.householdId === placed.householdId),
    ).toHaveLength(1);
    expect(itemOf((await list(true, res.body.position)).items, placed.placementId)).toBeUndefined();
    // The new job is a report like any other: it ends at /v1/employment-reports/:id/end.
    await t.http
      .post(`/v1/employment-reports/${newId}/end`)
      .set(bearer(office))
      .send({ reason: 'quit' })
      .expect(200);
  });

  it('refuses implausible visits (400 visitedAt), a changed job without the new one (400), others (403), unknown placements (404), appending nothing', async () => {
    const placed = await placedWorker(10);
    const before = await head();
    const future = new Date(Date.now() + DAY_MS).toISOString();
    const beforeStart = `${daysAgo(11)}T12:00:00.000Z`;
    for (const at of [future, beforeStart]) {
      const res = await followUp(placed.placementId, { visitedAt: at, outcome: 'still_employed' }).expect(
        400,
      );
      expect(res.body.error.issues).toEqual([{ path: 'visitedAt', message: expect.any(String) }]);
    }
    const noJob = await followUp(placed.placementId, {
      visitedAt: visitedAt(),
      outcome: 'changed_job',
    }).expect(400);
    expect(noJob.body.error.issues).toEqual([{ path: 'newEmployment', message: expect.any(String) }]);
    const futureJob = await followUp(placed.placementId, {
      visitedAt: visitedAt(),
      outcome: 'changed_job',
      newEmployment: { channel: 'flexible', startDate: '2099-01-01' },
    }).expect(400);
    expect(futureJob.body.error.issues).toEqual([
      { path: 'newEmployment.startDate', message: expect.any(String) },
    ]);
    const body = { visitedAt: visitedAt(), outcome: 'still_employed' };
    await followUp(placed.placementId, body, t.tokens.county(OTHER_COUNTY)).expect(403);
    await followUp(placed.placementId, body, t.tokens.broker([OTHER_COUNTY])).expect(403);
    await followUp(placed.placementId, body, t.tokens.station('another-station')).expect(403);
    await followUp(`${placed.householdId}:no-such-placement`, body).expect(404);
    await followUp('no-household-part', body).expect(404);
    // A placement is not an employment report.
    await t.http
      .post(`/v1/employment-reports/${placed.placementId}/end`)
      .set(bearer(office))
      .send({ reason: 'quit' })
      .expect(404);
    expect(await head()).toBe(before);
    // The placing station and the county office may record one.
    await followUp(placed.placementId, body, t.tokens.station(stationId)).expect(201);
    await followUp(placed.placementId, body, office).expect(201);
  });

  it('shows the list to the county office of that county and the admin, each read logged', async () => {
    const placed = await placedWorker(45, '李四');
    await list(true, placed.position, t.tokens.admin());
    await t.http
      .get(`/v1/counties/${COUNTY}/follow-ups`)
      .set(bearer(t.tokens.county(OTHER_COUNTY)))
      .expect(403);
    await t.http.get(`/v1/counties/${COUNTY}/follow-ups`).set(bearer(broker)).expect(403);
    await t.http.get('/v1/counties/abc/follow-ups').set(bearer(t.tokens.admin())).expect(404);
    await t.http.get(`/v1/counties/${COUNTY}/follow-ups?due=maybe`).set(bearer(office)).expect(400);
    const log = await t.http
      .get(`/v1/access-log?subject=${placed.workerId}`)
      .set(bearer(t.tokens.admin()))
      .expect(200);
    expect(log.body.items).toContainEqual(
      expect.objectContaining({ resource: 'follow_ups', actorRole: 'admin', scope: COUNTY }),
    );
  });
});

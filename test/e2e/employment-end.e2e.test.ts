import { randomUUID } from 'node:crypto';
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  employmentReportBody,
  eventStoreOf,
  householdBody,
  lastCommandPosition,
  memberBody,
} from './helpers/fixtures';
import { casesOf, registerHousehold } from './helpers/requests';
import { startTestApp, type TestApp } from './helpers/start-test-app';

/** Every employment can end: a report ends like a placement, and the household becomes a case again. */
describe('POST /v1/employment-reports/:employmentId/end', () => {
  let t: TestApp;
  let office: string;
  const head = () => lastCommandPosition(t.app);
  const register = (members = [memberBody()]) => registerHousehold(t, office, householdBody(COUNTY, members));
  const report = async (workerId: string) =>
    (
      await t.http
        .post(`/v1/workers/${workerId}/employment-reports`)
        .set(bearer(office))
        .send(employmentReportBody({ startDate: '2026-01-05' }))
        .expect(201)
    ).body as { employmentId: string; position: string };
  const end = (employmentId: string, body: object = { reason: 'returned_home' }, token = office) =>
    t.http.post(`/v1/employment-reports/${employmentId}/end`).set(bearer(token)).send(body);
  const openAndCleared = async (householdId: string, minPosition: string) => ({
    open: await casesOf(t, office, householdId, { minPosition }),
    cleared: await casesOf(t, office, householdId, { status: 'cleared' }),
  });

  beforeAll(async () => {
    t = await startTestApp();
    office = t.tokens.county(COUNTY);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a returnee’s report ends: the household is zero-employment again and a NEW case opens', async () => {
    const { householdId, workerIds, position } = await register();
    const first = await openAndCleared(householdId, position);
    expect(first.open.map((c) => c.caseId)).toEqual([`${householdId}:1`]);

    const { employmentId, position: reported } = await report(workerIds[0]);
    expect(employmentId).toMatch(new RegExp(`^${householdId}:[0-9a-f-]{36}$`));
    const covered = await openAndCleared(householdId, reported);
    expect(covered.open).toEqual([]);
    expect(covered.cleared.map((c) => c.caseId)).toEqual([`${householdId}:1`]);

    const endedAt = new Date(Date.now() - 3600_000).toISOString();
    const ended = await end(employmentId, { reason: 'returned_home', endedAt }).expect(200);
    expect(ended.body).toEqual({ position: await head() });
    const events = await eventStoreOf(t.app).readStream(`household-${householdId}`);
    expect(events.at(-1)).toMatchObject({
      type: 'EmploymentEnded',
      data: { employmentId, workerId: workerIds[0], reason: 'returned_home', endedAt },
    });
    const household = await t.http
      .get(`/v1/households/${householdId}/employment`)
      .set(bearer(office))
      .set('X-Min-Position', ended.body.position)
      .expect(200);
    expect(household.body).toMatchObject({ status: 'zero_employment', employedMembers: 0 });
    const again = await openAndCleared(householdId, ended.body.position);
    expect(again.open.map((c) => c.caseId)).toEqual([`${householdId}:2`]);
    expect(again.cleared.map((c) => c.caseId)).toEqual([`${householdId}:1`]);
  });

  it('the same end again appends nothing; another end of the ended job is 409 not_employed', async () => {
    const { workerIds } = await register();
    const { employmentId } = await report(workerIds[0]);
    await end(employmentId, { reason: 'quit' }).expect(200);
    const before = await head();
    expect((await end(employmentId, { reason: 'quit' }).expect(200)).body).toEqual({ position: before });
    const other = await end(employmentId, { reason: 'returned_home' }).expect(409);
    expect(other.body.error.code).toBe('not_employed');
    expect(await head()).toBe(before);
  });

  it('refuses a time in the future or before the job started (400 endedAt), another county (403), unknown ids (404), appending nothing', async () => {
    const { householdId, workerIds } = await register();
    const { employmentId } = await report(workerIds[0]);
    const before = await head();
    // The job started on 5 January (a day in Guizhou: from 16:00 UTC on the 4th).
    for (const endedAt of ['2099-12-31T00:00:00Z', '2026-01-04T15:59:59Z']) {
      const res = await end(employmentId, { reason: 'quit', endedAt }).expect(400);
      expect(res.body.error.issues).toEqual([{ path: 'endedAt', message: expect.any(String) }]);
    }
    await end(employmentId, { reason: 'quit' }, t.tokens.county(OTHER_COUNTY)).expect(403);
    await end(employmentId, { reason: 'quit' }, t.tokens.broker([COUNTY])).expect(403);
    for (const id of [randomUUID(), `${householdId}:${randomUUID()}`, `${randomUUID()}:x`]) {
      await end(id).expect(404);
    }
    await end(employmentId, { reason: 'fired' }).expect(400);
    expect(await head()).toBe(before);
  });

  it('ends an employment reported before ids named their household, addressed as <householdId>:<its id>', async () => {
    const { householdId, workerIds } = await register();
    const legacyId = randomUUID();
    const stream = `household-${householdId}`;
    const store = eventStoreOf(t.app);
    const revision = (await store.readStream(stream)).length - 1;
    await store.append(
      stream,
      [
        {
          id: randomUUID(),
          type: 'EmploymentReported',
          version: 1,
          occurredAt: new Date().toISOString(),
          data: {
            employmentId: legacyId,
            workerId: workerIds[0],
            householdId,
            channel: 'flexible',
            source: 'declaration',
            startDate: '2099-01-01',
            reportedAt: new Date().toISOString(),
          },
          metadata: { actor: { id: 'before', role: 'county_office' }, correlationId: 'c', causationId: 'c' },
        },
      ],
      revision,
    );
    await end(legacyId).expect(404);
    // Its start date was never checked (2099): without endedAt it ends now.
    await end(`${householdId}:${legacyId}`, { reason: 'returned_home' }).expect(200);
    expect((await store.readStream(stream)).at(-1)).toMatchObject({
      type: 'EmploymentEnded',
      data: { employmentId: legacyId, reason: 'returned_home' },
    });
  });
});

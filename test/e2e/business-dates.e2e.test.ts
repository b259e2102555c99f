import {
  COUNTY,
  bearer,
  employmentReportBody,
  householdBody,
  lastCommandPosition,
  memberBody,
  vacancyBody,
} from './helpers/fixtures';
import { postStationVacancy, registerHousehold, registerStation } from './helpers/requests';
import { startTestApp, type TestApp } from './helpers/start-test-app';

/**
 * Business dates are checked against the server's clock by the deciders: an implausible one is a 400 naming the
 * request's field, and nothing is appended (a future start is never counted as employment now).
 */
describe('business dates through HTTP', () => {
  let t: TestApp;
  let office: string;
  let stationId: string;
  const head = () => lastCommandPosition(t.app);
  const issuesOf = (res: { body: { error: { code: string; issues?: unknown } } }) => {
    expect(res.body.error.code).toBe('invalid_value');
    return res.body.error.issues;
  };

  beforeAll(async () => {
    t = await startTestApp();
    office = t.tokens.county(COUNTY);
    stationId = await registerStation(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses employment reports dated 2099-12-31 and 1900-01-01: 400 startDate, nothing appended', async () => {
    const { householdId, workerIds } = await registerHousehold(t, office);
    const before = await head();
    for (const startDate of ['2099-12-31', '1900-01-01']) {
      const res = await t.http
        .post(`/v1/workers/${workerIds[0]}/employment-reports`)
        .set(bearer(office))
        .send(employmentReportBody({ startDate }))
        .expect(400);
      expect(issuesOf(res)).toEqual([{ path: 'startDate', message: expect.any(String) }]);
    }
    expect(await head()).toBe(before);
    const household = await t.http
      .get(`/v1/households/${householdId}/employment`)
      .set(bearer(office))
      .set('X-Min-Position', before)
      .expect(200);
    expect(household.body).toMatchObject({ status: 'zero_employment', employedMembers: 0 });
  });

  it('refuses a registration whose member’s current employment starts in 2099: 400 naming it, nothing appended', async () => {
    const before = await head();
    const members = [
      memberBody(),
      memberBody({
        currentEmployment: { channel: 'workshop', source: 'declaration', startDate: '2099-01-01' },
      }),
    ];
    const res = await t.http
      .post('/v1/households')
      .set(bearer(office))
      .send(householdBody(COUNTY, members))
      .expect(400);
    expect(issuesOf(res)).toEqual([
      { path: 'members.1.currentEmployment.startDate', message: expect.any(String) },
    ]);
    // Decided before any claim on its members is taken (ADR 0004): not even a claim is appended.
    expect(await head()).toBe(before);
  });

  it('refuses a placement starting tomorrow, and one before the worker turned 16: 400 startDate', async () => {
    const { workerIds } = await registerHousehold(
      t,
      office,
      householdBody(COUNTY, [memberBody({ birthYear: 1990 })]),
    );
    const vacancyId = await postStationVacancy(t, stationId);
    const before = await head();
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    for (const startDate of [tomorrow, '2005-12-31']) {
      const res = await t.http
        .post('/v1/placements')
        .set(bearer(t.tokens.broker([COUNTY])))
        .send({ workerId: workerIds[0], vacancyId, startDate })
        .expect(400);
      expect(issuesOf(res)).toEqual([{ path: 'startDate', message: expect.any(String) }]);
    }
    expect(await head()).toBe(before);
  });

  it('refuses a vacancy expiring 9999-12-31, posted or extended: 400 expiresAt', async () => {
    const station = bearer(t.tokens.station(stationId));
    const source = { type: 'labour_station', id: stationId } as const;
    const before = await head();
    const posted = await t.http
      .post('/v1/vacancies')
      .set(station)
      .send(vacancyBody(source, { expiresAt: '9999-12-31T00:00:00Z' }))
      .expect(400);
    expect(issuesOf(posted)).toEqual([{ path: 'expiresAt', message: expect.any(String) }]);
    expect(await head()).toBe(before);
    const { vacancyId } = (
      await t.http.post('/v1/vacancies').set(station).send(vacancyBody(source)).expect(201)
    ).body;
    const extended = await t.http
      .patch(`/v1/vacancies/${vacancyId}`)
      .set(station)
      .send({ expiresAt: '9999-12-31T00:00:00Z' })
      .expect(400);
    expect(issuesOf(extended)).toEqual([{ path: 'expiresAt', message: expect.any(String) }]);
  });
});

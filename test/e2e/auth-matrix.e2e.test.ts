/**
 * Every command endpoint × every role (each acting inside its own scope): the status the roles and scopes
 * of libs/auth allow (2xx) or 403; and 401 without a token. Each request gets fresh resources, so one success never changes
 * the next case's outcome.
 */
import {
  COUNTY,
  bearer,
  employmentReportBody,
  householdBody,
  labourStationBody,
  memberBody,
  trainingBody,
  vacancyBody,
  workshopBody,
} from './helpers/fixtures';
import { startTestApp, type TestApp } from './helpers/start-test-app';

type Role = 'admin' | 'station' | 'workshop' | 'county_office' | 'broker';
const ROLES: readonly Role[] = ['admin', 'station', 'workshop', 'county_office', 'broker'];

interface Prepared {
  readonly path: string;
  readonly body: object;
}

interface Case {
  readonly endpoint: string;
  readonly method: 'post' | 'patch';
  /** The roles that may call it, with the success status; every other role gets 403. */
  readonly allowed: Partial<Record<Role, 200 | 201>>;
  prepare(role: Role): Promise<Prepared>;
}

describe('auth matrix of the command endpoints', () => {
  let t: TestApp;
  let stationId: string;
  let workshopId: string;
  const token = (role: Role): string =>
    ({
      admin: () => t.tokens.admin(),
      station: () => t.tokens.station(stationId),
      workshop: () => t.tokens.workshop(workshopId),
      county_office: () => t.tokens.county(COUNTY),
      broker: () => t.tokens.broker([COUNTY]),
    })[role]();

  /** The source each role posts for (the admin and a broker use the station). */
  const sourceOf = (role: Role) =>
    role === 'workshop'
      ? { type: 'workshop' as const, id: workshopId }
      : role === 'county_office'
        ? { type: 'public_welfare' as const, id: COUNTY }
        : { type: 'labour_station' as const, id: stationId };
  const posterOf = (role: Role): Role => (role === 'admin' || role === 'broker' ? 'station' : role);

  const admin = () => bearer(t.tokens.admin());
  const newVacancy = async (role: Role) =>
    (
      await t.http
        .post('/v1/vacancies')
        .set(bearer(token(posterOf(role))))
        .send(vacancyBody(sourceOf(role)))
        .expect(201)
    ).body.vacancyId as string;
  const newHousehold = async () =>
    (await t.http.post('/v1/households').set(admin()).send(householdBody()).expect(201)).body as {
      householdId: string;
      workerIds: string[];
    };
  const newPlacement = async (poster: Role = 'station') => {
    const { workerIds } = await newHousehold();
    const vacancyId = await newVacancy(poster);
    return (
      await t.http.post('/v1/placements').set(admin()).send({ workerId: workerIds[0], vacancyId }).expect(201)
    ).body.placementId as string;
  };

  const newReport = async () => {
    const { workerIds } = await newHousehold();
    return (
      await t.http
        .post(`/v1/workers/${workerIds[0]}/employment-reports`)
        .set(admin())
        .send(employmentReportBody())
        .expect(201)
    ).body.employmentId as string;
  };

  const CASES: readonly Case[] = [
    {
      endpoint: 'POST /v1/labour-stations',
      method: 'post',
      allowed: { admin: 201 },
      prepare: async () => ({ path: '/v1/labour-stations', body: labourStationBody() }),
    },
    {
      endpoint: 'POST /v1/workshops',
      method: 'post',
      allowed: { admin: 201, county_office: 201 },
      prepare: async () => ({ path: '/v1/workshops', body: workshopBody() }),
    },
    {
      endpoint: 'POST /v1/vacancies',
      method: 'post',
      allowed: { admin: 201, station: 201, workshop: 201, county_office: 201 },
      prepare: async (role) => ({ path: '/v1/vacancies', body: vacancyBody(sourceOf(role)) }),
    },
    {
      endpoint: 'PATCH /v1/vacancies/:id',
      method: 'patch',
      allowed: { admin: 200, station: 200, workshop: 200, county_office: 200 },
      prepare: async (role) => ({ path: `/v1/vacancies/${await newVacancy(role)}`, body: { openings: 7 } }),
    },
    {
      endpoint: 'POST /v1/vacancies/:id/withdraw',
      method: 'post',
      allowed: { admin: 200, station: 200, workshop: 200, county_office: 200 },
      prepare: async (role) => ({ path: `/v1/vacancies/${await newVacancy(role)}/withdraw`, body: {} }),
    },
    {
      endpoint: 'POST /v1/households',
      method: 'post',
      allowed: { admin: 201, county_office: 201 },
      prepare: async () => ({ path: '/v1/households', body: householdBody() }),
    },
    {
      endpoint: 'POST /v1/households/:id/workers',
      method: 'post',
      allowed: { admin: 201, county_office: 201 },
      prepare: async () => ({
        path: `/v1/households/${(await newHousehold()).householdId}/workers`,
        body: memberBody(),
      }),
    },
    {
      endpoint: 'PATCH /v1/workers/:id',
      method: 'patch',
      allowed: { admin: 200, county_office: 200 },
      prepare: async () => ({
        path: `/v1/workers/${(await newHousehold()).workerIds[0]}`,
        body: { preference: 'local' },
      }),
    },
    {
      endpoint: 'POST /v1/workers/:id/trainings',
      method: 'post',
      allowed: { admin: 201, county_office: 201 },
      prepare: async () => ({
        path: `/v1/workers/${(await newHousehold()).workerIds[0]}/trainings`,
        body: trainingBody(),
      }),
    },
    {
      endpoint: 'POST /v1/workers/:id/employment-reports',
      method: 'post',
      allowed: { admin: 201, county_office: 201 },
      prepare: async () => ({
        path: `/v1/workers/${(await newHousehold()).workerIds[0]}/employment-reports`,
        body: employmentReportBody(),
      }),
    },
    {
      endpoint: 'POST /v1/employment-reports/:employmentId/end',
      method: 'post',
      allowed: { admin: 200, county_office: 200 },
      prepare: async () => ({
        path: `/v1/employment-reports/${await newReport()}/end`,
        body: { reason: 'quit' },
      }),
    },
    {
      endpoint: 'POST /v1/placements',
      method: 'post',
      allowed: { admin: 201, broker: 201 },
      prepare: async () => ({
        path: '/v1/placements',
        body: { workerId: (await newHousehold()).workerIds[0], vacancyId: await newVacancy('station') },
      }),
    },
    {
      endpoint: 'POST /v1/placements/:id/end',
      method: 'post',
      allowed: { admin: 200, broker: 200, station: 200, county_office: 200 },
      prepare: async () => ({ path: `/v1/placements/${await newPlacement()}/end`, body: { reason: 'quit' } }),
    },
    {
      endpoint: 'POST /v1/placements/:id/follow-ups',
      method: 'post',
      allowed: { admin: 201, broker: 201, station: 201, county_office: 201 },
      prepare: async () => ({
        path: `/v1/placements/${await newPlacement()}/follow-ups`,
        body: { visitedAt: new Date().toISOString(), outcome: 'still_employed' },
      }),
    },
    {
      endpoint: 'POST /v1/placements/:id/renew-term',
      method: 'post',
      allowed: { admin: 200, county_office: 200 },
      prepare: async () => ({
        path: `/v1/placements/${await newPlacement('county_office')}/renew-term`,
        body: { termMonths: 12 },
      }),
    },
  ];

  beforeAll(async () => {
    t = await startTestApp();
    stationId = (await t.http.post('/v1/labour-stations').set(admin()).send(labourStationBody()).expect(201))
      .body.stationId;
    workshopId = (await t.http.post('/v1/workshops').set(admin()).send(workshopBody()).expect(201)).body
      .workshopId;
  });
  afterAll(async () => {
    await t.close();
  });

  const table = CASES.flatMap((c) =>
    ROLES.map((role) => [c.endpoint, role, c.allowed[role] ?? 403, c] as const),
  );

  it.each(table)('%s as %s → %i', async (_endpoint, role, expected, c) => {
    const { path, body } = await c.prepare(role);
    const res = await t.http[c.method](path)
      .set(bearer(token(role)))
      .send(body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: expected });
    if (expected === 403) expect(res.body.error.code).toBe('forbidden');
    else expect(res.body.position).toMatch(/^\d+$/);
  });

  it.each(CASES.map((c) => [c.endpoint, c] as const))('%s without a token → 401', async (_endpoint, c) => {
    const { path, body } = await c.prepare('admin');
    const res = await t.http[c.method](path).send(body).expect(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });
});

import { COUNTY, bearer, householdBody, memberBody } from './helpers/fixtures';
import { postStationVacancy, registerHousehold, registerStation } from './helpers/requests';
import { startTestApp, type TestApp } from './helpers/start-test-app';

/**
 * A station sees the people placed in its vacancies now (ADR 0011, personal-data.ts): the name while the
 * placement is active, 403 and absent from its search once it ended.
 */
describe('people: a station sees only the people placed with it now', () => {
  let t: TestApp;
  let household: { householdId: string; workerIds: string[]; position: string };
  let stationId: string;
  let station: string;

  const get = (path: string, position: string) =>
    t.http.get(path).set(bearer(station)).set('X-Min-Position', position);
  const names = (items: { name: string | null }[]) => items.map((i) => i.name);

  beforeAll(async () => {
    t = await startTestApp();
    household = await registerHousehold(
      t,
      t.tokens.county(COUNTY),
      householdBody(COUNTY, [memberBody({ name: '杨光荣', relationToHead: 'head' })]),
    );
    stationId = await registerStation(t);
    station = t.tokens.station(stationId);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the name while placed; once the placement ended, 403 and nothing in its search', async () => {
    const [workerId] = household.workerIds;
    const placed = await t.http
      .post('/v1/placements')
      .set(bearer(t.tokens.broker([COUNTY])))
      .send({ workerId, vacancyId: await postStationVacancy(t, stationId) })
      .expect(201);
    const placedAt = placed.body.position as string;
    const record = await get(`/v1/workers/${workerId}`, placedAt).expect(200);
    expect(record.body.name).toBe('杨光荣');
    await get(`/v1/households/${household.householdId}`, placedAt).expect(200);
    expect(names((await get('/v1/workers?q=杨光荣', placedAt).expect(200)).body.items)).toEqual(['杨光荣']);

    const ended = await t.http
      .post(`/v1/placements/${placed.body.placementId as string}/end`)
      .set(bearer(station))
      .send({ reason: 'contract_end' })
      .expect(200);
    const endedAt = ended.body.position as string;
    await get(`/v1/workers/${workerId}`, endedAt).expect(403);
    await get(`/v1/households/${household.householdId}`, endedAt).expect(403);
    for (const path of ['/v1/workers?q=杨光荣', '/v1/workers', '/v1/households?q=ygr', '/v1/households']) {
      const res = await get(path, endedAt).expect(200);
      expect(res.body.total).toBe(0);
    }
  });

  it('sees the person again when placed with it again', async () => {
    const [workerId] = household.workerIds;
    const placed = await t.http
      .post('/v1/placements')
      .set(bearer(t.tokens.broker([COUNTY])))
      .send({ workerId, vacancyId: await postStationVacancy(t, stationId) })
      .expect(201);
    const record = await get(`/v1/workers/${workerId}`, placed.body.position as string).expect(200);
    expect(record.body.name).toBe('杨光荣');
  });
});

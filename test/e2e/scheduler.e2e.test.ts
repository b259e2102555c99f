/**
 * The scheduler through HTTP: the platform runs with a clock the test moves (the scheduler's and the vacancy
 * list's "now"; commands keep the real time of their request). A vacancy whose expiresAt passes is listed as
 * expired, and not under status=open, before the scheduler ran and after; a public-welfare placement is renewed
 * over HTTP and ends at its (renewed) term end, opening a new zero-employment case for a household with no
 * other employment.
 */
import { householdStream, vacancyStream } from '@contracts';
import { MovableClock } from '@lib/application/scheduler/testing/movable-clock';
import { SchedulerRuntime } from '../../apps/platform/src/scheduler/scheduler-runtime';
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  eventStoreOf,
  householdBody,
  labourStationBody,
  memberBody,
  vacancyBody,
} from './helpers/fixtures';
import { startTestApp, type TestApp } from './helpers/start-test-app';

const DAY_MS = 24 * 3600 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

describe('scheduler (e2e)', () => {
  let t: TestApp;
  let clock: MovableClock;
  const get = (path: string, token: string, minPosition?: string) => {
    const req = t.http.get(path).set(bearer(token));
    return minPosition === undefined ? req : req.set('X-Min-Position', minPosition);
  };
  const runScheduler = () => t.app.get(SchedulerRuntime).runNow();
  const streamTypes = async (streamId: string) =>
    (await eventStoreOf(t.app).readStream(streamId)).map((e) => e.type);

  beforeAll(async () => {
    clock = new MovableClock(new Date().toISOString());
    t = await startTestApp({ clock });
    // The run at start (after the projections caught up) finds nothing due.
    expect(await runScheduler()).toEqual([expect.objectContaining({ found: 0, appended: [] })]);
  });
  afterAll(() => t.close());

  it('lists a vacancy whose expiresAt passed as expired, not open, before and after the scheduler ran', async () => {
    const admin = t.tokens.admin();
    const { stationId } = (
      await t.http.post('/v1/labour-stations').set(bearer(admin)).send(labourStationBody()).expect(201)
    ).body;
    const station = bearer(t.tokens.station(stationId));
    const post = async (expiresAt: string) =>
      (
        await t.http
          .post('/v1/vacancies')
          .set(station)
          .send(vacancyBody({ type: 'labour_station', id: stationId }, { expiresAt }))
          .expect(201)
      ).body as { vacancyId: string; position: string };
    const soon = [await post(inDays(1)), await post(inDays(1)), await post(inDays(1))];
    const later = [await post(inDays(300)), await post(inDays(300)), await post(inDays(300))];
    const position = later[2].position;
    const ids = (items: { vacancyId: string }[]) => items.map((v) => v.vacancyId).sort();
    /** Every page of a list (pages of 2), and its total. */
    const list = async (query: string, minPosition = position) => {
      const items: { vacancyId: string; status: string }[] = [];
      let cursor: string | null = null;
      let total = -1;
      do {
        const page: string = `/v1/vacancies?source=labour_station${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const res: { body: { items: typeof items; total: number; nextCursor: string | null } } = await get(
          page,
          admin,
          minPosition,
        ).expect(200);
        items.push(...res.body.items);
        total = res.body.total;
        cursor = res.body.nextCursor;
      } while (cursor !== null);
      return { items, total };
    };

    expect(ids((await list('&status=open')).items)).toEqual(ids([...soon, ...later]));
    clock.set(inDays(2));
    // Before the scheduler: the three past their expiry are expired, in every list.
    const open = await list('&status=open');
    expect({ ids: ids(open.items), total: open.total }).toEqual({ ids: ids(later), total: 3 });
    const expired = await list('&status=expired');
    expect({ ids: ids(expired.items), total: expired.total }).toEqual({ ids: ids(soon), total: 3 });
    const all = await list('');
    expect(
      all.items
        .filter((v) => v.status === 'expired')
        .map((v) => v.vacancyId)
        .sort(),
    ).toEqual(ids(soon));
    for (const { vacancyId } of soon)
      expect(await streamTypes(vacancyStream(vacancyId))).toEqual(['VacancyPosted']);

    const runs = await runScheduler();
    const appended = runs.flatMap((r) => r.appended);
    expect(appended.map((a) => a.key).sort()).toEqual(ids(soon));
    const after = appended[appended.length - 1].position.toString();
    for (const { vacancyId } of soon) {
      expect(await streamTypes(vacancyStream(vacancyId))).toEqual(['VacancyPosted', 'VacancyExpired']);
    }
    // After: the same lists, now from the stored status.
    const openAfter = await list('&status=open', after);
    expect({ ids: ids(openAfter.items), total: openAfter.total }).toEqual({ ids: ids(later), total: 3 });
    const expiredAfter = await list('&status=expired', after);
    expect({ ids: ids(expiredAfter.items), total: expiredAfter.total }).toEqual({ ids: ids(soon), total: 3 });
    // Nothing more to do: a second run appends nothing.
    expect((await runScheduler()).flatMap((r) => r.appended)).toEqual([]);

    // An expired vacancy refuses a placement.
    const { workerIds } = (
      await t.http
        .post('/v1/households')
        .set(bearer(t.tokens.county(COUNTY)))
        .send(householdBody())
        .expect(201)
    ).body;
    const refused = await t.http
      .post('/v1/placements')
      .set(bearer(t.tokens.broker([COUNTY])))
      .send({ workerId: workerIds[0], vacancyId: soon[0].vacancyId })
      .expect(409);
    expect(refused.body.error.code).toBe('vacancy_closed');
  });

  it('renews a welfare term over HTTP; the placement ends at the renewed end and the household has a new case', async () => {
    const office = t.tokens.county(COUNTY);
    const broker = t.tokens.broker([COUNTY]);
    const welfare = vacancyBody({ type: 'public_welfare', id: COUNTY }, { expiresAt: inDays(600) });
    const vacancy = await t.http.post('/v1/vacancies').set(bearer(office)).send(welfare).expect(201);
    const { householdId, workerIds } = (
      await t.http
        .post('/v1/households')
        .set(bearer(office))
        .send(householdBody(COUNTY, [memberBody()]))
        .expect(201)
    ).body;
    const startDate = new Date().toISOString().slice(0, 10);
    const placed = await t.http
      .post('/v1/placements')
      .set(bearer(broker))
      .send({ workerId: workerIds[0], vacancyId: vacancy.body.vacancyId, startDate })
      .expect(201);
    const placementId = placed.body.placementId as string;
    const [placedEvent] = (await eventStoreOf(t.app).readStream(householdStream(householdId))).filter(
      (e) => e.type === 'WorkerPlaced',
    );
    const termEndsOn = placedEvent.data.welfareTermEndsOn as string;
    expect(termEndsOn > startDate).toBe(true);

    // Only the county office renews; a bad term is a 400 naming its field; a renewal extends from the end.
    const path = `/v1/placements/${placementId}/renew-term`;
    await t.http.post(path).set(bearer(broker)).send({ termMonths: 6 }).expect(403);
    await t.http
      .post(path)
      .set(bearer(t.tokens.county(OTHER_COUNTY)))
      .send({ termMonths: 6 })
      .expect(403);
    const bad = await t.http.post(path).set(bearer(office)).send({ termMonths: 0 }).expect(400);
    expect(bad.body.error.issues[0].path).toBe('termMonths');
    const renewed = await t.http.post(path).set(bearer(office)).send({ termMonths: 6 }).expect(200);
    const newEnd = renewed.body.termEndsOn as string;
    expect(Date.parse(newEnd) - Date.parse(termEndsOn)).toBeGreaterThan(180 * DAY_MS);
    await t.http
      .post('/v1/placements/nobody:none/renew-term')
      .set(bearer(office))
      .send({ termMonths: 6 })
      .expect(404);

    // At the old end nothing happens; at the new end the placement ends.
    clock.set(`${termEndsOn}T12:00:00Z`);
    const atOldEnd = (await runScheduler()).flatMap((r) => r.appended).filter((a) => a.key === placementId);
    expect(atOldEnd).toEqual([]);
    // The end day begins at 00:00 in Guizhou.
    const newEndBegins = new Date(Date.parse(`${newEnd}T00:00:00+08:00`)).toISOString();
    clock.set(newEndBegins);
    const atNewEnd = (await runScheduler()).flatMap((r) => r.appended).filter((a) => a.key === placementId);
    expect(atNewEnd).toEqual([expect.objectContaining({ eventType: 'EmploymentEnded' })]);
    const ended = (await eventStoreOf(t.app).readStream(householdStream(householdId))).filter(
      (e) => e.type === 'EmploymentEnded',
    );
    expect(ended.map((e) => e.data)).toEqual([
      expect.objectContaining({
        employmentId: placementId,
        reason: 'welfare_term_end',
        endedAt: newEndBegins,
      }),
    ]);
    const household = await get(
      `/v1/households/${householdId}/employment`,
      office,
      atNewEnd[0].position.toString(),
    ).expect(200);
    expect(household.body).toMatchObject({
      status: 'zero_employment',
      employedMembers: 0,
      openCase: { openedAt: newEndBegins },
    });
    // The placement is no longer active: a renewal now is a conflict.
    const late = await t.http.post(path).set(bearer(office)).send({ termMonths: 6 }).expect(409);
    expect(late.body.error.code).toBe('not_employed');
  });

  it('refuses to renew a placement that is not a public-welfare post', async () => {
    const office = t.tokens.county(COUNTY);
    const { stationId } = (
      await t.http
        .post('/v1/labour-stations')
        .set(bearer(t.tokens.admin()))
        .send(labourStationBody())
        .expect(201)
    ).body;
    const vacancy = await t.http
      .post('/v1/vacancies')
      .set(bearer(t.tokens.station(stationId)))
      .send(vacancyBody({ type: 'labour_station', id: stationId }, { expiresAt: inDays(30) }))
      .expect(201);
    const { workerIds } = (
      await t.http.post('/v1/households').set(bearer(office)).send(householdBody()).expect(201)
    ).body;
    const placed = await t.http
      .post('/v1/placements')
      .set(bearer(t.tokens.broker([COUNTY])))
      .send({ workerId: workerIds[0], vacancyId: vacancy.body.vacancyId })
      .expect(201);
    const res = await t.http
      .post(`/v1/placements/${placed.body.placementId}/renew-term`)
      .set(bearer(office))
      .send({ termMonths: 12 })
      .expect(409);
    expect(res.body.error.code).toBe('forbidden_transition');
  });
});

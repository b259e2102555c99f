/**
 * Figures as of a date (ADR 0015) through HTTP, with a clock the test moves: a household recorded yesterday
 * (appended to the store with that recorded time, after today's, so only its time says where it belongs) and
 * one registered today through the API. Yesterday's figures have the first only, today's both, and today's
 * equal the live read model; a day after today is refused; the scope rules are those of the live figures.
 */
import { householdStream } from '@contracts';
import { addDays, dayOf, endOfDay, startOfDay } from '@lib/domain/shared/business-dates';
import { COUNTY, OTHER_COUNTY, bearer, eventStoreOf, householdBody, memberBody } from './helpers/fixtures';
import { appendHouseholdRecordedAt } from './helpers/recorded-at';
import { startTestApp, type TestApp } from './helpers/start-test-app';

const ANSHUN = '520400'; // COUNTY 520402 is one of its counties; OTHER_COUNTY 520524 is in Bijie 520500.
const BIJIE = '520500';
const HOUR = 3_600_000;

/** The test's clock: the app reads it for "today"; `at` moves it. */
const clock = { time: Date.now(), now: () => new Date(clock.time).toISOString() };

describe('figures as of a date through HTTP', () => {
  let t: TestApp;
  let admin: string;
  let office: string;
  let today: string;
  let yesterday: string;
  let todaysAt: number;
  let laterToday: number;
  let position: string;

  const get = (path: string, token: string, minPosition?: string) => {
    const req = t.http.get(path).set(bearer(token));
    return minPosition ? req.set('X-Min-Position', minPosition) : req;
  };
  const figures = (body: Record<string, unknown>) => {
    const { position: _position, asOf: _asOf, ...rest } = body;
    return rest;
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = t.tokens.admin();
    office = t.tokens.county(COUNTY);
    // Today's household, through the API: its recorded time decides which day "today" is for this test.
    const registered = await t.http
      .post('/v1/households')
      .set(bearer(office))
      .send(householdBody(COUNTY, [memberBody(), memberBody({ labourCapacity: 'none' })]))
      .expect(201);
    const [first] = await eventStoreOf(t.app).readStream(householdStream(registered.body.householdId));
    todaysAt = Date.parse(first.occurredAt);
    // "Later today": a minute after the registration, but never past today's midnight in Guizhou (a run at
    // 23:59:30 there would otherwise ask its "tomorrow" on the day it has become).
    laterToday = Math.min(todaysAt + 60_000, endOfDay(dayOf(first.occurredAt)) - 1);
    today = dayOf(first.occurredAt);
    yesterday = addDays(today, -1);
    // Yesterday's, appended after it: noon in Guizhou yesterday.
    position = await appendHouseholdRecordedAt(t, new Date(startOfDay(yesterday) + 12 * HOUR).toISOString());
  });
  afterAll(() => t.close());

  it('answers yesterday evening with yesterday so far, and refuses today as the future', async () => {
    clock.time = endOfDay(yesterday) - 60_000;
    const soFar = await get(`/v1/counties/${COUNTY}/employment?asOf=${yesterday}`, office).expect(200);
    expect(soFar.body).toMatchObject({
      countyCode: COUNTY,
      asOf: yesterday,
      households: 1,
      zeroEmploymentHouseholds: 1,
      labourCapableWorkers: 1,
    });
    const future = await get(`/v1/counties/${COUNTY}/employment?asOf=${today}`, office).expect(400);
    expect(future.body.error).toMatchObject({ code: 'invalid_value', issues: [{ path: 'asOf' }] });
  });

  it('the next day: yesterday unchanged, today with today’s registration and equal to the live figures', async () => {
    clock.time = laterToday;
    const past = await get(`/v1/counties/${COUNTY}/employment?asOf=${yesterday}`, office).expect(200);
    expect(past.body).toMatchObject({ asOf: yesterday, households: 1, labourCapableWorkers: 1 });
    const now = await get(`/v1/counties/${COUNTY}/employment?asOf=${today}`, office).expect(200);
    expect(now.body).toMatchObject({ asOf: today, households: 2, labourCapableWorkers: 2 });
    expect(BigInt(now.body.position)).toBeGreaterThanOrEqual(BigInt(position));
    const live = await get(`/v1/counties/${COUNTY}/employment`, office, position).expect(200);
    expect(live.body.asOf).toBeUndefined();
    expect(figures(now.body)).toEqual(figures(live.body));
    for (const path of [`/v1/prefectures/${ANSHUN}/employment`, '/v1/province/employment']) {
      const [asOf, current] = await Promise.all([
        get(`${path}?asOf=${today}`, admin).expect(200),
        get(path, admin, position).expect(200),
      ]);
      expect(figures(asOf.body)).toEqual(figures(current.body));
    }
    const before = await get(`/v1/province/employment?asOf=${addDays(yesterday, -1)}`, admin).expect(200);
    expect(before.body).toMatchObject({ households: 0, employmentRate: 0, provinceCode: '520000' });
    await get(`/v1/province/employment?asOf=${addDays(today, 1)}`, admin).expect(400);
  });

  it('a day later still: both past days answer as before', async () => {
    clock.time = endOfDay(today) + 12 * HOUR;
    const [y, d] = await Promise.all([
      get(`/v1/prefectures/${ANSHUN}/employment?asOf=${yesterday}`, admin).expect(200),
      get(`/v1/prefectures/${ANSHUN}/employment?asOf=${today}`, admin).expect(200),
    ]);
    expect([y.body.households, d.body.households]).toEqual([1, 2]);
  });

  it('keeps the scope rules of the live figures', async () => {
    clock.time = laterToday;
    const q = `?asOf=${today}`;
    await get(`/v1/counties/${OTHER_COUNTY}/employment${q}`, office).expect(403);
    await get(`/v1/prefectures/${ANSHUN}/employment${q}`, office).expect(403);
    await get(`/v1/province/employment${q}`, office).expect(403);
    const prefecture = t.tokens.prefecture(ANSHUN);
    const own = await get(`/v1/prefectures/${ANSHUN}/employment${q}`, prefecture).expect(200);
    expect(own.body).toMatchObject({ prefectureCode: ANSHUN, households: 2 });
    await get(`/v1/counties/${COUNTY}/employment${q}`, prefecture).expect(200);
    await get(`/v1/prefectures/${BIJIE}/employment${q}`, prefecture).expect(403);
    await get(`/v1/counties/${OTHER_COUNTY}/employment${q}`, prefecture).expect(403);
    await get(`/v1/province/employment${q}`, prefecture).expect(403);
    await get(`/v1/counties/${COUNTY}/employment${q}`, t.tokens.broker([COUNTY])).expect(200);
    await get(`/v1/counties/${COUNTY}/employment${q}`, t.tokens.broker([OTHER_COUNTY])).expect(403);
    await t.http.get(`/v1/counties/${COUNTY}/employment${q}`).expect(401);
  });

  it('refuses what is not a date, naming asOf', async () => {
    for (const bad of ['2026-02-30', 'yesterday', '2026-1-5', '']) {
      const res = await get(`/v1/counties/${COUNTY}/employment?asOf=${bad}`, office).expect(400);
      expect(res.body.error.issues).toEqual([expect.objectContaining({ path: 'asOf' })]);
    }
    await get(`/v1/province/employment?as_of=${today}`, admin).expect(400);
  });
});

/**
 * The public-welfare posts' monthly subsidy through HTTP (在岗领补): the county office reads last month's
 * draft (who held a post, how many days), confirms it once, corrects a holder by a new record, pays once for
 * exactly the list's total; every refusal changes nothing; other counties and roles are refused.
 */
import { welfarePayrollStream } from '@contracts';
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  eventStoreOf,
  householdBody,
  memberBody,
  vacancyBody,
} from './helpers/fixtures';
import { binary, firstSheet } from './helpers/sheets';
import { startTestApp, type TestApp } from './helpers/start-test-app';

/** Last month in Guizhou (UTC+8), YYYY-MM, and its number of days. */
function lastMonth(): { month: string; days: number } {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { month: first.toISOString().slice(0, 7), days };
}

interface Line {
  placementId: string;
  name: string;
  daysInPost: number;
  daysInMonth: number;
  amount: number;
}

describe('the public-welfare payroll through HTTP', () => {
  let t: TestApp;
  let office: string;
  const { month, days } = lastMonth();
  const path = `/v1/counties/${COUNTY}/welfare-months/${month}`;
  let whole: string; // in post from the 10th to the month's end
  let left: string; // in post from the 1st, left on the 20th at 10:00

  const monthView = async (token = office) => (await t.http.get(path).set(bearer(token)).expect(200)).body;
  const post = (sub: string, body: object, token = office) =>
    t.http.post(`${path}/${sub}`).set(bearer(token)).send(body);
  const streamLength = async () =>
    (await eventStoreOf(t.app).readStream(welfarePayrollStream(COUNTY, month))).length;

  beforeAll(async () => {
    t = await startTestApp();
    office = t.tokens.county(COUNTY);
    const broker = t.tokens.broker([COUNTY]);
    const vacancy = await t.http
      .post('/v1/vacancies')
      .set(bearer(office))
      .send(vacancyBody({ type: 'public_welfare', id: COUNTY }))
      .expect(201);
    const place = async (name: string, startDate: string) => {
      const { workerIds } = (
        await t.http
          .post('/v1/households')
          .set(bearer(office))
          .send(householdBody(COUNTY, [memberBody({ name })]))
          .expect(201)
      ).body;
      const placed = await t.http
        .post('/v1/placements')
        .set(bearer(broker))
        .send({ workerId: workerIds[0], vacancyId: vacancy.body.vacancyId, startDate })
        .expect(201);
      return placed.body.placementId as string;
    };
    whole = await place('张桂兰', `${month}-10`);
    left = await place('李德明', `${month}-01`);
    // A follow-up visit on the 20th found the holder had left: the placement ends then.
    await t.http
      .post(`/v1/placements/${left}/follow-ups`)
      .set(bearer(office))
      .send({ visitedAt: new Date(`${month}-20T10:00:00+08:00`).toISOString(), outcome: 'left' })
      .expect(201);
  });
  afterAll(() => t.close());

  it('drafts last month: each holder with the days held and a part month pro rata, by name', async () => {
    const view = await monthView();
    expect(view.status).toBe('open');
    const byId = new Map((view.items as Line[]).map((l) => [l.placementId, l]));
    expect(byId.get(whole)).toMatchObject({ name: '张桂兰', daysInPost: days - 9, daysInMonth: days });
    expect(byId.get(left)).toMatchObject({ name: '李德明', daysInPost: 20 });
    expect(byId.get(whole)!.amount).toBe(Math.round((800 * 100 * (days - 9)) / days) / 100);
  });

  it('refuses days above those held, an unknown placement and this month, appending nothing', async () => {
    const tooMany = await post('confirmations', {
      entries: [{ placementId: whole }, { placementId: left, daysInPost: 25 }],
    }).expect(400);
    expect(tooMany.body.error.issues[0].path).toBe('entries.1.daysInPost');
    const unknown = await post('confirmations', { entries: [{ placementId: 'nobody:none' }] }).expect(404);
    expect(unknown.body.error.issues[0].path).toBe('entries.0.placementId');
    const thisMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const early = await t.http
      .post(`/v1/counties/${COUNTY}/welfare-months/${thisMonth}/confirmations`)
      .set(bearer(office))
      .send({ entries: [{ placementId: whole }] })
      .expect(409);
    expect(early.body.error.code).toBe('month_not_over');
    // This month's draft counts the days held so far, never the days ahead.
    const soFar = (
      await t.http.get(`/v1/counties/${COUNTY}/welfare-months/${thisMonth}`).set(bearer(office)).expect(200)
    ).body;
    const today = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(8, 10));
    expect((soFar.items as Line[]).find((l) => l.placementId === whole)?.daysInPost).toBe(today);
    expect(await streamLength()).toBe(0);
  });

  it('confirms once, corrects by a new record, pays once for exactly the total', async () => {
    await post('confirmations', {
      entries: [{ placementId: whole }, { placementId: left, daysInPost: 18 }],
    }).expect(201);
    const again = await post('confirmations', { entries: [{ placementId: whole }] }).expect(409);
    expect(again.body.error.code).toBe('month_already_confirmed');

    await post('corrections', { placementId: left, daysInPost: 20, reason: '考勤核对后补足' }).expect(201);
    const corrected = await monthView();
    expect(corrected).toMatchObject({ status: 'confirmed', corrections: 1 });
    const lines = corrected.items as Line[];
    expect(lines.find((l) => l.placementId === left)!.daysInPost).toBe(20);
    const total = Math.round(lines.reduce((s, l) => s + l.amount * 100, 0)) / 100;
    expect(corrected.totals).toEqual({ holders: 2, amount: total });

    const paidAt = new Date(Date.now() - 60_000).toISOString();
    const wrong = await post('payments', { total: total + 1, paidAt, reference: 'GZNX-1' }).expect(400);
    expect(wrong.body.error.issues[0].path).toBe('total');
    await post('payments', { total, paidAt, reference: 'GZNX-1' }).expect(201);
    const twice = await post('payments', { total, paidAt, reference: 'GZNX-2' }).expect(409);
    expect(twice.body.error.code).toBe('month_paid');
    const late = await post('corrections', { placementId: whole, daysInPost: 1, reason: '更正' }).expect(409);
    expect(late.body.error.code).toBe('month_paid');
    expect((await monthView()).paid).toEqual({ total, reference: 'GZNX-1', paidAt });
    // Confirmed, corrected, paid: three events, the refusals added none.
    expect(await streamLength()).toBe(3);
  });

  it('prints the month as a sheet with Chinese headers and names', async () => {
    const res = await t.http
      .get(`${path}?format=xlsx`)
      .set(bearer(office))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const sheet = await firstSheet(res.body);
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['姓名', '在岗天数', '应发金额（元）']));
    const names = sheet.getColumn(1).values.slice(2);
    expect(names).toEqual(expect.arrayContaining(['张桂兰', '李德明']));
  });

  it('will not pay days after an end recorded once the month was confirmed: the list is corrected first', async () => {
    // Two months ago, so last month's flow above is left alone.
    const now = new Date(Date.now() + 8 * 3_600_000);
    const earlier = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1))
      .toISOString()
      .slice(0, 7);
    const earlierPath = `/v1/counties/${COUNTY}/welfare-months/${earlier}`;
    const broker = t.tokens.broker([COUNTY]);
    const vacancy = await t.http
      .post('/v1/vacancies')
      .set(bearer(office))
      .send(vacancyBody({ type: 'public_welfare', id: COUNTY }))
      .expect(201);
    const { workerIds } = (
      await t.http
        .post('/v1/households')
        .set(bearer(office))
        .send(householdBody(COUNTY, [memberBody({ name: '王桂芬' })]))
        .expect(201)
    ).body;
    const placementId = (
      await t.http
        .post('/v1/placements')
        .set(bearer(broker))
        .send({ workerId: workerIds[0], vacancyId: vacancy.body.vacancyId, startDate: `${earlier}-01` })
        .expect(201)
    ).body.placementId as string;
    await t.http
      .post(`${earlierPath}/confirmations`)
      .set(bearer(office))
      .send({ entries: [{ placementId }] })
      .expect(201);
    // A visit recorded now finds she left on the 5th of that month.
    await t.http
      .post(`/v1/placements/${placementId}/follow-ups`)
      .set(bearer(office))
      .send({ visitedAt: new Date(`${earlier}-05T10:00:00+08:00`).toISOString(), outcome: 'left' })
      .expect(201);
    const listed = (await t.http.get(earlierPath).set(bearer(office)).expect(200)).body;
    const paidAt = new Date(Date.now() - 60_000).toISOString();
    const refused = await t.http
      .post(`${earlierPath}/payments`)
      .set(bearer(office))
      .send({ total: listed.totals.amount, paidAt, reference: 'GZNX-2' })
      .expect(409);
    expect(refused.body.error.code).toBe('not_in_post');
    await t.http
      .post(`${earlierPath}/corrections`)
      .set(bearer(office))
      .send({ placementId, daysInPost: 5, reason: '5日离岗' })
      .expect(201);
    const corrected = (await t.http.get(earlierPath).set(bearer(office)).expect(200)).body;
    expect(corrected.items[0]).toMatchObject({ daysInPost: 5 });
    await t.http
      .post(`${earlierPath}/payments`)
      .set(bearer(office))
      .send({ total: corrected.totals.amount, paidAt, reference: 'GZNX-2' })
      .expect(201);
  });

  it('refuses a month before the programme and an empty list, appending nothing', async () => {
    const bad = await t.http
      .post(`/v1/counties/${COUNTY}/welfare-months/1970-01/confirmations`)
      .set(bearer(office))
      .send({ entries: [{ placementId: whole }] })
      .expect(400);
    expect(bad.body.error.issues[0].path).toBe('month');
    const empty = await post('confirmations', { entries: [] }).expect(400);
    expect(empty.body.error.issues[0].path).toBe('entries');
  });

  it('is the county office’s own: another county, a broker, a prefecture office are refused', async () => {
    await t.http
      .get(path)
      .set(bearer(t.tokens.county(OTHER_COUNTY)))
      .expect(403);
    await t.http
      .get(path)
      .set(bearer(t.tokens.broker([COUNTY])))
      .expect(403);
    await t.http
      .get(path)
      .set(bearer(t.tokens.prefecture('520400')))
      .expect(403);
    await post(
      'corrections',
      { placementId: whole, daysInPost: 2, reason: 'x' },
      t.tokens.broker([COUNTY]),
    ).expect(403);
    await t.http.get(`/v1/counties/${COUNTY}/welfare-months/2026-13`).set(bearer(office)).expect(400);
  });
});

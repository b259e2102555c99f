/**
 * The county's monthly report (月报) through HTTP: last month's draft is the figures at its end (the same as
 * `?asOf=` its last day) with its activity; sending it keeps that content whatever happens after; it is sent
 * once, corrected only with a reason as a new revision; this month cannot be sent before it ends; the
 * prefecture office reads its counties' reports and sees who has not sent; everyone else is refused.
 */
import { monthlyReportStream } from '@contracts';
import { addDays, dayOf } from '@lib/domain/shared/business-dates';
import { lastDayOf } from '@lib/domain/welfare-payroll/welfare-month';
import { COUNTY, OTHER_COUNTY, bearer, eventStoreOf, householdBody, memberBody } from './helpers/fixtures';
import { appendHouseholdRecordedAt } from './helpers/recorded-at';
import { binary, firstSheet } from './helpers/sheets';
import { startTestApp, type TestApp } from './helpers/start-test-app';

const ANSHUN = '520400';
const BIJIE = '520500';

/** This month and last month in Guizhou (UTC+8), YYYY-MM. */
function months(): { thisMonth: string; lastMonth: string } {
  const today = dayOf(new Date().toISOString());
  const thisMonth = today.slice(0, 7);
  return { thisMonth, lastMonth: addDays(`${thisMonth}-01`, -1).slice(0, 7) };
}

describe('the monthly report through HTTP', () => {
  let t: TestApp;
  let office: string;
  const { thisMonth, lastMonth } = months();
  const path = (month: string, county = COUNTY) => `/v1/counties/${county}/monthly-reports/${month}`;
  const streamLength = async () => (await eventStoreOf(t.app).readStream(monthlyReportStream(COUNTY))).length;

  beforeAll(async () => {
    t = await startTestApp();
    office = t.tokens.county(COUNTY);
    // Last month: two households recorded then (one with a job found alone on the 10th); this month: one more.
    await appendHouseholdRecordedAt(t, new Date(`${lastMonth}-05T10:00:00+08:00`).toISOString());
    await appendHouseholdRecordedAt(t, new Date(`${lastMonth}-10T10:00:00+08:00`).toISOString(), {
      employedSince: `${lastMonth}-10`,
    });
    await t.http
      .post('/v1/households')
      .set(bearer(office))
      .send(householdBody(COUNTY, [memberBody()]))
      .expect(201);
  });
  afterAll(() => t.close());

  it('drafts last month from the log: its figures are those of ?asOf= its last day, with its activity', async () => {
    const draft = (await t.http.get(path(lastMonth)).set(bearer(office)).expect(200)).body;
    expect(draft).toMatchObject({ status: 'draft', monthOver: true, sent: null, revisions: [] });
    expect(draft.draft.figures).toMatchObject({
      households: 2,
      householdsWithLabour: 2,
      coveredHouseholds: 1,
      zeroEmploymentHouseholds: 1,
      employedWorkers: 1,
    });
    expect(draft.draft.previousFigures.households).toBe(0);
    expect(draft.draft.activity).toMatchObject({
      placements: 0,
      employmentsReported: 1,
      employmentsEnded: 0,
    });
    expect(draft.draft.subsidies.welfare).toEqual({ status: 'open', holders: 0, amountFen: 0 });
    const asOf = (
      await t.http.get(`/v1/counties/${COUNTY}/employment?asOf=${lastDayOf(lastMonth)}`).set(bearer(office))
    ).body;
    for (const [field, value] of Object.entries(draft.draft.figures)) expect(asOf[field]).toEqual(value);
  });

  it('refuses this month before it ends, and a correction of a month never sent; nothing appended', async () => {
    const early = await t.http.post(path(thisMonth)).set(bearer(office)).send({}).expect(409);
    expect(early.body.error).toMatchObject({
      code: 'month_not_over',
      message: expect.stringContaining('尚未结束'),
    });
    const running = (await t.http.get(path(thisMonth)).set(bearer(office)).expect(200)).body;
    expect(running).toMatchObject({ status: 'draft', monthOver: false });
    expect(running.draft.figures.households).toBe(3);
    const correction = await t.http
      .post(path(lastMonth))
      .set(bearer(office))
      .send({ correctionReason: '补录' })
      .expect(409);
    expect(correction.body.error).toMatchObject({ code: 'report_not_sent' });
    expect(await streamLength()).toBe(0);
  });

  it('refuses bad input with the field named, nothing appended', async () => {
    const old = await t.http.post(path('2015-12')).set(bearer(office)).send({}).expect(400);
    expect(JSON.stringify(old.body.error.issues)).toContain('month');
    const extra = await t.http.post(path(lastMonth)).set(bearer(office)).send({ figures: {} }).expect(400);
    expect(extra.body.error.code).toBe('validation_failed');
    await t.http.post(path('2026-13')).set(bearer(office)).send({}).expect(400);
    expect(await streamLength()).toBe(0);
  });

  it('sends last month once, kept as sent while the county moves on; a correction is revision 2', async () => {
    const sent = await t.http
      .post(path(lastMonth))
      .set(bearer(office))
      .send({ note: '上月新增自主就业1人' })
      .expect(201);
    expect(sent.body).toMatchObject({ countyCode: COUNTY, month: lastMonth, revision: 1 });
    const first = (await t.http.get(path(lastMonth)).set(bearer(office)).expect(200)).body;
    expect(first).toMatchObject({ status: 'sent', draft: null });
    expect(first.sent).toMatchObject({ revision: 1, note: '上月新增自主就业1人', correctionReason: null });
    expect(first.sent.figures.households).toBe(2);

    // The county moves on: another household today. Last month's report is what was sent.
    await t.http
      .post('/v1/households')
      .set(bearer(office))
      .send(householdBody(COUNTY, [memberBody()]))
      .expect(201);
    const again = (await t.http.get(path(lastMonth)).set(bearer(office)).expect(200)).body;
    expect(again.sent).toEqual(first.sent);

    const twice = await t.http.post(path(lastMonth)).set(bearer(office)).send({}).expect(409);
    expect(twice.body.error).toMatchObject({
      code: 'report_already_sent',
      message: expect.stringContaining('第 1 版'),
    });
    expect(await streamLength()).toBe(1);

    const correction = await t.http
      .post(path(lastMonth))
      .set(bearer(office))
      .send({ correctionReason: '补报公益性岗位补贴' })
      .expect(201);
    expect(correction.body.revision).toBe(2);
    const corrected = (await t.http.get(path(lastMonth)).set(bearer(office)).expect(200)).body;
    expect(corrected.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    expect(corrected.revisions[0]).toEqual(first.sent);
    expect(corrected.sent).toMatchObject({ revision: 2, correctionReason: '补报公益性岗位补贴' });

    // The report as a county office prints it: the version sent, its figures and the reason of the correction.
    const sheet = await t.http
      .get(`${path(lastMonth)}?format=xlsx`)
      .set(bearer(office))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(sheet.headers['content-disposition']).toContain('monthly-report-520402');
    const rows = (await firstSheet(sheet.body)).getSheetValues().filter(Boolean) as unknown[][];
    const row = (label: string) => rows.find((r) => r[1] === label)?.slice(1);
    expect(rows[0].slice(1)).toEqual(['指标', '上月末', '本月末 / 当月', '增减']);
    expect(row('县（市、区）')?.[2]).toBe('西秀区');
    expect(row('月份')?.[2]).toBe(lastMonth);
    expect(row('零就业户数（户）')).toEqual(['零就业户数（户）', 0, 1, 1]);
    expect(String(row('报送状态')?.[2])).toMatch(/^已报送（第 2 版，/);
    expect(row('更正原因')?.[2]).toBe('补报公益性岗位补贴');

    const history = (
      await t.http.get(`/v1/counties/${COUNTY}/monthly-reports`).set(bearer(office)).expect(200)
    ).body;
    expect(history.items.map((r: { month: string; revision: number }) => [r.month, r.revision])).toEqual([
      [lastMonth, 2],
    ]);
  });

  it('lets the prefecture office read its counties’ reports and see who has not sent, and act on none', async () => {
    const anshun = t.tokens.prefecture(ANSHUN);
    await t.http.get(path(lastMonth)).set(bearer(anshun)).expect(200);
    const list = (
      await t.http
        .get(`/v1/prefectures/${ANSHUN}/monthly-reports?month=${lastMonth}`)
        .set(bearer(anshun))
        .expect(200)
    ).body;
    const own = list.items.find((i: { countyCode: string }) => i.countyCode === COUNTY);
    expect(own).toMatchObject({
      countyName: '西秀区',
      status: 'sent',
      revision: 2,
      zeroEmploymentHouseholds: 1,
    });
    expect(list.items.filter((i: { status: string }) => i.status === 'not_sent').length).toBe(
      list.items.length - 1,
    );
    await t.http.post(path(lastMonth)).set(bearer(anshun)).send({ correctionReason: 'x' }).expect(403);
    await t.http
      .get(`/v1/prefectures/${BIJIE}/monthly-reports?month=${lastMonth}`)
      .set(bearer(anshun))
      .expect(403);
    await t.http.get(path(lastMonth, OTHER_COUNTY)).set(bearer(anshun)).expect(403);
  });

  it('refuses another county’s office and brokers', async () => {
    const other = t.tokens.county(OTHER_COUNTY);
    await t.http.get(path(lastMonth)).set(bearer(other)).expect(403);
    await t.http.post(path(lastMonth)).set(bearer(other)).send({ correctionReason: 'x' }).expect(403);
    await t.http
      .get(`/v1/counties/${COUNTY}/monthly-reports`)
      .set(bearer(t.tokens.broker([COUNTY])))
      .expect(403);
    await t.http
      .get(`/v1/prefectures/${ANSHUN}/monthly-reports?month=${lastMonth}`)
      .set(bearer(office))
      .expect(403);
    expect(await streamLength()).toBe(2);
  });
});

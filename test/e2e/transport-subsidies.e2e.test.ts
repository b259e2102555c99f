/**
 * The one-time cross-province transport subsidy through HTTP: the monitor grants it for an out-of-province
 * placement; the county office claims, reviews and records the payment; the ledger (JSON and .xlsx) shows each
 * step and counts it in its totals; who may act and who may read. The refusals: transport-subsidy-refusals.
 */
import { transportSubsidyStream } from '@contracts';
import { COUNTY, OTHER_COUNTY, bearer, streamTypes } from './helpers/fixtures';
import { claimBody, payBody, subsidyRequests, today } from './helpers/transport-subsidies';
import { binary, firstSheet } from './helpers/sheets';
import { startTestApp, type TestApp } from './helpers/start-test-app';

describe('transport subsidies through HTTP', () => {
  let t: TestApp;
  const h = subsidyRequests(() => t);
  const { eligibleWorker, ledger, lineOf, post, refused } = h;

  beforeAll(async () => {
    t = await startTestApp();
    await h.setUp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('claims, approves at the county’s rate and records the payment; the ledger follows every step', async () => {
    const s = await eligibleWorker();
    const eligible = await lineOf(s.subsidyId, s.position);
    expect(eligible).toMatchObject({
      status: 'eligible',
      workerId: s.workerId,
      workerName: '王秀英',
      amount: null,
    });
    const onlyEligible = await ledger('?status=eligible&limit=200', s.position).expect(200);
    expect(onlyEligible.body.items.every((i: { status: string }) => i.status === 'eligible')).toBe(true);

    const claimed = await post(s.subsidyId, 'claims', claimBody()).expect(201);
    expect(claimed.body).toEqual({ subsidyId: s.subsidyId, position: expect.stringMatching(/^\d+$/) });
    expect(await lineOf(s.subsidyId, claimed.body.position)).toMatchObject({
      status: 'claimed',
      claimNo: 1,
      travelDate: today(),
      destinationProvince: '440000',
      destinationProvinceName: '广东省',
    });

    const approved = await post(s.subsidyId, 'reviews', { decision: 'approve' }).expect(201);
    expect(await lineOf(s.subsidyId, approved.body.position)).toMatchObject({
      status: 'approved',
      amount: 500,
    });

    const paid = await post(s.subsidyId, 'payments', payBody()).expect(201);
    expect(await lineOf(s.subsidyId, paid.body.position)).toMatchObject({
      status: 'paid',
      amount: 500,
      paidAt: today(),
      reference: 'AS-2026-0001',
    });
    expect(await streamTypes(t.app, transportSubsidyStream(s.subsidyId))).toEqual([
      'TransportSubsidyClaimed',
      'TransportSubsidyApproved',
      'TransportSubsidyPaid',
    ]);
  });

  it('keeps totals that equal a count of the ledger’s lines, whatever the status filter', async () => {
    const s = await eligibleWorker();
    const res = await ledger('?limit=200', s.position).expect(200);
    const items = res.body.items as { status: string; amount: number | null }[];
    const of = (status: string) => items.filter((i) => i.status === status);
    const yuan = (status: string) => of(status).reduce((sum, i) => sum + (i.amount ?? 0), 0);
    expect(res.body.totals).toEqual({
      eligible: { count: of('eligible').length },
      claimed: { count: of('claimed').length },
      approved: { count: of('approved').length, yuan: yuan('approved') },
      rejected: { count: of('rejected').length },
      paid: { count: of('paid').length, yuan: yuan('paid') },
      all: { count: items.length },
    });
    const paidOnly = await ledger('?status=paid', s.position).expect(200);
    expect(paidOnly.body.totals).toEqual(res.body.totals);
  });

  it('lets only the worker’s county office and the admin act: 403 across counties and for brokers, 404 for no subsidy', async () => {
    const s = await eligibleWorker();
    const other = t.tokens.county(OTHER_COUNTY);
    const broker = t.tokens.broker([COUNTY]);
    for (const token of [other, broker]) {
      await refused(s.subsidyId, () => post(s.subsidyId, 'claims', claimBody(), token), 403, 'forbidden');
      await refused(
        s.subsidyId,
        () => post(s.subsidyId, 'reviews', { decision: 'approve' }, token),
        403,
        'forbidden',
      );
      await refused(s.subsidyId, () => post(s.subsidyId, 'payments', payBody(), token), 403, 'forbidden');
      await ledger('', undefined, token).expect(403);
      await t.http.get(`/v1/counties/${COUNTY}/transport-subsidy-rates`).set(bearer(token)).expect(403);
      await t.http
        .put(`/v1/counties/${COUNTY}/transport-subsidy-rates`)
        .set(bearer(token))
        .send({ rates: { '440000': 1 } })
        .expect(403);
    }
    const nobody = `${s.householdId}.9:${s.year}`;
    await refused(nobody, () => post(nobody, 'claims', claimBody()), 404, 'not_found');
    const otherYear = `${s.workerId}:${s.year - 1}`;
    await refused(otherYear, () => post(otherYear, 'claims', claimBody()), 404, 'not_found');
    await post(s.subsidyId, 'claims', claimBody(), t.tokens.admin()).expect(201);
    await ledger('', undefined, t.tokens.admin()).expect(200);
  });

  it('lets the office of the county’s prefecture read the ledger and rates, and act on nothing', async () => {
    const s = await eligibleWorker();
    const anshun = t.tokens.prefecture('520400');
    const res = await ledger('?limit=200', s.position, anshun).expect(200);
    expect(res.body.items.map((i: { subsidyId: string }) => i.subsidyId)).toContain(s.subsidyId);
    await t.http.get(`/v1/counties/${COUNTY}/transport-subsidy-rates`).set(bearer(anshun)).expect(200);
    await refused(s.subsidyId, () => post(s.subsidyId, 'claims', claimBody(), anshun), 403, 'forbidden');
    await t.http
      .put(`/v1/counties/${COUNTY}/transport-subsidy-rates`)
      .set(bearer(anshun))
      .send({ rates: { '440000': 1 } })
      .expect(403);
    // Another prefecture's office (Bijie) reads nothing of Xixiu's.
    await ledger('', undefined, t.tokens.prefecture('520500')).expect(403);
  });

  it('exports the ledger as .xlsx with Chinese headers, statuses and the totals', async () => {
    const s = await eligibleWorker();
    await post(s.subsidyId, 'claims', claimBody()).expect(201);
    await post(s.subsidyId, 'reviews', { decision: 'approve' }).expect(201);
    const paid = await post(s.subsidyId, 'payments', payBody({ reference: 'XLSX-1' })).expect(201);
    const res = await ledger('?format=xlsx', paid.body.position).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('跨省务工交通补贴台账'));
    const sheet = await firstSheet(res.body);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining([
        '姓名',
        '年度',
        '状态',
        '务工省份',
        '出行日期',
        '核定金额（元）',
        '发放日期',
        '发放凭证号',
      ]),
    );
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    const line = rows.find((r) => r.includes('XLSX-1'));
    expect(line).toEqual(expect.arrayContaining(['王秀英', '已发放', '广东省', 500]));
    expect(rows.some((r) => String(r[0]).startsWith('合计：'))).toBe(true);
  });
});

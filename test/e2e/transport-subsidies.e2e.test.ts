/**
 * The one-time cross-province transport subsidy through HTTP: the monitor grants it for an out-of-province
 * placement; the county office claims, reviews and records the payment; the ledger (JSON and .xlsx) shows each
 * step; every refusal (400, 403, 404, 409) appends nothing.
 */
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import {
  employmentMonitorStream,
  subsidyIdOf,
  transportSubsidyRatesStream,
  transportSubsidyStream,
} from '@contracts';
import { dayOf, addDays } from '@lib/domain/shared/business-dates';
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  eventStoreOf,
  householdBody,
  lastCommandPosition,
  memberBody,
  streamTypes,
} from './helpers/fixtures';
import { postStationVacancy, registerHousehold, registerStation } from './helpers/requests';
import { startTestApp, type TestApp } from './helpers/start-test-app';

const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

interface Eligible {
  readonly subsidyId: string;
  readonly workerId: string;
  readonly householdId: string;
  readonly year: number;
  /** The position of the monitor's TransportSubsidyEligible. */
  readonly position: string;
}

describe('transport subsidies through HTTP', () => {
  let t: TestApp;
  let office: string;
  let stationId: string;
  const today = () => dayOf(new Date().toISOString());
  const base = (subsidyId: string) => `/v1/transport-subsidies/${subsidyId}`;
  const claimBody = (o: Record<string, unknown> = {}) => ({
    travelDate: today(),
    destinationProvince: '440000',
    ...o,
  });
  const payBody = (o: Record<string, unknown> = {}) => ({
    amount: 500,
    paidAt: today(),
    reference: 'AS-2026-0001',
    ...o,
  });

  beforeAll(async () => {
    t = await startTestApp();
    office = t.tokens.county(COUNTY);
    stationId = await registerStation(t);
    await t.http
      .put(`/v1/counties/${COUNTY}/transport-subsidy-rates`)
      .set(bearer(office))
      .send({ rates: { '440000': 500, '330000': 600 } })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A worker placed in Guangdong through a labour station; the monitor's grant, once it is in the log. */
  async function eligibleWorker(county = COUNTY): Promise<Eligible> {
    const token = t.tokens.county(county);
    const { householdId, workerIds } = await registerHousehold(
      t,
      token,
      householdBody(county, [memberBody({ name: '王秀英' })]),
    );
    const vacancyId = await postStationVacancy(t, stationId);
    await t.http
      .post('/v1/placements')
      .set(bearer(t.tokens.broker([county])))
      .send({ workerId: workerIds[0], vacancyId })
      .expect(201);
    // The monitor appends the grant a moment after the placement.
    for (let i = 0; i < 200; i++) {
      const grant = (await eventStoreOf(t.app).readStream(employmentMonitorStream(householdId))).find(
        (e) => e.type === 'TransportSubsidyEligible',
      );
      if (grant) {
        const year = (grant.data as { year: number }).year;
        const workerId = workerIds[0];
        return {
          subsidyId: subsidyIdOf(workerId, year),
          workerId,
          householdId,
          year,
          position: grant.position.toString(),
        };
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('The monitor never granted the subsidy');
  }

  const ledger = (query = '', minPosition?: string, token = office) => {
    const req = t.http.get(`/v1/counties/${COUNTY}/transport-subsidies${query}`).set(bearer(token));
    return minPosition === undefined ? req : req.set('X-Min-Position', minPosition);
  };
  const lineOf = async (subsidyId: string, minPosition: string) => {
    const res = await ledger('?limit=200', minPosition).expect(200);
    return (res.body.items as { subsidyId: string }[]).find((i) => i.subsidyId === subsidyId) as Record<
      string,
      unknown
    >;
  };
  const post = (subsidyId: string, step: 'claims' | 'reviews' | 'payments', body: object, token = office) =>
    t.http
      .post(`${base(subsidyId)}/${step}`)
      .set(bearer(token))
      .send(body);

  /** The request is refused with this status and code, and nothing is appended to the subsidy or anywhere. */
  async function refused(
    subsidyId: string,
    request: () => ReturnType<typeof post>,
    status: number,
    code: string,
  ): Promise<{ message: string; issues?: { path: string }[] }> {
    const before = await streamTypes(t.app, transportSubsidyStream(subsidyId));
    const head = await lastCommandPosition(t.app);
    const res = await request().expect(status);
    expect(res.body.error.code).toBe(code);
    expect(await streamTypes(t.app, transportSubsidyStream(subsidyId))).toEqual(before);
    expect(await lastCommandPosition(t.app)).toBe(head);
    return res.body.error;
  }

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

  it('refuses a claim’s bad dates and destination: 400 naming the field, nothing appended', async () => {
    const s = await eligibleWorker();
    const tomorrow = addDays(today(), 1);
    const future = await refused(
      s.subsidyId,
      () => post(s.subsidyId, 'claims', claimBody({ travelDate: tomorrow })),
      400,
      'invalid_value',
    );
    expect(future.issues).toEqual([{ path: 'travelDate', message: expect.stringContaining('不能晚于今天') }]);
    const early = await refused(
      s.subsidyId,
      () => post(s.subsidyId, 'claims', claimBody({ travelDate: `${s.year - 1}-12-31` })),
      400,
      'invalid_value',
    );
    expect(early.issues).toEqual([
      { path: 'travelDate', message: expect.stringContaining(`${s.year}年1月1日`) },
    ]);
    const guizhou = await refused(
      s.subsidyId,
      () => post(s.subsidyId, 'claims', claimBody({ destinationProvince: '520000' })),
      400,
      'validation_failed',
    );
    expect(guizhou.issues).toEqual([
      { path: 'destinationProvince', message: expect.stringContaining('贵州省以外') },
    ]);
    await refused(
      s.subsidyId,
      () => post(s.subsidyId, 'claims', claimBody({ note: 'x' })),
      400,
      'validation_failed',
    );
  });

  it('refuses a second claim while one is open and after approval: 409 already_claimed', async () => {
    const s = await eligibleWorker();
    await post(s.subsidyId, 'claims', claimBody()).expect(201);
    const open = await refused(
      s.subsidyId,
      () => post(s.subsidyId, 'claims', claimBody()),
      409,
      'already_claimed',
    );
    expect(open.message).toContain('不能重复申领');
    await post(s.subsidyId, 'reviews', { decision: 'approve' }).expect(201);
    await refused(s.subsidyId, () => post(s.subsidyId, 'claims', claimBody()), 409, 'already_claimed');
  });

  it('requires a reason to reject; a rejected claim may be claimed again, as claim 2', async () => {
    const s = await eligibleWorker();
    await post(s.subsidyId, 'claims', claimBody()).expect(201);
    const noReason = await refused(
      s.subsidyId,
      () => post(s.subsidyId, 'reviews', { decision: 'reject' }),
      400,
      'validation_failed',
    );
    expect(noReason.issues).toEqual([{ path: 'reason', message: '驳回须填写原因' }]);
    const rejected = await post(s.subsidyId, 'reviews', {
      decision: 'reject',
      reason: '务工证明不全',
    }).expect(201);
    expect(await lineOf(s.subsidyId, rejected.body.position)).toMatchObject({
      status: 'rejected',
      rejectionReason: '务工证明不全',
    });
    await refused(
      s.subsidyId,
      () => post(s.subsidyId, 'reviews', { decision: 'approve' }),
      409,
      'not_claimed',
    );
    await refused(s.subsidyId, () => post(s.subsidyId, 'payments', payBody()), 409, 'not_approved');
    const again = await post(s.subsidyId, 'claims', claimBody({ destinationProvince: '330000' })).expect(201);
    expect(await lineOf(s.subsidyId, again.body.position)).toMatchObject({
      status: 'claimed',
      claimNo: 2,
      rejectionReason: null,
    });
    const approved = await post(s.subsidyId, 'reviews', { decision: 'approve' }).expect(201);
    expect(await lineOf(s.subsidyId, approved.body.position)).toMatchObject({
      status: 'approved',
      amount: 600,
    });
  });

  it('refuses payments out of turn, of another amount, dated ahead, or twice: 409/400 with stable codes', async () => {
    const s = await eligibleWorker();
    await refused(s.subsidyId, () => post(s.subsidyId, 'payments', payBody()), 409, 'not_approved');
    await refused(
      s.subsidyId,
      () => post(s.subsidyId, 'reviews', { decision: 'approve' }),
      409,
      'not_claimed',
    );
    await post(s.subsidyId, 'claims', claimBody()).expect(201);
    await refused(s.subsidyId, () => post(s.subsidyId, 'payments', payBody()), 409, 'not_approved');
    await post(s.subsidyId, 'reviews', { decision: 'approve' }).expect(201);
    await refused(
      s.subsidyId,
      () => post(s.subsidyId, 'reviews', { decision: 'approve' }),
      409,
      'already_reviewed',
    );
    const mismatch = await refused(
      s.subsidyId,
      () => post(s.subsidyId, 'payments', payBody({ amount: 450 })),
      409,
      'amount_mismatch',
    );
    expect(mismatch.message).toContain('500');
    const ahead = await refused(
      s.subsidyId,
      () => post(s.subsidyId, 'payments', payBody({ paidAt: addDays(today(), 1) })),
      400,
      'invalid_value',
    );
    expect(ahead.issues).toEqual([{ path: 'paidAt', message: expect.stringContaining('不能晚于今天') }]);
    await post(s.subsidyId, 'payments', payBody()).expect(201);
    await refused(s.subsidyId, () => post(s.subsidyId, 'payments', payBody()), 409, 'already_paid');
  });

  it('pays once when two payments of one subsidy race', async () => {
    const s = await eligibleWorker();
    await post(s.subsidyId, 'claims', claimBody()).expect(201);
    await post(s.subsidyId, 'reviews', { decision: 'approve' }).expect(201);
    const answers = await Promise.all(
      [1, 2, 3].map((n) => post(s.subsidyId, 'payments', payBody({ reference: `R-${n}` }))),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual([
      'already_paid',
      'already_paid',
    ]);
    const types = await streamTypes(t.app, transportSubsidyStream(s.subsidyId));
    expect(types.filter((type) => type === 'TransportSubsidyPaid')).toHaveLength(1);
  });

  it('refuses an approval when the county has no rate for the destination: 409 with a Chinese message', async () => {
    const s = await eligibleWorker(OTHER_COUNTY);
    const other = t.tokens.county(OTHER_COUNTY);
    await post(s.subsidyId, 'claims', claimBody({ destinationProvince: '350000' }), other).expect(201);
    const noTable = await refused(
      s.subsidyId,
      () => post(s.subsidyId, 'reviews', { decision: 'approve' }, other),
      409,
      'subsidy_rate_missing',
    );
    expect(noTable.message).toContain('福建省');
    await t.http
      .put(`/v1/counties/${OTHER_COUNTY}/transport-subsidy-rates`)
      .set(bearer(other))
      .send({ rates: { '440000': 400 } })
      .expect(200);
    await refused(
      s.subsidyId,
      () => post(s.subsidyId, 'reviews', { decision: 'approve' }, other),
      409,
      'subsidy_rate_missing',
    );
    await t.http
      .put(`/v1/counties/${OTHER_COUNTY}/transport-subsidy-rates`)
      .set(bearer(other))
      .send({ rates: { '440000': 400 }, default: 350 })
      .expect(200);
    const rates = await t.http
      .get(`/v1/counties/${OTHER_COUNTY}/transport-subsidy-rates`)
      .set(bearer(other))
      .expect(200);
    expect(rates.body).toMatchObject({
      countyCode: OTHER_COUNTY,
      rates: { '440000': 400 },
      default: 350,
      isSet: true,
    });
    await post(s.subsidyId, 'reviews', { decision: 'approve' }, other).expect(201);
    // The same table again appends nothing.
    const before = await streamTypes(t.app, transportSubsidyRatesStream(OTHER_COUNTY));
    await t.http
      .put(`/v1/counties/${OTHER_COUNTY}/transport-subsidy-rates`)
      .set(bearer(other))
      .send({ rates: { '440000': 400 }, default: 350 })
      .expect(200);
    expect(await streamTypes(t.app, transportSubsidyRatesStream(OTHER_COUNTY))).toEqual(before);
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
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
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

/**
 * The transport subsidy's refusals through HTTP: bad dates and destinations (400 naming the field), claims,
 * reviews and payments out of turn (409 with stable codes), a payment race, a missing rate; each one appends
 * nothing, to the subsidy's stream or anywhere.
 */
import { transportSubsidyRatesStream, transportSubsidyStream } from '@contracts';
import { addDays } from '@lib/domain/shared/business-dates';
import { OTHER_COUNTY, bearer, streamTypes } from './helpers/fixtures';
import { claimBody, payBody, subsidyRequests, today } from './helpers/transport-subsidies';
import { startTestApp, type TestApp } from './helpers/start-test-app';

describe('transport subsidy refusals through HTTP', () => {
  let t: TestApp;
  const h = subsidyRequests(() => t);
  const { eligibleWorker, lineOf, post, refused } = h;

  beforeAll(async () => {
    t = await startTestApp();
    await h.setUp();
  });
  afterAll(async () => {
    await t.close();
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
});

import { given } from '../shared/testing/decider-spec';
import type { SubsidyRates } from './transport-subsidy.commands';
import { transportSubsidyDecider as decider } from './transport-subsidy.decider';
import type { TransportSubsidyEvent } from './transport-subsidy.state';

const workerId = 'hh-1.1';
const subsidyId = `${workerId}:2026`;
const now = '2026-03-10T02:00:00Z'; // 10:00 in Guizhou, 10 March
const eligibility = {
  workerId,
  householdId: 'hh-1',
  placementId: 'hh-1:p-1',
  year: 2026,
  countyCode: '520402',
};
const subject = { subsidyId, workerId, year: 2026, countyCode: '520402', claimNo: 1 };
const rates: SubsidyRates = { rates: { '440000': 500 }, default: 300 };

const claim = (over: { travelDate?: string; destinationProvince?: string; now?: string } = {}) => ({
  type: 'ClaimTransportSubsidy' as const,
  subsidyId,
  eligibility,
  travelDate: '2026-02-27',
  destinationProvince: '440000',
  now,
  ...over,
});
const review = (decision: 'approve' | 'reject', over: { reason?: string; rates?: SubsidyRates } = {}) => ({
  type: 'ReviewTransportSubsidy' as const,
  subsidyId,
  decision,
  rates,
  now,
  ...over,
});
const pay = (over: { amount?: number; paidAt?: string } = {}) => ({
  type: 'PayTransportSubsidy' as const,
  subsidyId,
  amount: 500,
  paidAt: '2026-03-10',
  reference: 'AS-0001',
  now,
  ...over,
});

const claimed = (claimNo = 1, destinationProvince = '440000'): TransportSubsidyEvent => ({
  type: 'TransportSubsidyClaimed',
  data: {
    ...subject,
    claimNo,
    householdId: 'hh-1',
    placementId: 'hh-1:p-1',
    travelDate: '2026-02-27',
    destinationProvince,
    claimedAt: now,
  },
});
const approved = (amount = 500): TransportSubsidyEvent => ({
  type: 'TransportSubsidyApproved',
  data: { ...subject, destinationProvince: '440000', amount, approvedAt: now },
});
const rejected: TransportSubsidyEvent = {
  type: 'TransportSubsidyRejected',
  data: { ...subject, reason: '务工证明不全', rejectedAt: now },
};
const paid: TransportSubsidyEvent = {
  type: 'TransportSubsidyPaid',
  data: { ...subject, amount: 500, paidAt: '2026-03-10', reference: 'AS-0001', recordedAt: now },
};

describe('transport subsidy decider', () => {
  describe('claim', () => {
    it('claims an eligible subsidy with its travel date and destination', () => {
      given(decider, []).when(claim()).then([claimed()]);
    });

    it('accepts a travel date of today in Guizhou while it is still yesterday in UTC', () => {
      // 2026-03-10T17:00Z is 01:00 on 11 March in Guizhou.
      given(decider, [])
        .when(claim({ travelDate: '2026-03-11', now: '2026-03-10T17:00:00Z' }))
        .then([
          {
            ...claimed(),
            data: { ...claimed().data, travelDate: '2026-03-11', claimedAt: '2026-03-10T17:00:00Z' },
          } as TransportSubsidyEvent,
        ]);
    });

    it('refuses a travel date in the future, or before the year of the subsidy: 400 travelDate', () => {
      given(decider, [])
        .when(claim({ travelDate: '2026-03-11' }))
        .thenRejects('invalid_value', /今天/, { field: 'travelDate' });
      given(decider, [])
        .when(claim({ travelDate: '2025-12-31' }))
        .thenRejects('invalid_value', /2026年1月1日/, { field: 'travelDate' });
    });

    it('refuses Guizhou as the destination', () => {
      given(decider, [])
        .when(claim({ destinationProvince: '520000' }))
        .thenRejects('invalid_value', /贵州省以外/, { field: 'destinationProvince' });
    });

    it('refuses a second claim while one is open, after approval and after payment: already_claimed', () => {
      given(decider, [claimed()])
        .when(claim())
        .thenRejects('already_claimed', /不能重复申领/);
      given(decider, [claimed(), approved()])
        .when(claim())
        .thenRejects('already_claimed', /只能享受一次/);
      given(decider, [claimed(), approved(), paid])
        .when(claim())
        .thenRejects('already_claimed', /已发放/);
    });

    it('claims again after a rejection, as the next claim', () => {
      given(decider, [claimed(), rejected])
        .when(claim({ destinationProvince: '330000' }))
        .then([claimed(2, '330000')]);
    });
  });

  describe('review', () => {
    it('approves at the rate of the destination, else the default', () => {
      given(decider, [claimed()])
        .when(review('approve'))
        .then([approved(500)]);
      given(decider, [claimed(1, '330000')])
        .when(review('approve'))
        .then([
          {
            type: 'TransportSubsidyApproved',
            data: { ...subject, destinationProvince: '330000', amount: 300, approvedAt: now },
          },
        ]);
    });

    it('refuses to approve without a rate for the destination nor a default: subsidy_rate_missing, in Chinese', () => {
      given(decider, [claimed(1, '330000')])
        .when(review('approve', { rates: { rates: { '440000': 500 } } }))
        .thenRejects('subsidy_rate_missing', /浙江省.*补贴标准/);
      given(decider, [claimed()])
        .when(review('approve', { rates: undefined }))
        .thenRejects('subsidy_rate_missing');
    });

    it('rejects with a reason, and only with one', () => {
      given(decider, [claimed()])
        .when(review('reject', { reason: ' 务工证明不全 ' }))
        .then([rejected]);
      given(decider, [claimed()])
        .when(review('reject', { reason: '  ' }))
        .thenRejects('invalid_value', /原因/, { field: 'reason' });
    });

    it('refuses a review of nothing claimed, of a rejected claim, or of one already approved', () => {
      given(decider, []).when(review('approve')).thenRejects('not_claimed');
      given(decider, [claimed(), rejected]).when(review('approve')).thenRejects('not_claimed');
      given(decider, [claimed(), approved()])
        .when(review('reject', { reason: 'x' }))
        .thenRejects('already_reviewed');
      given(decider, [claimed(), approved(), paid]).when(review('approve')).thenRejects('already_reviewed');
    });
  });

  describe('payment', () => {
    it('records the payment of the approved amount', () => {
      given(decider, [claimed(), approved()]).when(pay()).then([paid]);
    });

    it('refuses to pay what is not approved: not_approved', () => {
      given(decider, []).when(pay()).thenRejects('not_approved');
      given(decider, [claimed()])
        .when(pay())
        .thenRejects('not_approved', /尚未审核通过/);
      given(decider, [claimed(), rejected]).when(pay()).thenRejects('not_approved', /驳回/);
    });

    it('refuses to pay twice: already_paid, whatever the amount', () => {
      given(decider, [claimed(), approved(), paid]).when(pay()).thenRejects('already_paid');
      given(decider, [claimed(), approved(), paid])
        .when(pay({ amount: 1 }))
        .thenRejects('already_paid');
    });

    it('refuses another amount than the approved one: amount_mismatch naming amount', () => {
      given(decider, [claimed(), approved()])
        .when(pay({ amount: 600 }))
        .thenRejects('amount_mismatch', /500/, { field: 'amount' });
    });

    it('refuses a payment dated in the future or before the approval: 400 paidAt', () => {
      given(decider, [claimed(), approved()])
        .when(pay({ paidAt: '2026-03-11' }))
        .thenRejects('invalid_value', /今天/, { field: 'paidAt' });
      given(decider, [claimed(), approved()])
        .when(pay({ paidAt: '2026-03-09' }))
        .thenRejects('invalid_value', /审核通过/, { field: 'paidAt' });
    });
  });
});

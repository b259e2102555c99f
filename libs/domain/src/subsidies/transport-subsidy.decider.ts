import { isProvinceOutsideGuizhou, provinceName } from '@contracts';
import { dayOf } from '../shared/business-dates';
import { accept, assertNever, reject, type Decider, type Decision } from '../shared/decider';
import type {
  ClaimTransportSubsidy,
  PayTransportSubsidy,
  ReviewTransportSubsidy,
  SubsidyRates,
  TransportSubsidyCommand,
} from './transport-subsidy.commands';
import {
  evolveSubsidy,
  initialSubsidyState,
  type TransportSubsidyEvent,
  type TransportSubsidyState,
} from './transport-subsidy.state';

type Result = Decision<TransportSubsidyEvent>;
type Reviewed = Extract<TransportSubsidyState, { status: 'approved' | 'paid' }>;

const subjectOf = (state: Exclude<TransportSubsidyState, { status: 'unclaimed' }>) => {
  const { subsidyId, workerId, year, countyCode, claimNo } = state.claim;
  return { subsidyId, workerId, year, countyCode, claimNo };
};

/** The travel date is a business date (ADR 0009): not after today in Guizhou, not before the subsidy's year. */
function travelDateRefused({ travelDate, now, eligibility }: ClaimTransportSubsidy): Result | undefined {
  const today = dayOf(now);
  if (travelDate > today) {
    return reject('invalid_value', `出行日期（${travelDate}）不能晚于今天（${today}）`, {
      field: 'travelDate',
    });
  }
  if (travelDate < `${eligibility.year}-01-01`) {
    return reject('invalid_value', `出行日期（${travelDate}）不能早于${eligibility.year}年1月1日`, {
      field: 'travelDate',
    });
  }
  return undefined;
}

function claim(command: ClaimTransportSubsidy, state: TransportSubsidyState): Result {
  if (state.status === 'claimed') {
    return reject('already_claimed', `该补贴已于${dayOf(state.claim.claimedAt)}申领，正在审核，不能重复申领`);
  }
  if (state.status === 'approved' || state.status === 'paid') {
    const done = state.status === 'paid' ? '已发放' : '已审核通过';
    return reject('already_claimed', `该补贴${done}，同一劳动力同一年度只能享受一次`);
  }
  const { eligibility, travelDate, destinationProvince, subsidyId, now } = command;
  if (!isProvinceOutsideGuizhou(destinationProvince)) {
    return reject('invalid_value', '务工目的地须为贵州省以外的省份', { field: 'destinationProvince' });
  }
  const refused = travelDateRefused(command);
  if (refused) return refused;
  const { workerId, householdId, placementId, year, countyCode } = eligibility;
  return accept({
    type: 'TransportSubsidyClaimed',
    data: {
      subsidyId,
      workerId,
      year,
      countyCode,
      claimNo: state.status === 'rejected' ? state.claim.claimNo + 1 : 1,
      householdId,
      placementId,
      travelDate,
      destinationProvince,
      claimedAt: now,
    },
  });
}

/** The amount for a destination: its own rate, else the county's default; undefined when neither is set. */
export const rateFor = (rates: SubsidyRates | undefined, province: string): number | undefined =>
  rates?.rates[province] ?? rates?.default;

function review(command: ReviewTransportSubsidy, state: TransportSubsidyState): Result {
  if (state.status === 'unclaimed') return reject('not_claimed', '该补贴尚未申领，无法审核');
  if (state.status === 'rejected') return reject('not_claimed', '该申领已驳回，须重新申领后再审核');
  if (state.status !== 'claimed') {
    return reject('already_reviewed', `该申领已审核通过（核定金额 ${(state as Reviewed).amount} 元）`);
  }
  const subject = subjectOf(state);
  if (command.decision === 'reject') {
    const reason = command.reason?.trim() ?? '';
    if (reason === '') return reject('invalid_value', '驳回须填写原因', { field: 'reason' });
    return accept({
      type: 'TransportSubsidyRejected',
      data: { ...subject, reason, rejectedAt: command.now },
    });
  }
  const destination = state.claim.destinationProvince;
  const amount = rateFor(command.rates, destination);
  if (amount === undefined) {
    return reject(
      'subsidy_rate_missing',
      `本县未设置前往${provinceName(destination)}（${destination}）的交通补贴标准，也未设置默认标准：请先设置补贴标准再审核`,
      { destinationProvince: destination },
    );
  }
  return accept({
    type: 'TransportSubsidyApproved',
    data: { ...subject, destinationProvince: destination, amount, approvedAt: command.now },
  });
}

function pay(command: PayTransportSubsidy, state: TransportSubsidyState): Result {
  if (state.status === 'paid') {
    return reject('already_paid', `该补贴已于${state.paidAt}发放（凭证号 ${state.reference}），不能重复发放`);
  }
  if (state.status !== 'approved') {
    const why = { unclaimed: '尚未申领', claimed: '尚未审核通过', rejected: '申领已驳回' }[state.status];
    return reject('not_approved', `该补贴${why}，不能发放`);
  }
  const { amount, paidAt, reference, now } = command;
  if (amount !== state.amount) {
    return reject('amount_mismatch', `发放金额（${amount} 元）须等于核定金额（${state.amount} 元）`, {
      field: 'amount',
    });
  }
  const today = dayOf(now);
  if (paidAt > today) {
    return reject('invalid_value', `发放日期（${paidAt}）不能晚于今天（${today}）`, { field: 'paidAt' });
  }
  if (paidAt < dayOf(state.approvedAt)) {
    return reject(
      'invalid_value',
      `发放日期（${paidAt}）不能早于审核通过日期（${dayOf(state.approvedAt)}）`,
      {
        field: 'paidAt',
      },
    );
  }
  return accept({
    type: 'TransportSubsidyPaid',
    data: { ...subjectOf(state), amount, paidAt, reference, recordedAt: now },
  });
}

/**
 * One worker's transport subsidy of one year (stream `transport-subsidy-<workerId>:<year>`): claimed by the
 * county office, reviewed, paid once. A claim while one is open or after approval is `already_claimed`; a review
 * out of turn `not_claimed` / `already_reviewed`; a payment out of turn `not_approved` / `already_paid`; a
 * payment of another amount than approved `amount_mismatch`. Every refusal appends nothing.
 */
export const transportSubsidyDecider: Decider<
  TransportSubsidyCommand,
  TransportSubsidyState,
  TransportSubsidyEvent
> = {
  initialState: initialSubsidyState,
  evolve: evolveSubsidy,
  decide(command, state) {
    switch (command.type) {
      case 'ClaimTransportSubsidy':
        return claim(command, state);
      case 'ReviewTransportSubsidy':
        return review(command, state);
      case 'PayTransportSubsidy':
        return pay(command, state);
      default:
        return assertNever(command);
    }
  },
};

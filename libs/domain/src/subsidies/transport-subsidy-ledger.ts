import { subsidyIdOf } from '@contracts';
import type { TransportSubsidyGrant } from '../monitor/transport-subsidy.projection';
import { transportSubsidyKey } from '../monitor/transport-subsidy.projection';
import type { TransportSubsidyClaimDoc } from './transport-subsidy-claims.projection';

export const SUBSIDY_STATUSES = ['eligible', 'claimed', 'approved', 'rejected', 'paid'] as const;
export type SubsidyStatus = (typeof SUBSIDY_STATUSES)[number];

/** One line of a county's transport-subsidy ledger (台账): the eligibility, and the claim in force if any. */
export interface SubsidyLedgerItem {
  readonly subsidyId: string;
  readonly workerId: string;
  readonly householdId: string;
  readonly countyCode: string;
  readonly year: number;
  readonly placementId: string | null;
  readonly eligibleAt: string | null;
  readonly status: SubsidyStatus;
  readonly claimNo: number | null;
  readonly travelDate: string | null;
  readonly destinationProvince: string | null;
  readonly claimedAt: string | null;
  /** The approved amount (whole yuan); null before approval. */
  readonly amount: number | null;
  readonly approvedAt: string | null;
  readonly rejectionReason: string | null;
  readonly paidAt: string | null;
  readonly reference: string | null;
}

export interface SubsidyCount {
  readonly count: number;
}
export interface SubsidySum extends SubsidyCount {
  /** Whole yuan. */
  readonly yuan: number;
}

/** Each subsidy counted once, under its status now; yuan where an amount is fixed (approved, paid). */
export interface SubsidyLedgerTotals {
  readonly eligible: SubsidyCount;
  readonly claimed: SubsidyCount;
  readonly approved: SubsidySum;
  readonly rejected: SubsidyCount;
  readonly paid: SubsidySum;
  readonly all: SubsidyCount;
}

function itemOf(
  grant: TransportSubsidyGrant | undefined,
  claim: TransportSubsidyClaimDoc | undefined,
): SubsidyLedgerItem {
  const subject = (claim ?? grant) as TransportSubsidyGrant | TransportSubsidyClaimDoc;
  return {
    subsidyId: subsidyIdOf(subject.workerId, subject.year),
    workerId: subject.workerId,
    householdId: subject.householdId,
    countyCode: subject.countyCode,
    year: subject.year,
    placementId: grant?.placementId ?? null,
    eligibleAt: grant?.eligibleAt ?? null,
    status: claim?.status ?? 'eligible',
    claimNo: claim?.claimNo ?? null,
    travelDate: claim?.travelDate ?? null,
    destinationProvince: claim?.destinationProvince ?? null,
    claimedAt: claim?.claimedAt ?? null,
    amount: claim?.amount ?? null,
    approvedAt: claim?.approvedAt ?? null,
    rejectionReason: claim?.status === 'rejected' ? claim.rejectionReason : null,
    paidAt: claim?.paidAt ?? null,
    reference: claim?.reference ?? null,
  };
}

/**
 * A county's ledger lines from the monitor's grants and the claims' documents (the same keys), oldest year
 * first, then by worker. A claim without its grant (never, since a claim needs the grant) is still listed.
 */
export function subsidyLedgerItems(
  grants: readonly TransportSubsidyGrant[],
  claims: readonly TransportSubsidyClaimDoc[],
): SubsidyLedgerItem[] {
  const claimByKey = new Map(claims.map((c) => [transportSubsidyKey(c.workerId, c.year), c]));
  const grantKeys = new Set(grants.map((g) => transportSubsidyKey(g.workerId, g.year)));
  const items = [
    ...grants.map((g) => itemOf(g, claimByKey.get(transportSubsidyKey(g.workerId, g.year)))),
    ...claims
      .filter((c) => !grantKeys.has(transportSubsidyKey(c.workerId, c.year)))
      .map((c) => itemOf(undefined, c)),
  ];
  return items.sort(
    (a, b) => a.year - b.year || (a.workerId < b.workerId ? -1 : a.workerId > b.workerId ? 1 : 0),
  );
}

export function subsidyLedgerTotals(items: readonly SubsidyLedgerItem[]): SubsidyLedgerTotals {
  const count = (status: SubsidyStatus) => items.filter((i) => i.status === status);
  const sum = (status: SubsidyStatus): SubsidySum => {
    const of = count(status);
    return { count: of.length, yuan: of.reduce((total, i) => total + (i.amount ?? 0), 0) };
  };
  return {
    eligible: { count: count('eligible').length },
    claimed: { count: count('claimed').length },
    approved: sum('approved'),
    rejected: { count: count('rejected').length },
    paid: sum('paid'),
    all: { count: items.length },
  };
}

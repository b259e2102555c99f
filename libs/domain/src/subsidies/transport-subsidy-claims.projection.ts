import type { KeyedProjection } from '../shared/keyed-projection';
import { transportSubsidyKey } from '../monitor/transport-subsidy.projection';

export type SubsidyClaimStatus = 'claimed' | 'approved' | 'rejected' | 'paid';

/**
 * A subsidy's claim as the ledger reads it: one document per worker and year, fed by the subsidy's own stream
 * only (so the revision guard of keyed projections holds). Its eligibility is the monitor's grant document of
 * the same key (transport-subsidy.projection.ts); the ledger joins the two.
 */
export interface TransportSubsidyClaimDoc {
  readonly subsidyId: string;
  readonly workerId: string;
  readonly householdId: string;
  readonly countyCode: string;
  readonly year: number;
  readonly status: SubsidyClaimStatus;
  /** The claim in force (2 after one rejection, …). */
  readonly claimNo: number;
  readonly travelDate: string;
  readonly destinationProvince: string;
  readonly claimedAt: string;
  /** Fixed at approval; kept once paid. */
  readonly amount: number | null;
  readonly approvedAt: string | null;
  readonly rejectionReason: string | null;
  readonly rejectedAt: string | null;
  readonly paidAt: string | null;
  readonly reference: string | null;
  readonly lastRevision: number;
}

type ClaimEventType =
  | 'TransportSubsidyClaimed'
  | 'TransportSubsidyApproved'
  | 'TransportSubsidyRejected'
  | 'TransportSubsidyPaid';

export const transportSubsidyClaimsProjection: KeyedProjection<TransportSubsidyClaimDoc, ClaimEventType> = {
  name: 'transport-subsidy-claims',
  handles: [
    'TransportSubsidyClaimed',
    'TransportSubsidyApproved',
    'TransportSubsidyRejected',
    'TransportSubsidyPaid',
  ],
  keyOf: (event) => transportSubsidyKey(event.data.workerId, event.data.year),
  evolve(doc, event) {
    switch (event.type) {
      case 'TransportSubsidyClaimed': {
        const { subsidyId, workerId, householdId, countyCode, year, claimNo } = event.data;
        const { travelDate, destinationProvince, claimedAt } = event.data;
        return {
          subsidyId,
          workerId,
          householdId,
          countyCode,
          year,
          status: 'claimed',
          claimNo,
          travelDate,
          destinationProvince,
          claimedAt,
          amount: null,
          approvedAt: null,
          rejectionReason: null,
          rejectedAt: null,
          paidAt: null,
          reference: null,
          lastRevision: event.revision,
        };
      }
      case 'TransportSubsidyApproved':
        return (
          doc && { ...doc, status: 'approved', amount: event.data.amount, approvedAt: event.data.approvedAt }
        );
      case 'TransportSubsidyRejected':
        return (
          doc && {
            ...doc,
            status: 'rejected',
            rejectionReason: event.data.reason,
            rejectedAt: event.data.rejectedAt,
          }
        );
      case 'TransportSubsidyPaid':
        return (
          doc && {
            ...doc,
            status: 'paid',
            amount: event.data.amount,
            paidAt: event.data.paidAt,
            reference: event.data.reference,
          }
        );
    }
  },
};

import type { EventData, EventsOfStream } from '@contracts';
import { assertNever } from '../shared/decider';

export type TransportSubsidyEvent = EventsOfStream<'transportSubsidy'>;

/** The claim in force: the last one made (a rejected claim is followed by a new one, with the next number). */
export type SubsidyClaim = EventData<'TransportSubsidyClaimed'>;

/**
 * A subsidy's life once eligible: unclaimed → claimed → approved → paid, or claimed → rejected → claimed again.
 * Eligibility itself is the monitor's (in the household's monitor stream), so it is not part of this state.
 */
export type TransportSubsidyState =
  | { readonly status: 'unclaimed' }
  | { readonly status: 'claimed'; readonly claim: SubsidyClaim }
  | { readonly status: 'rejected'; readonly claim: SubsidyClaim; readonly reason: string }
  | {
      readonly status: 'approved';
      readonly claim: SubsidyClaim;
      readonly amount: number;
      readonly approvedAt: string;
    }
  | {
      readonly status: 'paid';
      readonly claim: SubsidyClaim;
      readonly amount: number;
      readonly approvedAt: string;
      readonly paidAt: string;
      readonly reference: string;
    };

export const initialSubsidyState = (): TransportSubsidyState => ({ status: 'unclaimed' });

export function evolveSubsidy(
  state: TransportSubsidyState,
  event: TransportSubsidyEvent,
): TransportSubsidyState {
  switch (event.type) {
    case 'TransportSubsidyClaimed':
      return { status: 'claimed', claim: event.data };
    case 'TransportSubsidyRejected':
      return state.status === 'claimed'
        ? { status: 'rejected', claim: state.claim, reason: event.data.reason }
        : state;
    case 'TransportSubsidyApproved':
      return state.status === 'claimed'
        ? {
            status: 'approved',
            claim: state.claim,
            amount: event.data.amount,
            approvedAt: event.data.approvedAt,
          }
        : state;
    case 'TransportSubsidyPaid':
      return state.status === 'approved'
        ? { ...state, status: 'paid', paidAt: event.data.paidAt, reference: event.data.reference }
        : state;
    default:
      return assertNever(event);
  }
}

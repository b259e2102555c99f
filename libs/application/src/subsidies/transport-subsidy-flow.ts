/**
 * The transport subsidy's commands (ADR 0016): a subsidy's eligibility is the employment monitor's
 * `TransportSubsidyEligible` in the household's monitor stream, its rates the county's own stream; the flow
 * reads both and decides on the subsidy's stream (`transport-subsidy-<workerId>:<year>`) with the expected
 * revision, so two offices paying at once pay once. Both reads are of the event store, never of a projection
 * that could lag: a subsidy the monitor has just granted can be claimed at once.
 */
import {
  decodeStoredEvent,
  employmentMonitorStream,
  householdStream,
  parseSubsidyId,
  parseWorkerId,
  transportSubsidyRatesStream,
  transportSubsidyStream,
  type EventMetadata,
} from '@contracts';
import {
  subsidyRatesDecider,
  transportSubsidyDecider,
  type SubsidyEligibility,
  type SubsidyRates,
  type TransportSubsidyCommand,
} from '@lib/domain/subsidies';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { loadState, runDecider, type EventStore, type Position } from '@lib/event-store';
import type { FlowOutcome } from '../shared/flow-outcome';

export interface SubsidyContext {
  readonly store: EventStore;
  readonly now: string;
  readonly metadata: EventMetadata;
}

export type SubsidyOutcome = FlowOutcome<{ readonly subsidyId: string; readonly position: Position }>;

/** The monitor's grant of this subsidy (its worker, household, placement, county), or undefined: no such subsidy. */
export async function loadEligibility(
  store: EventStore,
  subsidyId: string,
): Promise<SubsidyEligibility | undefined> {
  const parsed = parseSubsidyId(subsidyId);
  const worker = parsed && parseWorkerId(parsed.workerId);
  if (!parsed || !worker) return undefined;
  for (const stored of await store.readStream(employmentMonitorStream(worker.householdId))) {
    if (stored.type !== 'TransportSubsidyEligible') continue;
    const event = decodeStoredEvent(stored);
    if (event.type !== 'TransportSubsidyEligible') continue;
    if (event.data.workerId === parsed.workerId && event.data.year === parsed.year) {
      // A placement voided since (the saga's compensation: it never happened) earns nothing to claim or pay.
      const household = await loadState(store, householdStream(worker.householdId), householdDecider);
      const voided =
        household.state.status === 'registered' &&
        household.state.voidedPlacements.has(event.data.placementId);
      return voided ? undefined : { ...event.data };
    }
  }
  return undefined;
}

/** The county's rates in force, undefined until it set some. */
export async function loadRates(store: EventStore, countyCode: string): Promise<SubsidyRates | undefined> {
  return (await loadState(store, transportSubsidyRatesStream(countyCode), subsidyRatesDecider)).state;
}

async function decide(context: SubsidyContext, command: TransportSubsidyCommand): Promise<SubsidyOutcome> {
  const { store, metadata } = context;
  const streamId = transportSubsidyStream(command.subsidyId);
  const result = await runDecider({ store, streamId, decider: transportSubsidyDecider, command, metadata });
  return result.ok ? { ok: true, subsidyId: command.subsidyId, position: result.position } : result;
}

export function claimTransportSubsidy(
  context: SubsidyContext,
  eligibility: SubsidyEligibility,
  subsidyId: string,
  claim: { readonly travelDate: string; readonly destinationProvince: string },
): Promise<SubsidyOutcome> {
  return decide(context, {
    type: 'ClaimTransportSubsidy',
    subsidyId,
    eligibility,
    ...claim,
    now: context.now,
  });
}

/** An approval fixes the amount from the county's rates read now: the table in force at the approval. */
export async function reviewTransportSubsidy(
  context: SubsidyContext,
  eligibility: SubsidyEligibility,
  subsidyId: string,
  review: { readonly decision: 'approve' | 'reject'; readonly reason?: string },
): Promise<SubsidyOutcome> {
  const rates =
    review.decision === 'approve' ? await loadRates(context.store, eligibility.countyCode) : undefined;
  return decide(context, { type: 'ReviewTransportSubsidy', subsidyId, ...review, rates, now: context.now });
}

export function payTransportSubsidy(
  context: SubsidyContext,
  subsidyId: string,
  payment: { readonly amount: number; readonly paidAt: string; readonly reference: string },
): Promise<SubsidyOutcome> {
  return decide(context, { type: 'PayTransportSubsidy', subsidyId, ...payment, now: context.now });
}

export async function setTransportSubsidyRates(
  context: SubsidyContext,
  countyCode: string,
  table: SubsidyRates,
): Promise<FlowOutcome<{ readonly position: Position }>> {
  const { store, metadata, now } = context;
  const result = await runDecider({
    store,
    streamId: transportSubsidyRatesStream(countyCode),
    decider: subsidyRatesDecider,
    command: { type: 'SetTransportSubsidyRates', countyCode, ...table, now },
    metadata,
  });
  return result.ok ? { ok: true, position: result.position } : result;
}

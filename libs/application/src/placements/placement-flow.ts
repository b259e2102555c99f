/**
 * The placement saga (ADR 0002): reserve on the vacancy, place on the household (the commit point), then
 * confirm or release. Its recovery is placement-recovery.ts; its pure next-step logic is in libs/domain.
 */
import { householdStream, parseWorkerId, vacancyStream, type Channel, type EventMetadata } from '@contracts';
import {
  nextPlacementStep,
  placementCandidateOf,
  placementChannel,
  welfareTermOf,
} from '@lib/domain/placements/placement-saga';
import { checkPlacementConstraints } from '@lib/domain/postings/placement-constraints';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import type { Rejection } from '@lib/domain/shared/decider';
import { dayOf } from '@lib/domain/shared/business-dates';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { PlacementDetails } from '@lib/domain/workforce/household.commands';
import { loadState, type EventStore, type Position } from '@lib/event-store';
import { stepOrThrow } from '../shared/flow-step';
import {
  confirmStep,
  placeCommand,
  placeStep,
  releaseStep,
  reserveStep,
  type PlacementRef,
} from './placement-steps';

export interface PlaceWorkerInput {
  readonly store: EventStore;
  readonly placementId: string;
  readonly workerId: string;
  readonly vacancyId: string;
  readonly brokerId: string;
  /** Must equal the channel that follows from the vacancy when given. */
  readonly channel?: Channel;
  /** Defaults to the day of `now` in Guizhou. */
  readonly startDate?: string;
  readonly recommendationRank?: number;
  readonly overrideReason?: string;
  readonly now: string;
  readonly metadata: EventMetadata;
}

export type PlaceWorkerResult =
  | { readonly ok: true; readonly placementId: string; readonly position: Position }
  | { readonly ok: false; readonly rejection: Rejection };

const refused = (rejection: Rejection): PlaceWorkerResult => ({ ok: false, rejection });

/** Places a worker; safe to call again with the same placementId (it resumes or repeats the answer). */
export async function placeWorker(input: PlaceWorkerInput): Promise<PlaceWorkerResult> {
  const { store, placementId, workerId, vacancyId, now, metadata } = input;
  const householdId = parseWorkerId(workerId)?.householdId;
  if (!householdId) return refused({ code: 'not_found', message: `${workerId} is not a worker id` });
  const [vacancy, household] = await Promise.all([
    loadState(store, vacancyStream(vacancyId), vacancyDecider),
    loadState(store, householdStream(householdId), householdDecider),
  ]);
  if (vacancy.state.status === 'none')
    return refused({ code: 'not_found', message: `Vacancy ${vacancyId} does not exist` });
  const worker = placementCandidateOf(household.state, workerId);
  if (!worker) return refused({ code: 'not_found', message: `Worker ${workerId} does not exist` });
  const channel = placementChannel(vacancy.state);
  if (input.channel && input.channel !== channel) {
    return refused({
      code: 'invalid_value',
      message: `A placement into vacancy ${vacancyId} is ${channel}, not ${input.channel}`,
    });
  }
  const ref: PlacementRef = { store, placementId, workerId, householdId, vacancyId, now, metadata };
  const { brokerId, recommendationRank, overrideReason } = input;
  // Today in Guizhou, as every business date (ADR 0009).
  const startDate = input.startDate ?? dayOf(now);
  const details: PlacementDetails = {
    channel,
    brokerId,
    startDate,
    recommendationRank,
    overrideReason,
    ...welfareTermOf(vacancy.state, startDate),
  };
  const next = nextPlacementStep(vacancy.state, household.state, placementId);
  switch (next.step) {
    case 'done':
      return next.outcome === 'placed'
        ? { ok: true, placementId, position: vacancy.position }
        : refused({ code: 'forbidden_transition', message: `Placement ${placementId} was released` });
    case 'inconsistent':
      throw new Error(next.message);
    case 'release':
      await stepOrThrow(releaseStep(ref, 'placement_voided'));
      return refused({
        code: 'placement_voided',
        message: `Placement ${placementId} was voided by recovery`,
      });
    case 'confirm':
      return confirmed(ref);
    case 'reserve': {
      // Refused before an opening is held: the placement rules, then the household's own decision on the
      // state just read (it decides again at the commit point, where a race can still refuse it).
      const violation = checkPlacementConstraints(vacancy.state, worker, now);
      if (violation) return refused(violation);
      const householdNow = householdDecider.decide(placeCommand(ref, details), household.state);
      if (!householdNow.ok) return refused(householdNow.rejection);
      const reserved = await reserveStep(ref);
      if (!reserved.ok) return reserved;
      break;
    }
    case 'place':
      break;
  }
  const placed = await placeStep(ref, details);
  if (!placed.ok) {
    await stepOrThrow(releaseStep(ref, placed.rejection.code));
    return placed;
  }
  return confirmed(ref);
}

async function confirmed(ref: PlacementRef): Promise<PlaceWorkerResult> {
  const result = await stepOrThrow(confirmStep(ref));
  return { ok: true, placementId: ref.placementId, position: result.position };
}

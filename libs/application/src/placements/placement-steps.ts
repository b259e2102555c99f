/**
 * The saga's single-stream steps (ADR 0002), each with an event id derived from the placement and the step,
 * so a retried step appends nothing new.
 */
import { householdStream, vacancyStream, type EventMetadata } from '@contracts';
import { sagaEventId, type SagaStepName } from '@lib/domain/placements/placement-saga';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import type { VacancyCommand } from '@lib/domain/postings/vacancy.commands';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { HouseholdCommand, PlacementDetails } from '@lib/domain/workforce/household.commands';
import type { EventStore } from '@lib/event-store';
import { runStep, type StepResult } from '../shared/flow-step';

export interface PlacementRef {
  readonly store: EventStore;
  readonly placementId: string;
  readonly workerId: string;
  readonly householdId: string;
  readonly vacancyId: string;
  readonly now: string;
  readonly metadata: EventMetadata;
}

const onVacancy = (ref: PlacementRef, step: SagaStepName, command: VacancyCommand): Promise<StepResult> =>
  runStep(
    ref.store,
    {
      streamId: vacancyStream(ref.vacancyId),
      decider: vacancyDecider,
      command,
      eventId: sagaEventId(ref.placementId, step),
    },
    ref.metadata,
  );

const onHousehold = (ref: PlacementRef, step: SagaStepName, command: HouseholdCommand): Promise<StepResult> =>
  runStep(
    ref.store,
    {
      streamId: householdStream(ref.householdId),
      decider: householdDecider,
      command,
      eventId: sagaEventId(ref.placementId, step),
    },
    ref.metadata,
  );

/** Step 1: hold an opening (vacancy_full, vacancy_closed, vacancy_expired). */
export function reserveStep(ref: PlacementRef): Promise<StepResult> {
  const { placementId, workerId, householdId, vacancyId, now } = ref;
  return onVacancy(ref, 'reserve', {
    type: 'ReserveOpening',
    vacancyId,
    placementId,
    workerId,
    householdId,
    now,
  });
}

/** The household command of step 2; the flow also decides it on the state it read before reserving. */
export function placeCommand(ref: PlacementRef, details: PlacementDetails): HouseholdCommand {
  const { placementId, workerId, vacancyId, now } = ref;
  return { type: 'PlaceWorker', placementId, workerId, vacancyId, now, ...details };
}

/** Step 2, the commit point (worker_already_employed, placement_voided). */
export function placeStep(ref: PlacementRef, details: PlacementDetails): Promise<StepResult> {
  return onHousehold(ref, 'place', placeCommand(ref, details));
}

/** Step 3 on success. */
export function confirmStep(ref: PlacementRef): Promise<StepResult> {
  const { placementId, vacancyId, now } = ref;
  return onVacancy(ref, 'confirm', { type: 'ConfirmReservation', vacancyId, placementId, now });
}

/** Step 3 as compensation; `reason` is the rejection code that stopped step 2, or why recovery voided it. */
export function releaseStep(ref: PlacementRef, reason: string): Promise<StepResult> {
  const { placementId, vacancyId, now } = ref;
  return onVacancy(ref, 'release', { type: 'ReleaseReservation', vacancyId, placementId, reason, now });
}

/** Recovery: the placement never happened. Refused (forbidden_transition) when a late WorkerPlaced won. */
export function voidStep(ref: PlacementRef, reason: string): Promise<StepResult> {
  const { placementId, workerId, vacancyId, now } = ref;
  return onHousehold(ref, 'void', { type: 'VoidPlacement', workerId, placementId, vacancyId, reason, now });
}

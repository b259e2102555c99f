/**
 * The saga's single-stream steps (ADR 0002), each a runDecider call with an event id derived from the
 * placement and the step, so a retried step appends nothing new.
 */
import { householdStream, vacancyStream, type Channel, type EventMetadata } from '@contracts';
import type { Rejection } from '@lib/domain/shared/decider';
import { sagaEventId } from '@lib/domain/placements/placement-saga';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { EventStore, Position } from '../event-store.port';
import { runDecider } from './decider-runner';

export interface PlacementRef {
  readonly store: EventStore;
  readonly placementId: string;
  readonly workerId: string;
  readonly householdId: string;
  readonly vacancyId: string;
  readonly now: string;
  readonly metadata: EventMetadata;
}

export type StepResult =
  { readonly ok: true; readonly position: Position } | { readonly ok: false; readonly rejection: Rejection };

const settled = (r: { ok: true; position: Position } | { ok: false; rejection: Rejection }): StepResult =>
  r.ok ? { ok: true, position: r.position } : { ok: false, rejection: r.rejection };

/** Step 1: hold an opening (vacancy_full, vacancy_closed, vacancy_expired). */
export async function reserveStep(ref: PlacementRef): Promise<StepResult> {
  const { store, placementId, workerId, householdId, vacancyId, now, metadata } = ref;
  return settled(
    await runDecider({
      store,
      streamId: vacancyStream(vacancyId),
      decider: vacancyDecider,
      command: { type: 'ReserveOpening', vacancyId, placementId, workerId, householdId, now },
      metadata,
      eventIds: () => sagaEventId(placementId, 'reserve'),
    }),
  );
}

export interface PlaceDetails {
  readonly channel: Channel;
  readonly brokerId: string;
  readonly startDate: string;
  readonly recommendationRank?: number;
  readonly overrideReason?: string;
}

/** Step 2, the commit point (worker_already_employed, placement_voided). */
export async function placeStep(ref: PlacementRef, details: PlaceDetails): Promise<StepResult> {
  const { store, placementId, workerId, householdId, vacancyId, now, metadata } = ref;
  return settled(
    await runDecider({
      store,
      streamId: householdStream(householdId),
      decider: householdDecider,
      command: { type: 'PlaceWorker', placementId, workerId, vacancyId, now, ...details },
      metadata,
      eventIds: () => sagaEventId(placementId, 'place'),
    }),
  );
}

/** Step 3 on success. */
export async function confirmStep(ref: PlacementRef): Promise<StepResult> {
  const { store, placementId, vacancyId, now, metadata } = ref;
  return settled(
    await runDecider({
      store,
      streamId: vacancyStream(vacancyId),
      decider: vacancyDecider,
      command: { type: 'ConfirmReservation', vacancyId, placementId, now },
      metadata,
      eventIds: () => sagaEventId(placementId, 'confirm'),
    }),
  );
}

/** Step 3 as compensation; `reason` is the rejection code that stopped step 2, or why recovery voided it. */
export async function releaseStep(ref: PlacementRef, reason: string): Promise<StepResult> {
  const { store, placementId, vacancyId, now, metadata } = ref;
  return settled(
    await runDecider({
      store,
      streamId: vacancyStream(vacancyId),
      decider: vacancyDecider,
      command: { type: 'ReleaseReservation', vacancyId, placementId, reason, now },
      metadata,
      eventIds: () => sagaEventId(placementId, 'release'),
    }),
  );
}

/** Recovery: the placement never happened. Refused (forbidden_transition) when a late WorkerPlaced won. */
export async function voidStep(ref: PlacementRef, reason: string): Promise<StepResult> {
  const { store, placementId, workerId, householdId, vacancyId, now, metadata } = ref;
  return settled(
    await runDecider({
      store,
      streamId: householdStream(householdId),
      decider: householdDecider,
      command: { type: 'VoidPlacement', workerId, placementId, vacancyId, reason, now },
      metadata,
      eventIds: () => sagaEventId(placementId, 'void'),
    }),
  );
}

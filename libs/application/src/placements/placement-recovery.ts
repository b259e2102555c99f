/**
 * The recovery of the placement saga (ADR 0002): every reservation a crash left pending is confirmed when the
 * household committed the placement, else the placement is voided on the household and the opening released.
 */
import { decodeStoredEvent, householdStream, streamKindOf, vacancyStream } from '@contracts';
import { recoveryStep } from '@lib/domain/placements/placement-saga';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { loadState, type EventStore, type RecordedEvent } from '@lib/event-store';
import type { FlowRecovery, RecoveryContext, RecoveryReport } from '../shared/flow-recovery';
import { stepOrThrow } from '../shared/flow-step';
import { confirmStep, releaseStep, voidStep, type PlacementRef } from './placement-steps';

export interface PendingReservation {
  readonly vacancyId: string;
  readonly placementId: string;
  readonly workerId: string;
  readonly householdId: string;
  readonly reservedAt: string;
}

/** Finishes the given pending reservations: confirm when the household committed, else void then release. */
export async function recoverReservations(
  context: RecoveryContext,
  pending: readonly PendingReservation[],
): Promise<RecoveryReport> {
  const cutoff = context.startedBefore ? Date.parse(context.startedBefore) : Infinity;
  const finished: string[] = [];
  const compensated: string[] = [];
  for (const reservation of pending) {
    if (Date.parse(reservation.reservedAt) > cutoff) continue;
    const outcome = await recoverOne(context, reservation);
    (outcome === 'confirmed' ? finished : compensated).push(reservation.placementId);
  }
  return { finished, compensated };
}

/** The pending reservations of some vacancies (read from their streams), finished. */
export async function recoverPendingPlacements(
  context: RecoveryContext,
  vacancyIds: readonly string[],
): Promise<RecoveryReport> {
  return recoverReservations(context, await pendingInVacancies(context.store, vacancyIds));
}

/** The placement saga's recovery: the pending reservations seen in the log, finished. */
export function placementRecovery(): FlowRecovery {
  const pending = new Map<string, PendingReservation>();
  return {
    flow: 'placement',
    observe: (record) => observeReservation(pending, record),
    recover: (context) => recoverReservations(context, [...pending.values()]),
  };
}

async function recoverOne(
  { store, now, metadata }: RecoveryContext,
  reservation: PendingReservation,
): Promise<'confirmed' | 'released'> {
  const ref: PlacementRef = { store, now, metadata, ...reservation };
  const household = await loadState(store, householdStream(reservation.householdId), householdDecider);
  switch (recoveryStep(household.state, reservation.placementId)) {
    case 'confirm':
      await stepOrThrow(confirmStep(ref));
      return 'confirmed';
    case 'release':
      await stepOrThrow(releaseStep(ref, 'placement_voided'));
      return 'released';
    case 'void_then_release': {
      const voided = await voidStep(ref, 'recovery: no WorkerPlaced for a pending reservation');
      // The void lost the race to a late WorkerPlaced: the placement happened after all.
      if (!voided.ok && voided.rejection.code === 'forbidden_transition') {
        await stepOrThrow(confirmStep(ref));
        return 'confirmed';
      }
      if (!voided.ok) throw new Error(`Void refused: ${voided.rejection.code}: ${voided.rejection.message}`);
      await stepOrThrow(releaseStep(ref, 'placement_voided'));
      return 'released';
    }
  }
}

async function pendingInVacancies(
  store: EventStore,
  vacancyIds: readonly string[],
): Promise<PendingReservation[]> {
  const out: PendingReservation[] = [];
  for (const vacancyId of vacancyIds) {
    const { state } = await loadState(store, vacancyStream(vacancyId), vacancyDecider);
    if (state.status === 'none') continue;
    for (const r of state.reservations.values()) if (r.status === 'pending') out.push({ vacancyId, ...r });
  }
  return out;
}

const RESERVATION_EVENTS = new Set([
  'VacancyOpeningReserved',
  'VacancyReservationConfirmed',
  'VacancyReservationReleased',
]);

/** Keeps track of the reservations still pending, decoding only the three reservation events. */
function observeReservation(pending: Map<string, PendingReservation>, recorded: RecordedEvent): void {
  if (!RESERVATION_EVENTS.has(recorded.type) || streamKindOf(recorded.streamId) !== 'vacancy') return;
  const event = decodeStoredEvent(recorded);
  if (event.type === 'VacancyOpeningReserved') {
    const { vacancyId, placementId, workerId, householdId, reservedAt } = event.data;
    pending.set(`${vacancyId}/${placementId}`, { vacancyId, placementId, workerId, householdId, reservedAt });
  } else if (event.type === 'VacancyReservationConfirmed' || event.type === 'VacancyReservationReleased') {
    pending.delete(`${event.data.vacancyId}/${event.data.placementId}`);
  }
}

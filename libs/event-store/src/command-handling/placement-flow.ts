/**
 * The I/O shell of the placement saga (ADR 0002): reserve on the vacancy, place on the household (the
 * commit point), then confirm or release; and the recovery pass for reservations a crash left pending.
 */
import {
  type Channel,
  decodeStoredEvent,
  type EventMetadata,
  householdStream,
  parseWorkerId,
  streamKindOf,
  vacancyStream,
} from '@contracts';
import {
  nextPlacementStep,
  placementCandidateOf,
  placementChannel,
  recoveryStep,
} from '@lib/domain/placements/placement-saga';
import { checkPlacementConstraints } from '@lib/domain/postings/placement-constraints';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import type { Rejection } from '@lib/domain/shared/decider';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { EventStore, Position } from '../event-store.port';
import { loadState } from './decider-runner';
import {
  confirmStep,
  placeStep,
  type PlacementRef,
  releaseStep,
  reserveStep,
  voidStep,
} from './placement-steps';

export interface PlaceWorkerInput {
  readonly store: EventStore;
  readonly placementId: string;
  readonly workerId: string;
  readonly vacancyId: string;
  readonly brokerId: string;
  /** Must equal the channel that follows from the vacancy when given. */
  readonly channel?: Channel;
  /** Defaults to the date of `now`. */
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
  const next = nextPlacementStep(vacancy.state, household.state, placementId);
  switch (next.step) {
    case 'done':
      return next.outcome === 'placed'
        ? { ok: true, placementId, position: vacancy.position }
        : refused({ code: 'forbidden_transition', message: `Placement ${placementId} was released` });
    case 'inconsistent':
      throw new Error(next.message);
    case 'release':
      await orThrow(releaseStep(ref, 'placement_voided'));
      return refused({
        code: 'placement_voided',
        message: `Placement ${placementId} was voided by recovery`,
      });
    case 'confirm':
      return confirmed(ref);
    case 'reserve': {
      // Checked before holding an opening; the household re-checks employment at the commit point.
      const violation = checkPlacementConstraints(vacancy.state, worker, now);
      if (violation) return refused(violation);
      if (
        household.state.status === 'registered' &&
        household.state.workers.get(workerId)?.activeEmployment
      ) {
        return refused({
          code: 'worker_already_employed',
          message: `Worker ${workerId} already has an active employment`,
        });
      }
      const reserved = await reserveStep(ref);
      if (!reserved.ok) return reserved;
      break;
    }
    case 'place':
      break;
  }
  const { brokerId, recommendationRank, overrideReason } = input;
  const startDate = input.startDate ?? now.slice(0, 10);
  const placed = await placeStep(ref, { channel, brokerId, startDate, recommendationRank, overrideReason });
  if (!placed.ok) {
    await orThrow(releaseStep(ref, placed.rejection.code));
    return placed;
  }
  return confirmed(ref);
}

async function confirmed(ref: PlacementRef): Promise<PlaceWorkerResult> {
  const result = await orThrow(confirmStep(ref));
  return { ok: true, placementId: ref.placementId, position: result.position };
}

/** Confirm and release of a pending reservation cannot be refused by the protocol; if one is, it is a bug. */
async function orThrow(step: ReturnType<typeof confirmStep>): Promise<{ ok: true; position: Position }> {
  const result = await step;
  if (!result.ok) throw new Error(`Saga step refused: ${result.rejection.code}: ${result.rejection.message}`);
  return result;
}

export interface PendingReservation {
  readonly vacancyId: string;
  readonly placementId: string;
  readonly workerId: string;
  readonly householdId: string;
  readonly reservedAt: string;
}

export interface RecoveryOptions {
  readonly now: string;
  readonly metadata: EventMetadata;
  /** Only these vacancies; otherwise one pass over the global log finds every pending reservation. */
  readonly vacancyIds?: readonly string[];
  /** The lease: recover only reservations made at or before this time (a live flow may own newer ones). */
  readonly reservedBefore?: string;
}

export interface RecoveryReport {
  readonly confirmed: string[];
  readonly released: string[];
}

/** Finishes every pending reservation: confirm when the household committed, else void then release. */
export async function recoverPendingPlacements(
  store: EventStore,
  options: RecoveryOptions,
): Promise<RecoveryReport> {
  const pending = options.vacancyIds
    ? await pendingInVacancies(store, options.vacancyIds)
    : await pendingInLog(store);
  const cutoff = options.reservedBefore ? Date.parse(options.reservedBefore) : Infinity;
  const report: RecoveryReport = { confirmed: [], released: [] };
  for (const reservation of pending) {
    if (Date.parse(reservation.reservedAt) > cutoff) continue;
    const outcome = await recoverOne(store, reservation, options);
    report[outcome].push(reservation.placementId);
  }
  return report;
}

async function recoverOne(
  store: EventStore,
  reservation: PendingReservation,
  { now, metadata }: RecoveryOptions,
): Promise<'confirmed' | 'released'> {
  const ref: PlacementRef = { store, now, metadata, ...reservation };
  const household = await loadState(store, householdStream(reservation.householdId), householdDecider);
  switch (recoveryStep(household.state, reservation.placementId)) {
    case 'confirm':
      await orThrow(confirmStep(ref));
      return 'confirmed';
    case 'release':
      await orThrow(releaseStep(ref, 'placement_voided'));
      return 'released';
    case 'void_then_release': {
      const voided = await voidStep(ref, 'recovery: no WorkerPlaced for a pending reservation');
      // The void lost the race to a late WorkerPlaced: the placement happened after all.
      if (!voided.ok && voided.rejection.code === 'forbidden_transition') {
        await orThrow(confirmStep(ref));
        return 'confirmed';
      }
      if (!voided.ok) throw new Error(`Void refused: ${voided.rejection.code}: ${voided.rejection.message}`);
      await orThrow(releaseStep(ref, 'placement_voided'));
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

/** One pass over the global log, decoding only the three reservation events. */
async function pendingInLog(store: EventStore): Promise<PendingReservation[]> {
  const pending = new Map<string, PendingReservation>();
  for await (const recorded of store.readAll()) {
    if (streamKindOf(recorded.streamId) !== 'vacancy') continue;
    if (!recorded.type.startsWith('Vacancy') || !/Reserv/.test(recorded.type)) continue;
    const event = decodeStoredEvent(recorded);
    if (event.type === 'VacancyOpeningReserved') {
      const { vacancyId, placementId, workerId, householdId, reservedAt } = event.data;
      pending.set(`${vacancyId}/${placementId}`, {
        vacancyId,
        placementId,
        workerId,
        householdId,
        reservedAt,
      });
    } else if (event.type === 'VacancyReservationConfirmed' || event.type === 'VacancyReservationReleased') {
      pending.delete(`${event.data.vacancyId}/${event.data.placementId}`);
    }
  }
  return [...pending.values()];
}

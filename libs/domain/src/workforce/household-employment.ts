import { accept, alreadyDone, type Decision, reject } from '../shared/decider';
import type {
  EndEmployment,
  PlaceWorker,
  ReportEmployment,
  VerifyEmployment,
  VoidPlacement,
} from './household.commands';
import type { HouseholdEvent, RegisteredHousehold, WorkerState } from './household.state';

type Result = Decision<HouseholdEvent>;

const alreadyEmployed = (worker: WorkerState): Result =>
  reject('worker_already_employed', `Worker ${worker.workerId} already has an active employment`, {
    employmentId: worker.activeEmployment?.employmentId,
  });

export function reportEmployment(
  command: ReportEmployment,
  state: RegisteredHousehold,
  worker: WorkerState,
): Result {
  const known = state.employments.get(command.employmentId);
  if (known) {
    return known.workerId === worker.workerId
      ? alreadyDone()
      : reject('invalid_value', `Employment ${command.employmentId} belongs to another worker`);
  }
  if (worker.activeEmployment) return alreadyEmployed(worker);
  const { type: _type, now, ...report } = command;
  return accept({
    type: 'EmploymentReported',
    data: { ...report, householdId: state.householdId, reportedAt: now },
  });
}

/**
 * The commit point of the placement saga. Pending reservations elsewhere are not the household's concern:
 * the first WorkerPlaced wins and the others' reservations are released. Constraints that need the
 * vacancy are checked before step 1; capacity `none` is refused here too, since it is the worker's own fact.
 */
export function placeWorker(command: PlaceWorker, state: RegisteredHousehold, worker: WorkerState): Result {
  const { placementId } = command;
  const placed = state.placements.get(placementId);
  if (placed) {
    return placed.workerId === worker.workerId
      ? alreadyDone()
      : reject('invalid_value', `Placement ${placementId} placed another worker`);
  }
  if (state.voidedPlacements.has(placementId)) {
    return reject('placement_voided', `Placement ${placementId} was voided by recovery`);
  }
  if (state.employments.has(placementId))
    return reject('invalid_value', `Id ${placementId} is already an employment id`);
  if (worker.activeEmployment) return alreadyEmployed(worker);
  if (worker.labourCapacity === 'none') {
    return reject('constraint_violated', `Worker ${worker.workerId} has no labour capacity`);
  }
  const { type: _type, now, ...placement } = command;
  return accept({
    type: 'WorkerPlaced',
    data: { ...placement, householdId: state.householdId, placedAt: now },
  });
}

/** Ending an employment that already ended appends nothing (a retried request); an unknown one is refused. */
export function endEmployment(
  command: EndEmployment,
  state: RegisteredHousehold,
  worker: WorkerState,
): Result {
  const { employmentId } = command;
  if (worker.activeEmployment?.employmentId !== employmentId) {
    const known = state.employments.get(employmentId);
    if (known?.workerId === worker.workerId && !known.active) return alreadyDone();
    return reject('not_employed', `Worker ${worker.workerId} has no active employment ${employmentId}`);
  }
  return accept({
    type: 'EmploymentEnded',
    data: {
      workerId: worker.workerId,
      householdId: state.householdId,
      employmentId,
      reason: command.reason,
      endedAt: command.now,
    },
  });
}

/**
 * A follow-up check of an active employment. "No longer employed" is recorded and ends the employment in
 * the same append (EmploymentVerified then EmploymentEnded), so household status never lags the check.
 */
export function verifyEmployment(
  command: VerifyEmployment,
  state: RegisteredHousehold,
  worker: WorkerState,
): Result {
  const { employmentId, method, now } = command;
  if (worker.activeEmployment?.employmentId !== employmentId) {
    return reject('not_employed', `Worker ${worker.workerId} has no active employment ${employmentId}`);
  }
  const ids = { workerId: worker.workerId, householdId: state.householdId, employmentId };
  const verified: HouseholdEvent = {
    type: 'EmploymentVerified',
    data: { ...ids, stillEmployed: command.stillEmployed, method, verifiedAt: now },
  };
  if (command.stillEmployed) return accept(verified);
  return accept(verified, {
    type: 'EmploymentEnded',
    data: { ...ids, reason: command.endReason, endedAt: now },
  });
}

/** Recovery's half of the race with a late WorkerPlaced: whichever is appended first wins. */
export function voidPlacement(
  command: VoidPlacement,
  state: RegisteredHousehold,
  worker: WorkerState,
): Result {
  const { placementId } = command;
  if (state.voidedPlacements.has(placementId)) return alreadyDone();
  if (state.placements.has(placementId)) {
    return reject('forbidden_transition', `Placement ${placementId} is placed and cannot be voided`);
  }
  return accept({
    type: 'PlacementVoided',
    data: {
      placementId,
      workerId: worker.workerId,
      householdId: state.householdId,
      vacancyId: command.vacancyId,
      reason: command.reason,
      voidedAt: command.now,
    },
  });
}

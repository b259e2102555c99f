import type { EmploymentEndReason } from '@contracts';
import { accept, alreadyDone, type Decision, reject } from '../shared/decider';
import { startDateRefusal, withinEmploymentRefusal } from './employment-dates';
import type { EndEmployment, PlaceWorker, ReportEmployment, VoidPlacement } from './household.commands';
import type { HouseholdEvent, RegisteredHousehold, WorkerState } from './household.state';
import { termHasEnded } from './welfare-term';

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
  const refusal = startDateRefusal(command.startDate, worker.birthYear, command.now, 'startDate');
  if (refusal) return refusal;
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
  const refusal = startDateRefusal(command.startDate, worker.birthYear, command.now, 'startDate');
  if (refusal) return refusal;
  // A public-welfare post whose term has already run out (a start date far back) would count the household
  // as covered now and then be ended before it was placed: there is nothing left to place into.
  if (command.welfareTermEndsOn !== undefined && termHasEnded(command.welfareTermEndsOn, command.now)) {
    return reject(
      'invalid_value',
      `A public-welfare term starting on ${command.startDate} ended on ${command.welfareTermEndsOn}`,
      { field: 'startDate' },
    );
  }
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

/**
 * Ends the worker's active employment at `endedAt` (business time, checked) or `now`. An employment that already
 * ended: the same end again (same reason, and the same time when one is given) is a retried request and appends
 * nothing; any other end is refused, `not_employed`, as is an employment the worker never had.
 */
export function endEmployment(
  command: EndEmployment,
  state: RegisteredHousehold,
  worker: WorkerState,
): Result {
  const { employmentId, endedAt, now } = command;
  const active = worker.activeEmployment;
  if (active?.employmentId !== employmentId) return endOfEndedEmployment(command, state, worker);
  // Without a time, the end is now: a job recorded with a start in the future (before dates were checked) can
  // still be ended.
  const refusal =
    endedAt === undefined ? undefined : withinEmploymentRefusal(endedAt, active.startDate, now, 'endedAt');
  if (refusal) return refusal;
  return accept(
    employmentEnded(state, worker, { employmentId, reason: command.reason, endedAt: endedAt ?? now }),
  );
}

/** The worker's employment `employmentId` ends, for `reason`, at `endedAt`: the event every end appends. */
export function employmentEnded(
  state: RegisteredHousehold,
  worker: WorkerState,
  end: { readonly employmentId: string; readonly reason: EmploymentEndReason; readonly endedAt: string },
): HouseholdEvent {
  return {
    type: 'EmploymentEnded',
    data: { workerId: worker.workerId, householdId: state.householdId, ...end },
  };
}

function endOfEndedEmployment(
  command: EndEmployment,
  state: RegisteredHousehold,
  worker: WorkerState,
): Result {
  const { employmentId, reason, endedAt } = command;
  const known = state.employments.get(employmentId);
  const ended = known?.workerId === worker.workerId ? known.ended : undefined;
  if (!ended) {
    return reject('not_employed', `Worker ${worker.workerId} has no active employment ${employmentId}`);
  }
  const sameTime = endedAt === undefined || Date.parse(endedAt) === Date.parse(ended.endedAt);
  if (ended.reason === reason && sameTime) return alreadyDone();
  return reject(
    'not_employed',
    `Employment ${employmentId} already ended at ${ended.endedAt} (${ended.reason})`,
    { endedAt: ended.endedAt, reason: ended.reason },
  );
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

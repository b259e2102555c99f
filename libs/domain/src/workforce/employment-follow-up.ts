import { startOfDay } from '../shared/business-dates';
import { accept, type Decision, reject } from '../shared/decider';
import { startDateRefusal, withinEmploymentRefusal } from './employment-dates';
import { employmentEnded } from './household-employment';
import type { VerifyEmployment } from './household.commands';
import type { Employment, HouseholdEvent, RegisteredHousehold, WorkerState } from './household.state';

type Result = Decision<HouseholdEvent>;
type ChangedJob = Extract<VerifyEmployment, { outcome: 'changed_job' }>;

/**
 * A follow-up check of an active employment (稳岗回访), at `visitedAt` (business time, checked: not in the
 * future, not before the job started) or `now`. What it found is decided in one append, so the household's
 * status never lags the check:
 * - `still_employed`: EmploymentVerified;
 * - `left`: EmploymentVerified, then EmploymentEnded at the visit;
 * - `changed_job`: EmploymentVerified, EmploymentEnded, and the new job as an EmploymentReported from a cadre's
 *   visit: the household is never without employment between the two.
 */
export function verifyEmployment(
  command: VerifyEmployment,
  state: RegisteredHousehold,
  worker: WorkerState,
): Result {
  const { employmentId, method, visitedAt, note, now } = command;
  const active = worker.activeEmployment;
  if (active?.employmentId !== employmentId) {
    return reject('not_employed', `Worker ${worker.workerId} has no active employment ${employmentId}`);
  }
  const refusal =
    visitedAt === undefined
      ? undefined
      : withinEmploymentRefusal(visitedAt, active.startDate, now, 'visitedAt');
  if (refusal) return refusal;
  const verifiedAt = visitedAt ?? now;
  const ids = { workerId: worker.workerId, householdId: state.householdId, employmentId };
  const verified: HouseholdEvent = {
    type: 'EmploymentVerified',
    data: {
      ...ids,
      stillEmployed: command.outcome === 'still_employed',
      method,
      outcome: command.outcome,
      ...(note === undefined ? {} : { note }),
      verifiedAt,
    },
  };
  switch (command.outcome) {
    case 'still_employed':
      return accept(verified);
    case 'left':
      return accept(
        verified,
        employmentEnded(state, worker, { employmentId, reason: command.endReason, endedAt: verifiedAt }),
      );
    case 'changed_job':
      return changedJob(command, state, worker, active, verified);
  }
}

/**
 * The old job ends when the new one started if that was before the visit (so the worker never holds two jobs
 * at once in the record), else at the visit; the new one may not start before the old one did.
 */
function changedJob(
  command: ChangedJob,
  state: RegisteredHousehold,
  worker: WorkerState,
  active: Employment,
  verified: HouseholdEvent,
): Result {
  const { newEmployment, now } = command;
  const field = 'newEmployment.startDate';
  const refusal = startDateRefusal(newEmployment.startDate, worker.birthYear, now, field);
  if (refusal) return refusal;
  if (newEmployment.startDate < active.startDate) {
    return reject('invalid_value', `${field} is before the job it follows started (${active.startDate})`, {
      field,
    });
  }
  if (state.employments.has(newEmployment.employmentId)) {
    return reject('invalid_value', `Id ${newEmployment.employmentId} is already an employment id`);
  }
  const visit = command.visitedAt ?? now;
  const newStart = startOfDay(newEmployment.startDate);
  const endedAt = newStart < Date.parse(visit) ? new Date(newStart).toISOString() : visit;
  const { employmentId, channel, employer, startDate } = newEmployment;
  const { workerId } = worker;
  const { householdId } = state;
  return accept(
    verified,
    employmentEnded(state, worker, { employmentId: active.employmentId, reason: command.endReason, endedAt }),
    {
      type: 'EmploymentReported',
      data: {
        employmentId,
        workerId,
        householdId,
        channel,
        ...(employer === undefined ? {} : { employer }),
        source: 'cadre_visit',
        startDate,
        reportedAt: now,
      },
    },
  );
}

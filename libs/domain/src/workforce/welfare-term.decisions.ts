import { accept, alreadyDone, type Decision, reject } from '../shared/decider';
import { employmentEnded } from './household-employment';
import type { EndEmployment, RenewWelfareTerm } from './household.commands';
import type { HouseholdEvent, RegisteredHousehold, WorkerState } from './household.state';
import { addMonths } from '../shared/business-dates';
import { termEndInstant, termHasEnded } from './welfare-term';

/**
 * The household's two decisions about a public-welfare post's term (有序退岗): the county office renews it
 * before it runs out, and the scheduler ends the placement at the term's end. Apart from the other employment
 * decisions, so each reads on its own.
 */

type Result = Decision<HouseholdEvent>;

/** The worker's active public-welfare placement with this id, or why there is none. */
function activeWelfarePlacement(
  worker: WorkerState,
  placementId: string,
): { ok: true; termEndsOn: string } | { ok: false; result: Result } {
  const employment = worker.activeEmployment;
  if (employment?.employmentId !== placementId) {
    return {
      ok: false,
      result: reject('not_employed', `Worker ${worker.workerId} has no active placement ${placementId}`),
    };
  }
  if (employment.welfareTermEndsOn === undefined) {
    return {
      ok: false,
      result: reject(
        'forbidden_transition',
        `Placement ${placementId} is not a public-welfare post with a term`,
      ),
    };
  }
  return { ok: true, termEndsOn: employment.welfareTermEndsOn };
}

/**
 * Extends the term by `termMonths` from its current end. Refused once the term has ended (its end day has
 * come, whether or not the scheduler has ended the placement yet), for an ended placement and for a placement
 * that is not a public-welfare post.
 */
export function renewWelfareTerm(
  command: RenewWelfareTerm,
  state: RegisteredHousehold,
  worker: WorkerState,
): Result {
  const { placementId, termMonths, now } = command;
  if (!Number.isInteger(termMonths) || termMonths < 1 || termMonths > 60) {
    return reject('invalid_value', 'termMonths is a whole number of months from 1 to 60', {
      field: 'termMonths',
    });
  }
  if (!state.placements.has(placementId))
    return reject('not_found', `Placement ${placementId} does not exist`);
  const placement = activeWelfarePlacement(worker, placementId);
  if (!placement.ok) return placement.result;
  if (termHasEnded(placement.termEndsOn, now)) {
    return reject(
      'forbidden_transition',
      `The term of placement ${placementId} ended on ${placement.termEndsOn}`,
      {
        termEndsOn: placement.termEndsOn,
      },
    );
  }
  return accept({
    type: 'WelfareTermRenewed',
    data: {
      workerId: worker.workerId,
      householdId: state.householdId,
      placementId,
      termEndsOn: addMonths(placement.termEndsOn, termMonths),
      renewedAt: now,
    },
  });
}

/**
 * The end of a term the scheduler found due (`command.termEndsOn`): the placement ends with reason
 * welfare_term_end at the start of that day, only while it is active, its term still ends that day and the
 * day has come. A term renewed since, or a placement already ended, needs nothing (the scheduler's read model
 * moves on); a day not yet come is refused, as an early sweep would be.
 */
export function endAtWelfareTermEnd(
  command: EndEmployment & { readonly termEndsOn: string },
  state: RegisteredHousehold,
  worker: WorkerState,
): Result {
  const { employmentId, termEndsOn, now } = command;
  const known = state.employments.get(employmentId);
  if (known?.workerId === worker.workerId && !known.active) return alreadyDone();
  const placement = activeWelfarePlacement(worker, employmentId);
  if (!placement.ok) return placement.result;
  if (placement.termEndsOn !== termEndsOn) return alreadyDone();
  if (!termHasEnded(termEndsOn, now)) {
    return reject(
      'forbidden_transition',
      `The term of placement ${employmentId} ends on ${termEndsOn}, not yet`,
    );
  }
  return accept(
    employmentEnded(state, worker, {
      employmentId,
      reason: 'welfare_term_end',
      endedAt: termEndInstant(termEndsOn),
    }),
  );
}

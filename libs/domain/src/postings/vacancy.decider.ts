import { accept, alreadyDone, assertNever, type Decider, type Decision, reject } from '../shared/decider';
import { latestVacancyExpiry, MAX_VACANCY_YEARS_AHEAD } from '../shared/business-dates';
import type { PostVacancy, VacancyCommand } from './vacancy.commands';
import {
  evolveVacancy,
  initialVacancyState,
  type PostedVacancyState,
  takenOpenings,
  type VacancyEvent,
  type VacancyState,
} from './vacancy.state';

type Result = Decision<VacancyEvent>;
const later = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

export const vacancyDecider: Decider<VacancyCommand, VacancyState, VacancyEvent> = {
  initialState: initialVacancyState,
  evolve: evolveVacancy,
  decide(command, state) {
    if (command.type === 'PostVacancy') {
      return state.status === 'none'
        ? postVacancy(command)
        : reject('already_exists', `Vacancy ${command.vacancyId} already exists`);
    }
    if (state.status === 'none') return reject('not_found', `Vacancy ${command.vacancyId} does not exist`);
    switch (command.type) {
      case 'ChangeOpenings':
        return changeOpenings(state, command.openings, command.now);
      case 'ExtendExpiry':
        return extendExpiry(state, command.expiresAt, command.now);
      case 'WithdrawVacancy':
        if (state.status === 'withdrawn') return alreadyDone();
        if (state.status === 'expired') return closed(state);
        return accept({
          type: 'VacancyWithdrawn',
          data: { vacancyId: id(state), reason: command.reason, withdrawnAt: command.now },
        });
      case 'ExpireVacancy':
        return expireVacancy(state, command.now);
      case 'ReserveOpening':
        return reserveOpening(state, command);
      case 'ConfirmReservation':
        return settleReservation(state, command.placementId, 'confirmed', command.now);
      case 'ReleaseReservation':
        return settleReservation(state, command.placementId, 'released', command.now, command.reason);
      default:
        return assertNever(command);
    }
  },
};

const id = (state: PostedVacancyState): string => state.posting.vacancyId;
const closed = (state: PostedVacancyState): Result =>
  reject('vacancy_closed', `Vacancy ${id(state)} is ${state.status}`, { status: state.status });

/** An expiry after now and at most MAX_VACANCY_YEARS_AHEAD years later (docs/OPERATIONS.md, business dates). */
function expiryRefusal(expiresAt: string, now: string): Result | undefined {
  if (!later(expiresAt, now))
    return reject('invalid_value', 'expiresAt must be after now', { field: 'expiresAt' });
  const latest = latestVacancyExpiry(now);
  if (later(expiresAt, latest)) {
    return reject(
      'invalid_value',
      `expiresAt is more than ${MAX_VACANCY_YEARS_AHEAD} years ahead (${latest} at the latest)`,
      { field: 'expiresAt' },
    );
  }
  return undefined;
}

function postVacancy(command: PostVacancy): Result {
  const { type: _type, now, ...posting } = command;
  const isWelfare = posting.source.type === 'public_welfare';
  if (isWelfare !== (posting.welfare !== undefined)) {
    return reject('invalid_value', 'Welfare terms are required for a public_welfare post and only for one', {
      field: 'welfare',
    });
  }
  const implausible = expiryRefusal(posting.expiresAt, now);
  if (implausible) return implausible;
  if (posting.ageRange.min > posting.ageRange.max)
    return reject('invalid_value', 'ageRange.min is above ageRange.max', { field: 'ageRange.min' });
  if (posting.wage.min > posting.wage.max)
    return reject('invalid_value', 'wage.min is above wage.max', { field: 'wage.min' });
  if (posting.labourCapacities.includes('none')) {
    return reject('invalid_value', 'A vacancy cannot accept labour capacity "none"', {
      field: 'labourCapacities',
    });
  }
  return accept({
    type: 'VacancyPosted',
    data: {
      ...posting,
      skills: [...posting.skills],
      labourCapacities: [...posting.labourCapacities],
      postedAt: now,
    },
  });
}

function changeOpenings(state: PostedVacancyState, openings: number, now: string): Result {
  if (state.status !== 'open') return closed(state);
  if (openings === state.openings) return alreadyDone();
  const taken = takenOpenings(state);
  if (openings < taken) {
    return reject(
      'invalid_value',
      `Vacancy ${id(state)} has ${taken} openings reserved or filled; openings cannot go below that`,
      { field: 'openings', taken },
    );
  }
  return accept({
    type: 'VacancyOpeningsChanged',
    data: { vacancyId: id(state), openings, previousOpenings: state.openings, changedAt: now },
  });
}

function extendExpiry(state: PostedVacancyState, expiresAt: string, now: string): Result {
  if (state.status !== 'open') return closed(state);
  if (expiresAt === state.expiresAt) return alreadyDone();
  // Expired is a fact of the clock, not of the scheduler's run: a vacancy past its expiry is not reopened.
  if (!later(state.expiresAt, now)) {
    return reject('vacancy_expired', `Vacancy ${id(state)} expired at ${state.expiresAt}`);
  }
  if (!later(expiresAt, state.expiresAt))
    return reject('invalid_value', `expiresAt must be after ${state.expiresAt}`, { field: 'expiresAt' });
  const implausible = expiryRefusal(expiresAt, now);
  if (implausible) return implausible;
  return accept({
    type: 'VacancyExpiryExtended',
    data: { vacancyId: id(state), expiresAt, previousExpiresAt: state.expiresAt, extendedAt: now },
  });
}

/**
 * The scheduler's sweep: an open vacancy whose expiry has come expires AT its expiresAt (whenever the sweep
 * runs, so two replicas decide the same event); a vacancy already closed, either way, needs nothing.
 */
function expireVacancy(state: PostedVacancyState, now: string): Result {
  if (state.status !== 'open') return alreadyDone();
  if (later(state.expiresAt, now)) {
    return reject('forbidden_transition', `Vacancy ${id(state)} expires at ${state.expiresAt}, not yet`);
  }
  return accept({ type: 'VacancyExpired', data: { vacancyId: id(state), expiredAt: state.expiresAt } });
}

function reserveOpening(
  state: PostedVacancyState,
  command: Extract<VacancyCommand, { type: 'ReserveOpening' }>,
): Result {
  const { placementId, workerId, householdId, now } = command;
  const existing = state.reservations.get(placementId);
  if (existing) {
    if (existing.workerId !== workerId) {
      return reject(
        'invalid_value',
        `Placement ${placementId} already reserved an opening for another worker`,
      );
    }
    if (existing.status === 'released') {
      return reject('forbidden_transition', `Placement ${placementId} was released and cannot reserve again`);
    }
    return alreadyDone();
  }
  if (state.status !== 'open') return closed(state);
  if (!later(state.expiresAt, now)) {
    return reject('vacancy_expired', `Vacancy ${id(state)} expired at ${state.expiresAt}`, {
      expiresAt: state.expiresAt,
    });
  }
  if (takenOpenings(state) >= state.openings) {
    return reject(
      'vacancy_full',
      `All ${state.openings} openings of vacancy ${id(state)} are reserved or filled`,
      {
        openings: state.openings,
      },
    );
  }
  return accept({
    type: 'VacancyOpeningReserved',
    data: { vacancyId: id(state), placementId, workerId, householdId, reservedAt: now },
  });
}

/** Confirm or release a pending reservation; allowed on a closed vacancy, since it settles an earlier hold. */
function settleReservation(
  state: PostedVacancyState,
  placementId: string,
  outcome: 'confirmed' | 'released',
  now: string,
  reason = '',
): Result {
  const reservation = state.reservations.get(placementId);
  if (!reservation)
    return reject('not_found', `Vacancy ${id(state)} has no reservation for placement ${placementId}`);
  if (reservation.status === outcome) return alreadyDone();
  if (reservation.status !== 'pending') {
    return reject(
      'forbidden_transition',
      `The reservation for placement ${placementId} is already ${reservation.status}`,
    );
  }
  const vacancyId = id(state);
  return outcome === 'confirmed'
    ? accept({ type: 'VacancyReservationConfirmed', data: { vacancyId, placementId, confirmedAt: now } })
    : accept({
        type: 'VacancyReservationReleased',
        data: { vacancyId, placementId, reason, releasedAt: now },
      });
}

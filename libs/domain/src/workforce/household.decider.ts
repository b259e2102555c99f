import { type EventOfType, workerIdOf } from '@contracts';
import { accept, alreadyDone, assertNever, type Decider, type Decision, reject } from '../shared/decider';
import type {
  AddWorker,
  HouseholdCommand,
  MemberInput,
  RecordService,
  RegisterHousehold,
  UpdateWorkerProfile,
  VoidResidentClaim,
} from './household.commands';
import {
  changeAddress,
  memberDetailsRecorded,
  recordContact,
  secondHeadRefusal,
  withoutDetails,
} from './household-contact';
import { beforeWorkingAgeRefusal, currentEmploymentRefusal } from './employment-dates';
import { verifyEmployment } from './employment-follow-up';
import { endEmployment, placeWorker, reportEmployment, voidPlacement } from './household-employment';
import {
  evolveHousehold,
  type HouseholdEvent,
  type HouseholdState,
  initialHouseholdState,
  type RegisteredHousehold,
  type VoidedClaims,
  type WorkerState,
} from './household.state';
import { endAtWelfareTermEnd, renewWelfareTerm } from './welfare-term.decisions';

type Result = Decision<HouseholdEvent>;

/** memberNo is at most 20 in the contract. */
export const MAX_MEMBERS = 20;

export const householdDecider: Decider<HouseholdCommand, HouseholdState, HouseholdEvent> = {
  initialState: initialHouseholdState,
  evolve: evolveHousehold,
  decide(command, state) {
    if (command.type === 'RegisterHousehold') return registerHousehold(command, state);
    if (command.type === 'VoidResidentClaim') return voidResidentClaim(command, state);
    if (state.status === 'none') return reject('not_found', 'The household does not exist');
    if (command.type === 'AddWorker') return addWorker(command, state);
    if (command.type === 'ChangeAddress') return changeAddress(command, state);
    const worker = state.workers.get(command.workerId);
    if (!worker) return reject('not_found', `Worker ${command.workerId} does not exist`);
    // A public-welfare term's end, as the scheduler asks for it (welfare-term.decisions.ts).
    if (command.type === 'EndEmployment' && command.termEndsOn !== undefined) {
      return endAtWelfareTermEnd({ ...command, termEndsOn: command.termEndsOn }, state, worker);
    }
    switch (command.type) {
      case 'UpdateWorkerProfile':
        return updateProfile(command, worker);
      case 'RecordContact':
        return recordContact(command, state, worker);
      case 'RecordTraining': {
        if (worker.trainingIds.has(command.trainingId)) return alreadyDone();
        if (Date.parse(command.completedAt) > Date.parse(command.now)) {
          return reject('invalid_value', 'A training cannot be completed in the future', {
            field: 'completedAt',
          });
        }
        const beforeAge = beforeWorkingAgeRefusal(command.completedAt, worker.birthYear, 'completedAt');
        if (beforeAge) return beforeAge;
        const { type: _type, now: _now, ...training } = command;
        return accept({
          type: 'WorkerTrainingCompleted',
          data: { ...training, householdId: state.householdId },
        });
      }
      case 'ChangeLabourCapacity':
        if (worker.labourCapacity === command.labourCapacity) return alreadyDone();
        return accept({
          type: 'WorkerLabourCapacityChanged',
          data: {
            workerId: worker.workerId,
            householdId: state.householdId,
            labourCapacity: command.labourCapacity,
            previousLabourCapacity: worker.labourCapacity,
            changedAt: command.now,
          },
        });
      case 'ReportEmployment':
        return reportEmployment(command, state, worker);
      case 'PlaceWorker':
        return placeWorker(command, state, worker);
      case 'EndEmployment':
        return endEmployment(command, state, worker);
      case 'VerifyEmployment':
        return verifyEmployment(command, state, worker);
      case 'VoidPlacement':
        return voidPlacement(command, state, worker);
      case 'RecordService':
        return recordService(command, state, worker);
      case 'RenewWelfareTerm':
        return renewWelfareTerm(command, state, worker);
      default:
        return assertNever(command);
    }
  },
};

/** The member's WorkerRegistered, then its phone and relation to the head when given. */
function memberRegistered(
  householdId: string,
  memberNo: number,
  member: MemberInput,
  now: string,
): HouseholdEvent[] {
  const registered = workerRegistered(householdId, memberNo, withoutDetails(member), now);
  const { workerId } = registered.data;
  return [registered, ...memberDetailsRecorded(member, { workerId, householdId }, now)];
}

function workerRegistered(
  householdId: string,
  memberNo: number,
  member: Omit<MemberInput, 'phone' | 'relationToHead'>,
  now: string,
): EventOfType<'WorkerRegistered'> {
  const { expectedMonthlyWage, skills, ...rest } = member;
  return {
    type: 'WorkerRegistered',
    data: {
      ...rest,
      workerId: workerIdOf(householdId, memberNo),
      householdId,
      memberNo,
      skills: [...skills],
      expectedMonthlyWage: expectedMonthlyWage ?? null,
      registeredAt: now,
    },
  };
}

/**
 * The household, one WorkerRegistered per member (worker ids `<householdId>.1`, `.2`, …) and an
 * EmploymentReported per member who already works, in one append: the household is never seen registered
 * but unemployed when it is not (no zero-employment case opened and cleared at once).
 */
function registerHousehold(command: RegisterHousehold, state: HouseholdState): Result {
  const { householdId, countyCode, relocationSiteId, address, members, now } = command;
  if (state.status !== 'none') return reject('already_exists', `Household ${householdId} already exists`);
  if (members.length === 0)
    return reject('invalid_value', 'A household has at least one member', { field: 'members' });
  if (members.length > MAX_MEMBERS)
    return reject('invalid_value', `A household has at most ${MAX_MEMBERS} members`, { field: 'members' });
  const hashes = new Set(members.map((m) => m.idNumberHash));
  if (hashes.size !== members.length)
    return reject('invalid_value', 'Two members have the same ID number', { field: 'members' });
  for (const { idNumberHash } of members) {
    const lost = claimLost(state.voidedClaims, idNumberHash, command.claimRevisions[idNumberHash]);
    if (lost) return lost;
  }
  const employed = members.flatMap(({ currentEmployment }, index) =>
    currentEmployment ? [{ memberNo: index + 1, ...currentEmployment }] : [],
  );
  if (new Set(employed.map((e) => e.employmentId)).size !== employed.length) {
    return reject('invalid_value', 'Two members have the same employment id');
  }
  const implausible = currentEmploymentRefusal(members, now);
  if (implausible) return implausible;
  const twoHeads = secondHeadRefusal(members);
  if (twoHeads) return twoHeads;
  return accept(
    {
      type: 'HouseholdRegistered',
      data: {
        householdId,
        countyCode,
        relocationSiteId,
        ...(address === undefined ? {} : { address }),
        registeredAt: now,
      },
    },
    ...members.flatMap(({ currentEmployment: _, ...member }, index) =>
      memberRegistered(householdId, index + 1, member, now),
    ),
    ...employed.map(({ memberNo, ...employment }): HouseholdEvent => ({
      type: 'EmploymentReported',
      data: { ...employment, workerId: workerIdOf(householdId, memberNo), householdId, reportedAt: now },
    })),
  );
}

/**
 * A person is registered only under a claim on their ID hash that no other registration voided (ADR 0004):
 * a voided claim means another household took the person over while this command was in flight.
 */
function claimLost(
  voided: VoidedClaims,
  idNumberHash: string,
  claimRevision: number | undefined,
): Result | undefined {
  if (claimRevision === undefined) {
    return reject('invalid_value', 'Every member is registered under a claim on their ID number');
  }
  if ((voided.get(idNumberHash) ?? -1) >= claimRevision) {
    return reject('person_already_registered', 'Another registration took this person over');
  }
  return undefined;
}

function voidResidentClaim(command: VoidResidentClaim, state: HouseholdState): Result {
  const { householdId, idNumberHash, claimRevision, now } = command;
  const holder =
    state.status === 'registered'
      ? [...state.workers.values()].find((w) => w.idNumberHash === idNumberHash)
      : undefined;
  if (holder && state.status === 'registered') {
    // The answer names neither the household nor its county (another county's data): the details are for the
    // audit trail, not the response.
    return reject('person_already_registered', 'This person is already registered in another household', {
      workerId: holder.workerId,
      countyCode: state.countyCode,
    });
  }
  if ((state.voidedClaims.get(idNumberHash) ?? -1) >= claimRevision) return alreadyDone();
  return accept({
    type: 'ResidentIdClaimVoided',
    data: { idNumberHash, householdId, claimRevision, voidedAt: now },
  });
}

function addWorker(command: AddWorker, state: RegisteredHousehold): Result {
  const workers = [...state.workers.values()];
  const same = workers.find((w) => w.idNumberHash === command.member.idNumberHash);
  if (same)
    return reject('already_exists', `The household already has this person as worker ${same.workerId}`);
  const lost = claimLost(state.voidedClaims, command.member.idNumberHash, command.claimRevision);
  if (lost) return lost;
  const memberNo = Math.max(0, ...workers.map((w) => w.memberNo)) + 1;
  if (memberNo > MAX_MEMBERS)
    return reject('invalid_value', `A household has at most ${MAX_MEMBERS} members`);
  const twoHeads = secondHeadRefusal([command.member], workers);
  if (twoHeads) return twoHeads;
  return accept(...memberRegistered(state.householdId, memberNo, command.member, command.now));
}

/** A "131" service, once per id; its time has happened (not after `now`). */
function recordService(command: RecordService, state: RegisteredHousehold, worker: WorkerState): Result {
  const { serviceId, service, vacancyIds, caseId, deliveredAt, now } = command;
  if (worker.serviceIds.has(serviceId)) return alreadyDone();
  if (Date.parse(deliveredAt) > Date.parse(now)) {
    return reject('invalid_value', 'deliveredAt is in the future', { field: 'deliveredAt' });
  }
  if ((service === 'job_recommendation') !== (vacancyIds !== undefined && vacancyIds.length > 0)) {
    return reject('invalid_value', 'A job recommendation, and only one, names the vacancies recommended', {
      field: 'vacancyIds',
    });
  }
  return accept({
    type: 'WorkerServiceDelivered',
    data: {
      workerId: worker.workerId,
      householdId: state.householdId,
      serviceId,
      service,
      ...(vacancyIds === undefined ? {} : { vacancyIds: [...vacancyIds] }),
      ...(caseId === undefined ? {} : { caseId }),
      deliveredAt,
    },
  });
}

/** Only the fields that change go into the event; no change at all appends nothing. */
function updateProfile(command: UpdateWorkerProfile, worker: WorkerState): Result {
  const { skills, preference, expectedMonthlyWage } = command;
  if (skills === undefined && preference === undefined && expectedMonthlyWage === undefined) {
    return reject('invalid_value', 'A profile update changes at least one field', { field: '' });
  }
  const sameSkills =
    skills === undefined ||
    (skills.length === worker.skills.length && skills.every((s, i) => s === worker.skills[i]));
  const changes = {
    ...(sameSkills ? {} : { skills: [...(skills ?? [])] }),
    ...(preference === undefined || preference === worker.preference ? {} : { preference }),
    ...(expectedMonthlyWage === undefined || expectedMonthlyWage === worker.expectedMonthlyWage
      ? {}
      : { expectedMonthlyWage }),
  };
  if (Object.keys(changes).length === 0) return alreadyDone();
  const householdId = worker.workerId.slice(0, worker.workerId.lastIndexOf('.'));
  return accept({
    type: 'WorkerProfileUpdated',
    data: { workerId: worker.workerId, householdId, ...changes, updatedAt: command.now },
  });
}

import type {
  Channel,
  EmploymentEndReason,
  RelationToHead,
  EventData,
  EventsOfStream,
  LabourCapacity,
  WorkPreference,
} from '@contracts';
import { assertNever } from '../shared/decider';

/** Every event of the household stream: a new one must be folded here (the switch ends in assertNever). */
export type HouseholdEvent = EventsOfStream<'household'>;

/** A placement (employmentId = placementId) or employment reported from outside the platform. */
export interface Employment {
  readonly employmentId: string;
  readonly kind: 'placement' | 'reported';
  readonly channel: Channel;
  readonly startDate: string;
  readonly vacancyId?: string;
  /** A public-welfare placement's term end (YYYY-MM-DD), moved by each renewal. */
  readonly welfareTermEndsOn?: string;
}

export interface WorkerState {
  readonly workerId: string;
  readonly memberNo: number;
  readonly idNumberHash: string;
  readonly birthYear: number;
  readonly labourCapacity: LabourCapacity;
  readonly preference: WorkPreference;
  readonly skills: readonly string[];
  readonly expectedMonthlyWage: number | null;
  readonly trainingIds: ReadonlySet<string>;
  /** The "131" services delivered, by id (a repeated record appends nothing). */
  readonly serviceIds: ReadonlySet<string>;
  /** At most one: one job per worker. */
  readonly activeEmployment?: Employment;
  readonly phone?: string;
  readonly relationToHead?: RelationToHead;
}

/** An employment id as the household knows it: whose, and how it ended once it has (a retried end is a no-op). */
export interface EmploymentRecord {
  readonly workerId: string;
  readonly active: boolean;
  readonly ended?: { readonly reason: EmploymentEndReason; readonly endedAt: string };
}

export interface RegisteredHousehold {
  readonly status: 'registered';
  readonly householdId: string;
  readonly countyCode: string;
  readonly relocationSiteId: string;
  readonly address?: string;
  readonly workers: ReadonlyMap<string, WorkerState>;
  /** Every employment id ever seen, active or ended, with its worker (for idempotent repeats). */
  readonly employments: ReadonlyMap<string, EmploymentRecord>;
  /** Placements that WorkerPlaced committed, by placement id. */
  readonly placements: ReadonlyMap<string, EventData<'WorkerPlaced'>>;
  readonly voidedPlacements: ReadonlySet<string>;
  readonly voidedClaims: VoidedClaims;
}

/**
 * Claims on a person (by ID hash) that another registration voided before taking the person over
 * (ADR 0004): the highest voided claim revision per hash. A registration holding one of those claims
 * must not commit. Kept before registration too, since a claim can be voided before its household exists.
 */
export type VoidedClaims = ReadonlyMap<string, number>;

export type HouseholdState =
  { readonly status: 'none'; readonly voidedClaims: VoidedClaims } | RegisteredHousehold;

export const initialHouseholdState = (): HouseholdState => ({ status: 'none', voidedClaims: new Map() });

const withEntry = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> =>
  new Map(map).set(key, value);

function updateWorker(
  state: RegisteredHousehold,
  workerId: string,
  change: (worker: WorkerState) => WorkerState,
): RegisteredHousehold {
  const worker = state.workers.get(workerId);
  return worker ? { ...state, workers: withEntry(state.workers, workerId, change(worker)) } : state;
}

function startEmployment(
  state: RegisteredHousehold,
  workerId: string,
  employment: Employment,
): RegisteredHousehold {
  const next = updateWorker(state, workerId, (w) => ({ ...w, activeEmployment: employment }));
  return {
    ...next,
    employments: withEntry(next.employments, employment.employmentId, { workerId, active: true }),
  };
}

function endEmployment(state: RegisteredHousehold, ended: EventData<'EmploymentEnded'>): RegisteredHousehold {
  const { workerId, employmentId, reason, endedAt } = ended;
  const next = updateWorker(state, workerId, (w) =>
    w.activeEmployment?.employmentId === employmentId ? { ...w, activeEmployment: undefined } : w,
  );
  const record: EmploymentRecord = { workerId, active: false, ended: { reason, endedAt } };
  return { ...next, employments: withEntry(next.employments, employmentId, record) };
}

function renewTerm(
  state: RegisteredHousehold,
  workerId: string,
  placementId: string,
  termEndsOn: string,
): RegisteredHousehold {
  return updateWorker(state, workerId, (w) =>
    w.activeEmployment?.employmentId === placementId
      ? { ...w, activeEmployment: { ...w.activeEmployment, welfareTermEndsOn: termEndsOn } }
      : w,
  );
}

export function evolveHousehold(state: HouseholdState, event: HouseholdEvent): HouseholdState {
  if (event.type === 'HouseholdRegistered') {
    const { householdId, countyCode, relocationSiteId, address } = event.data;
    return {
      status: 'registered',
      householdId,
      countyCode,
      relocationSiteId,
      ...(address === undefined ? {} : { address }),
      workers: new Map(),
      employments: new Map(),
      placements: new Map(),
      voidedPlacements: new Set(),
      voidedClaims: state.voidedClaims,
    };
  }
  if (event.type === 'ResidentIdClaimVoided') {
    const { idNumberHash, claimRevision } = event.data;
    const before = state.voidedClaims.get(idNumberHash) ?? -1;
    return claimRevision > before
      ? { ...state, voidedClaims: withEntry(state.voidedClaims, idNumberHash, claimRevision) }
      : state;
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'WorkerRegistered': {
      const {
        workerId,
        memberNo,
        idNumberHash,
        birthYear,
        labourCapacity,
        preference,
        skills,
        expectedMonthlyWage,
      } = event.data;
      const worker: WorkerState = {
        workerId,
        memberNo,
        idNumberHash,
        birthYear,
        labourCapacity,
        preference,
        skills,
        expectedMonthlyWage,
        trainingIds: new Set(),
        serviceIds: new Set(),
      };
      return { ...state, workers: withEntry(state.workers, workerId, worker) };
    }
    case 'HouseholdAddressChanged':
      return { ...state, address: event.data.address };
    case 'MemberContactRecorded':
      return updateWorker(state, event.data.workerId, (w) => ({ ...w, phone: event.data.phone }));
    case 'MemberRelationRecorded':
      return updateWorker(state, event.data.workerId, (w) => ({
        ...w,
        relationToHead: event.data.relationToHead,
      }));
    case 'WorkerProfileUpdated': {
      const { skills, preference, expectedMonthlyWage } = event.data;
      return updateWorker(state, event.data.workerId, (w) => ({
        ...w,
        skills: skills ?? w.skills,
        preference: preference ?? w.preference,
        expectedMonthlyWage: expectedMonthlyWage ?? w.expectedMonthlyWage,
      }));
    }
    case 'WorkerTrainingCompleted':
      return updateWorker(state, event.data.workerId, (w) => ({
        ...w,
        trainingIds: new Set(w.trainingIds).add(event.data.trainingId),
      }));
    case 'WorkerLabourCapacityChanged':
      return updateWorker(state, event.data.workerId, (w) => ({
        ...w,
        labourCapacity: event.data.labourCapacity,
      }));
    case 'EmploymentReported': {
      const { employmentId, channel, startDate } = event.data;
      return startEmployment(state, event.data.workerId, {
        employmentId,
        kind: 'reported',
        channel,
        startDate,
      });
    }
    case 'WorkerPlaced': {
      const { placementId, channel, startDate, vacancyId, welfareTermEndsOn } = event.data;
      const next = startEmployment(state, event.data.workerId, {
        employmentId: placementId,
        kind: 'placement',
        channel,
        startDate,
        vacancyId,
        ...(welfareTermEndsOn === undefined ? {} : { welfareTermEndsOn }),
      });
      return { ...next, placements: withEntry(next.placements, placementId, event.data) };
    }
    case 'EmploymentEnded':
      return endEmployment(state, event.data);
    case 'EmploymentVerified':
      // A negative check is followed by its own EmploymentEnded; the check itself changes nothing here.
      return state;
    case 'WorkerServiceDelivered':
      return updateWorker(state, event.data.workerId, (w) => ({
        ...w,
        serviceIds: new Set(w.serviceIds).add(event.data.serviceId),
      }));
    case 'PlacementVoided':
      return { ...state, voidedPlacements: new Set(state.voidedPlacements).add(event.data.placementId) };
    case 'WelfareTermRenewed':
      return renewTerm(state, event.data.workerId, event.data.placementId, event.data.termEndsOn);
    default:
      return assertNever(event);
  }
}

import type { Channel, EventData, Gender, LabourCapacity, RelationToHead } from '@contracts';
import type { HouseholdEvent } from '../workforce/household.state';
import { assertNever } from '../shared/decider';

/** A member's current job, as the profile shows it: a placement (with its vacancy) or employment reported. */
export interface ProfileEmployment {
  readonly employmentId: string;
  readonly channel: Channel;
  readonly employer?: string;
  readonly vacancyId?: string;
  readonly startDate: string;
}

/** One member on the household's profile. Personal data: who sees which part is decided at the edge. */
export interface MemberProfile {
  readonly workerId: string;
  readonly householdId: string;
  readonly memberNo: number;
  readonly name: string;
  readonly idNumberHash: string;
  readonly idLast4: string;
  readonly birthYear: number;
  readonly gender: Gender;
  readonly labourCapacity: LabourCapacity;
  readonly skills: readonly string[];
  /**
   * Occupations of the trainings completed (WorkerTrainingCompleted), kept apart from the skills a profile
   * update replaces, as matching keeps them: the profile shows both.
   */
  readonly trainedOccupations: readonly string[];
  readonly phone: string | null;
  readonly relationToHead: RelationToHead | null;
  readonly employment: ProfileEmployment | null;
  /** Every vacancy the member was placed in (a station or workshop sees the people placed with it). */
  readonly placedVacancyIds: readonly string[];
}

export type ProfileStatus = 'zero_employment' | 'employed' | 'no_labour';

export interface HouseholdProfile {
  readonly householdId: string;
  readonly countyCode: string;
  readonly relocationSiteId: string;
  readonly address: string | null;
  readonly registeredAt: string;
  /** In member order. */
  readonly members: readonly MemberProfile[];
}

/** The monitor's rule, in the profile's words: employed when anyone works, else zero-employment if anyone can. */
export function profileStatusOf(members: readonly MemberProfile[]): ProfileStatus {
  if (members.some((m) => m.employment !== null)) return 'employed';
  if (members.some((m) => m.labourCapacity !== 'none')) return 'zero_employment';
  return 'no_labour';
}

function memberRegistered(data: EventData<'WorkerRegistered'>): MemberProfile {
  return {
    workerId: data.workerId,
    householdId: data.householdId,
    memberNo: data.memberNo,
    name: data.name,
    idNumberHash: data.idNumberHash,
    idLast4: data.idNumberLast4,
    birthYear: data.birthYear,
    gender: data.gender,
    labourCapacity: data.labourCapacity,
    skills: data.skills,
    trainedOccupations: [],
    phone: null,
    relationToHead: null,
    employment: null,
    placedVacancyIds: [],
  };
}

function withMember(
  doc: HouseholdProfile,
  workerId: string,
  change: (member: MemberProfile) => MemberProfile,
): HouseholdProfile {
  const index = doc.members.findIndex((m) => m.workerId === workerId);
  if (index < 0) return doc;
  const member = change(doc.members[index]);
  return member === doc.members[index]
    ? doc
    : { ...doc, members: doc.members.map((m, i) => (i === index ? member : m)) };
}

/** The job ends only if it is the one the member has (a late or repeated end changes nothing). */
const endingJob =
  (employmentId: string) =>
  (m: MemberProfile): MemberProfile =>
    m.employment?.employmentId === employmentId ? { ...m, employment: null } : m;

/**
 * The household's profile after one event of its stream: pure, and the same fold for a rebuild as for the
 * live log. An event applied twice leaves the profile as once (a repeated registration, phone or job is the
 * same value again), so a replay cannot double a member.
 */
export function evolveHouseholdProfile(
  doc: HouseholdProfile | undefined,
  event: HouseholdEvent,
): HouseholdProfile | undefined {
  if (event.type === 'HouseholdRegistered') {
    if (doc) return doc;
    const { householdId, countyCode, relocationSiteId, address, registeredAt } = event.data;
    return { householdId, countyCode, relocationSiteId, address: address ?? null, registeredAt, members: [] };
  }
  if (doc === undefined) return doc;
  switch (event.type) {
    case 'WorkerRegistered': {
      if (doc.members.some((m) => m.workerId === event.data.workerId)) return doc;
      const members = [...doc.members, memberRegistered(event.data)].sort((a, b) => a.memberNo - b.memberNo);
      return { ...doc, members };
    }
    case 'HouseholdAddressChanged':
      return { ...doc, address: event.data.address };
    case 'MemberContactRecorded':
      return withMember(doc, event.data.workerId, (m) => ({ ...m, phone: event.data.phone }));
    case 'MemberRelationRecorded':
      return withMember(doc, event.data.workerId, (m) => ({
        ...m,
        relationToHead: event.data.relationToHead,
      }));
    case 'WorkerProfileUpdated':
      return event.data.skills === undefined
        ? doc
        : withMember(doc, event.data.workerId, (m) => ({ ...m, skills: event.data.skills ?? m.skills }));
    case 'WorkerLabourCapacityChanged':
      return withMember(doc, event.data.workerId, (m) => ({
        ...m,
        labourCapacity: event.data.labourCapacity,
      }));
    case 'EmploymentReported': {
      const { employmentId, channel, employer, startDate } = event.data;
      const employment = {
        employmentId,
        channel,
        startDate,
        ...(employer === undefined ? {} : { employer }),
      };
      return withMember(doc, event.data.workerId, (m) => ({ ...m, employment }));
    }
    case 'WorkerPlaced': {
      const { placementId, channel, startDate, vacancyId } = event.data;
      return withMember(doc, event.data.workerId, (m) => ({
        ...m,
        employment: { employmentId: placementId, channel, startDate, vacancyId },
        placedVacancyIds: m.placedVacancyIds.includes(vacancyId)
          ? m.placedVacancyIds
          : [...m.placedVacancyIds, vacancyId],
      }));
    }
    case 'EmploymentEnded':
      return withMember(doc, event.data.workerId, endingJob(event.data.employmentId));
    case 'PlacementVoided':
      return withMember(doc, event.data.workerId, endingJob(event.data.placementId));
    case 'WorkerTrainingCompleted': {
      const { skill } = event.data;
      return withMember(doc, event.data.workerId, (m) =>
        m.trainedOccupations.includes(skill)
          ? m
          : { ...m, trainedOccupations: [...m.trainedOccupations, skill] },
      );
    }
    case 'WorkerServiceDelivered':
    case 'EmploymentVerified':
    case 'WelfareTermRenewed':
    case 'ResidentIdClaimVoided':
      return doc;
    default:
      return assertNever(event);
  }
}

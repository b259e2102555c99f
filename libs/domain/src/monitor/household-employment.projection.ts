import { CHANNELS, eventTimeOf, prefectureOfCounty, type Channel, type EventData } from '@contracts';
import type { EnvelopeOf, KeyedProjection } from '../shared/keyed-projection';
import {
  endsItsBatch,
  HOUSEHOLD_EVENT_TYPES,
  NO_SERVICES,
  type JobSeekerServices,
  type HouseholdEmployment,
  type HouseholdEnvelope,
  type HouseholdEventType,
  type HouseholdMember,
  type HouseholdStatus,
} from './household-employment';
import { subsidyYearsAfterPlacement } from './transport-subsidy.policy';

/**
 * The household-employment projection: each household's members, figures and status, and the bookkeeping of
 * its zero-employment case and transport subsidies that the employment monitor's process manager reads.
 */

/**
 * The channels whose bits are set, in CHANNELS order; one frozen array per combination, shared by every
 * document that has it (documents are immutable), so a recount allocates none.
 */
const CHANNEL_LISTS: readonly (readonly Channel[])[] = Array.from(
  { length: 1 << CHANNELS.length },
  (_, bits) => Object.freeze(CHANNELS.filter((_c, i) => (bits & (1 << i)) !== 0)),
);
const CHANNEL_BIT = new Map<Channel, number>(CHANNELS.map((c, i) => [c, 1 << i]));

function recount(
  doc: HouseholdEmployment,
  members: readonly HouseholdMember[],
  at: string,
  event: HouseholdEnvelope,
): HouseholdEmployment {
  // One pass over the members (a rebuild recounts a household at every one of its events).
  let labourCapableMembers = 0;
  let employedMembers = 0;
  let employedLabourCapableMembers = 0;
  let channelBits = 0;
  for (const m of members) {
    const capable = m.labourCapacity !== 'none';
    if (capable) labourCapableMembers += 1;
    if (m.employment !== null) {
      employedMembers += 1;
      if (capable) employedLabourCapableMembers += 1;
      channelBits |= CHANNEL_BIT.get(m.employment.channel) ?? 0;
    }
  }
  // statusOf, from the counts.
  const status: HouseholdStatus =
    employedMembers > 0 ? 'covered' : labourCapableMembers > 0 ? 'zero_employment' : 'no_labour';
  // A case follows the status as it stands at the end of a command's batch, so a household registered
  // together with its members' jobs never opens a case for the instant between the two.
  const settled = endsItsBatch(event);
  const entersCase = settled && status === 'zero_employment' && doc.openCase === null;
  const leavesCase = settled && status !== 'zero_employment' && doc.openCase !== null;
  const casesOpened = doc.casesOpened + (entersCase ? 1 : 0);
  return {
    householdId: doc.householdId,
    countyCode: doc.countyCode,
    prefectureCode: doc.prefectureCode,
    relocationSiteId: doc.relocationSiteId,
    members,
    labourCapableMembers,
    employedMembers,
    employedLabourCapableMembers,
    channels: CHANNEL_LISTS[channelBits],
    status,
    openCase: entersCase ? { caseNo: casesOpened, openedAt: at } : leavesCase ? null : doc.openCase,
    lastStatusChangeAt: status === doc.status ? doc.lastStatusChangeAt : at,
    casesOpened,
    lastRevision: event.revision,
  };
}

function startEmployment(member: HouseholdMember, event: HouseholdEnvelope): HouseholdMember {
  if (event.type === 'EmploymentReported') {
    const { employmentId, channel, startDate } = event.data;
    const employment = {
      employmentId,
      kind: 'reported',
      channel,
      since: startDate,
      lastVerifiedAt: null,
    } as const;
    return { ...member, employment };
  }
  if (event.type !== 'WorkerPlaced') return member;
  const { placementId, channel, startDate } = event.data;
  return {
    ...member,
    employment: {
      employmentId: placementId,
      kind: 'placement',
      channel,
      since: startDate,
      lastVerifiedAt: null,
    },
    transportSubsidyYears: subsidyYearsAfterPlacement(member.transportSubsidyYears, event.data),
  };
}

/** The services after one more: distinct vacancies for recommendations. */
function withService(
  services: JobSeekerServices,
  delivered: EventData<'WorkerServiceDelivered'>,
): JobSeekerServices {
  switch (delivered.service) {
    case 'career_guidance':
      return { ...services, guidance: services.guidance + 1 };
    case 'training_offer':
      return { ...services, trainingOffers: services.trainingOffers + 1 };
    case 'job_recommendation': {
      const fresh = (delivered.vacancyIds ?? []).filter((v) => !services.recommendedVacancyIds.includes(v));
      if (fresh.length === 0) return services;
      return { ...services, recommendedVacancyIds: [...services.recommendedVacancyIds, ...new Set(fresh)] };
    }
  }
}

/**
 * The member after an event about them. Edge cases (none arise from the deciders, all are kept total):
 * a new employment while employed replaces the old one (last wins); an end, a verification or a void of an
 * employment that is not the current one changes nothing; a void of the current placement ends it.
 */
function evolveMember(member: HouseholdMember, event: HouseholdEnvelope): HouseholdMember {
  const current = member.employment;
  switch (event.type) {
    case 'WorkerLabourCapacityChanged':
      return { ...member, labourCapacity: event.data.labourCapacity };
    case 'EmploymentReported':
    case 'WorkerPlaced':
      return startEmployment(member, event);
    case 'EmploymentEnded':
      return current?.employmentId === event.data.employmentId ? { ...member, employment: null } : member;
    case 'PlacementVoided':
      return current?.employmentId === event.data.placementId ? { ...member, employment: null } : member;
    case 'WorkerServiceDelivered':
      return { ...member, services: withService(member.services, event.data) };
    case 'EmploymentVerified':
      return current?.employmentId === event.data.employmentId
        ? { ...member, employment: { ...current, lastVerifiedAt: event.data.verifiedAt } }
        : member;
    default:
      return member;
  }
}

function registered(event: EnvelopeOf<'HouseholdRegistered'>): HouseholdEmployment {
  const { householdId, countyCode, relocationSiteId, registeredAt } = event.data;
  return {
    householdId,
    countyCode,
    prefectureCode: prefectureOfCounty(countyCode)?.code ?? `${countyCode.slice(0, 4)}00`,
    relocationSiteId,
    members: [],
    labourCapableMembers: 0,
    employedMembers: 0,
    employedLabourCapableMembers: 0,
    channels: [],
    status: 'no_labour',
    openCase: null,
    lastStatusChangeAt: registeredAt,
    casesOpened: 0,
    lastRevision: event.revision,
  };
}

/**
 * At the end of a batch the case must follow the status; an event that changes no member (a profile update
 * closing the batch, say) still settles what the batch's earlier events changed.
 */
function settle(doc: HouseholdEmployment, event: HouseholdEnvelope): HouseholdEmployment {
  const outOfStep = (doc.status === 'zero_employment') !== (doc.openCase !== null);
  return outOfStep && endsItsBatch(event) ? recount(doc, doc.members, eventTimeOf(event), event) : doc;
}

function evolveHousehold(
  doc: HouseholdEmployment | undefined,
  event: HouseholdEnvelope,
): HouseholdEmployment | undefined {
  const next = evolveHouseholdFigures(doc, event);
  return next === undefined || next.lastRevision >= event.revision || doc === undefined
    ? next
    : settle(next, event);
}

function evolveHouseholdFigures(
  doc: HouseholdEmployment | undefined,
  event: HouseholdEnvelope,
): HouseholdEmployment | undefined {
  if (event.type === 'HouseholdRegistered') return doc ?? registered(event);
  // Events before the registration cannot be stored (it is revision 0); ignoring them keeps evolve total.
  if (doc === undefined) return doc;
  const at = eventTimeOf(event);
  if (event.type === 'WorkerRegistered') {
    const { workerId, memberNo, name, labourCapacity } = event.data;
    if (doc.members.some((m) => m.workerId === workerId)) return doc;
    const member = {
      workerId,
      memberNo,
      name,
      labourCapacity,
      employment: null,
      transportSubsidyYears: [],
      services: NO_SERVICES,
    };
    return recount(doc, [...doc.members, member], at, event);
  }
  // A change of the household's own details (its address) changes no member's figures.
  if (!('workerId' in event.data)) return doc;
  const { workerId } = event.data;
  const index = doc.members.findIndex((m) => m.workerId === workerId);
  if (index < 0) return doc;
  const member = evolveMember(doc.members[index], event);
  if (member === doc.members[index]) return doc;
  return recount(
    doc,
    doc.members.map((m, i) => (i === index ? member : m)),
    at,
    event,
  );
}

export const householdEmploymentProjection: KeyedProjection<HouseholdEmployment, HouseholdEventType> = {
  name: 'household-employment',
  handles: HOUSEHOLD_EVENT_TYPES,
  keyOf: (event) => event.data.householdId,
  evolve: evolveHousehold,
};

/** The body of GET /v1/households/:id/employment. */
export function householdEmploymentView(doc: HouseholdEmployment) {
  return {
    householdId: doc.householdId,
    countyCode: doc.countyCode,
    status: doc.status,
    labourCapableMembers: doc.labourCapableMembers,
    employedMembers: doc.employedMembers,
    channels: doc.channels,
    openCase: doc.openCase === null ? null : { openedAt: doc.openCase.openedAt },
    lastStatusChangeAt: doc.lastStatusChangeAt,
    members: doc.members.map(({ workerId, labourCapacity, employment }) => ({
      workerId,
      labourCapacity,
      employment: employment && {
        employmentId: employment.employmentId,
        channel: employment.channel,
        since: employment.since,
      },
    })),
  };
}

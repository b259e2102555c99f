import { eventTypesOf, type Channel, type EventsOfStream, type LabourCapacity } from '@contracts';
import type { EnvelopeOf } from '../shared/keyed-projection';

/** The employment monitor's document of one household: its members, its figures, its status and its case. */
export type HouseholdStatus = 'covered' | 'zero_employment' | 'no_labour';

export interface MemberEmployment {
  /** The placement id for a placement, the reported employment's id otherwise. */
  readonly employmentId: string;
  readonly kind: 'placement' | 'reported';
  readonly channel: Channel;
  /** The start date of the employment (YYYY-MM-DD). */
  readonly since: string;
  readonly lastVerifiedAt: string | null;
}

export interface HouseholdMember {
  readonly workerId: string;
  readonly memberNo: number;
  /** Personal data: shown to the county office of the household's county only, each read logged. */
  readonly name: string;
  readonly labourCapacity: LabourCapacity;
  readonly employment: MemberEmployment | null;
  /** Calendar years in which this worker earned the cross-province transport subsidy. */
  readonly transportSubsidyYears: readonly number[];
  /** The "131" services received so far. */
  readonly services: JobSeekerServices;
}

/** What a job-seeker received of the "131" package: guidance sessions, distinct vacancies recommended, training offers. */
export interface JobSeekerServices {
  readonly guidance: number;
  readonly recommendedVacancyIds: readonly string[];
  readonly trainingOffers: number;
}

export const NO_SERVICES: JobSeekerServices = Object.freeze({
  guidance: 0,
  recommendedVacancyIds: Object.freeze([]) as readonly string[],
  trainingOffers: 0,
});

/** The whole "131" package: at least 1 career guidance, 3 job recommendations, 1 training offer. */
export const hasWhole131 = (s: JobSeekerServices): boolean =>
  s.guidance >= 1 && s.recommendedVacancyIds.length >= 3 && s.trainingOffers >= 1;

/** A job-seeker: a member who can work and has no job. */
export const isJobSeeker = (m: HouseholdMember): boolean =>
  m.labourCapacity !== 'none' && m.employment === null;

export interface HouseholdEmployment {
  readonly householdId: string;
  readonly countyCode: string;
  readonly prefectureCode: string;
  readonly relocationSiteId: string;
  readonly members: readonly HouseholdMember[];
  /** Members whose capacity is not `none`. */
  readonly labourCapableMembers: number;
  /** Members with an active employment, whatever their capacity. */
  readonly employedMembers: number;
  /** Employed members among the labour-capable ones: the numerator of the employment rate. */
  readonly employedLabourCapableMembers: number;
  /** Distinct channels of the active employments, in CHANNELS order. */
  readonly channels: readonly Channel[];
  readonly status: HouseholdStatus;
  readonly openCase: { readonly caseNo: number; readonly openedAt: string } | null;
  readonly lastStatusChangeAt: string;
  /** Zero-employment cases opened so far; the open case, if any, is number `casesOpened`. */
  readonly casesOpened: number;
  readonly lastRevision: number;
}

/**
 * The household stream's events this projection folds (and matching with it): all of them, since even one that
 * changes no figure may end a command's batch, except ResidentIdClaimVoided, which names no worker, changes no
 * figure and is always a command's only event (so it never ends a batch that changed one). A new event of the
 * household stream joins the list by its definition alone.
 */
export type HouseholdEventType = Exclude<EventsOfStream<'household'>['type'], 'ResidentIdClaimVoided'>;
export const HOUSEHOLD_EVENT_TYPES: readonly HouseholdEventType[] = eventTypesOf('household').filter(
  (type): type is HouseholdEventType => type !== 'ResidentIdClaimVoided',
);
export type HouseholdEnvelope = EnvelopeOf<HouseholdEventType>;

/**
 * The status rule: covered when anyone is employed (an employed member recorded with capacity `none` still
 * covers the household), zero-employment when someone could work and no one does, no-labour otherwise
 * (including a household whose members are not registered yet).
 */
export function statusOf(members: readonly HouseholdMember[]): HouseholdStatus {
  if (members.some((m) => m.employment !== null)) return 'covered';
  if (members.some((m) => m.labourCapacity !== 'none')) return 'zero_employment';
  return 'no_labour';
}

/** True for the last event of the batch one command appended (or an event appended alone). */
export const endsItsBatch = (event: HouseholdEnvelope): boolean => {
  const batch = event.metadata.batch;
  return batch === undefined || batch.index === batch.size - 1;
};

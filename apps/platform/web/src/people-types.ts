/**
 * The shapes of the people, jobs and Excel endpoints as issue 17 fixes them. Written out here rather than
 * taken from contracts/, because their response schemas are added by the API branches; optional fields are
 * those an older platform may leave out.
 */
import type { Channel, LabourCapacity } from '../../../../contracts/src/values/labour';
import type { RelationToHead, SocialInsuranceTerms } from '../../../../contracts/src/values/contact';

export type { RelationToHead, SocialInsuranceTerms };
export type HouseholdStatus = 'zero_employment' | 'employed' | 'no_labour' | 'covered';
export type Gender = 'male' | 'female';

export interface Labelled {
  readonly code: string;
  readonly label: string;
}

export interface SiteRef {
  readonly id: string;
  readonly name: string;
}

export interface MemberEmployment {
  readonly employmentId?: string;
  readonly channel: Channel;
  readonly employer?: string;
  readonly startDate: string;
}

/** A member as the household page shows it; the name is null (or masked) outside the reader's scope. */
export interface MemberProfile {
  readonly workerId: string;
  readonly memberNo?: number;
  readonly name: string | null;
  readonly phone: string | null;
  readonly idLast4: string;
  readonly birthYear?: number;
  readonly age?: number;
  readonly gender?: Gender;
  readonly labourCapacity: LabourCapacity;
  readonly relationToHead?: RelationToHead | null;
  readonly occupations?: readonly Labelled[];
  readonly employment: MemberEmployment | null;
}

export interface HouseholdProfile {
  readonly householdId: string;
  readonly countyCode: string;
  readonly relocationSite: SiteRef;
  readonly address: string | null;
  readonly registeredAt?: string;
  readonly members: readonly MemberProfile[];
  readonly employedCount?: number;
  readonly status?: HouseholdStatus;
}

export interface WorkerProfile extends MemberProfile {
  readonly householdId: string;
  readonly countyCode: string;
  readonly relocationSite: SiteRef;
}

export interface PersonRef {
  readonly workerId: string;
  readonly name: string | null;
}

export interface HouseholdHit {
  readonly householdId: string;
  readonly countyCode: string;
  readonly relocationSite: SiteRef;
  readonly address: string | null;
  readonly head: PersonRef | null;
  readonly memberCount: number;
  readonly employedCount: number;
  readonly status: HouseholdStatus;
  readonly matched?: readonly PersonRef[];
}

export interface WorkerHit {
  readonly workerId: string;
  readonly householdId: string;
  readonly countyCode: string;
  readonly name: string | null;
  readonly phone: string | null;
  readonly idLast4: string;
  readonly age: number;
  readonly gender?: Gender;
  readonly labourCapacity: LabourCapacity;
  readonly employed: boolean;
  readonly relocationSite: SiteRef;
}

export interface SearchPage<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly nextCursor: string | null;
}

export interface WorkLocation {
  readonly province: string;
  readonly city: string;
  readonly countyCode?: string;
}

export interface Wage {
  readonly min: number;
  readonly max: number;
  readonly period: 'month' | 'day' | 'hour';
}

export interface EmployerRef {
  readonly employerId?: string;
  readonly name: string;
  readonly creditCode?: string;
  readonly industry?: string;
  readonly city?: string;
}

export interface VacancyDetail {
  readonly vacancyId: string;
  readonly title: string;
  readonly occupation: Labelled;
  readonly skills: readonly Labelled[];
  readonly employer?: EmployerRef | null;
  readonly source: {
    readonly type: 'labour_station' | 'workshop' | 'public_welfare';
    readonly id: string;
    readonly name?: string;
  };
  readonly location: WorkLocation;
  readonly wage: Wage;
  readonly openings: number;
  readonly filled: number;
  readonly remaining?: number;
  readonly status: string;
  readonly ageRange: { readonly min: number; readonly max: number };
  readonly labourCapacities: readonly LabourCapacity[];
  readonly accommodation: boolean;
  readonly meals?: boolean | null;
  readonly workingHours?: string | null;
  readonly contractTerms?: string | null;
  readonly socialInsurance?: SocialInsuranceTerms | null;
  readonly description?: string | null;
  readonly contact?: { readonly name: string; readonly phone: string } | null;
  readonly welfare?: { readonly monthlySubsidy: number; readonly termMonths: number };
  readonly expiresAt: string;
  readonly postedAt: string;
}

/** What a recommendation says of its vacancy, so the line needs no second call. */
export interface VacancySummary {
  readonly title: string;
  readonly employer?: { readonly name: string } | null;
  readonly location: WorkLocation;
  readonly wage: Wage;
  readonly accommodation?: boolean;
  readonly meals?: boolean | null;
}

/** What a candidate line says of its worker; the name per the reader's scope. */
export interface CandidateWorker {
  readonly name: string | null;
  readonly age: number;
  readonly gender?: Gender;
  readonly labourCapacity: LabourCapacity;
  readonly countyCode: string;
  readonly relocationSite?: SiteRef;
}

export interface ImportRejection {
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

export interface ImportResult {
  readonly imported: number;
  readonly importedPeople?: number;
  readonly rejected: readonly ImportRejection[];
  readonly alreadyRegistered?: readonly { readonly row: number; readonly idLast4: string }[];
  readonly position: string;
}

export interface ImportProgress {
  readonly totalRows: number;
  readonly processedRows: number;
  readonly done: boolean;
}

export type ImportMode = 'valid_rows' | 'all_or_nothing';

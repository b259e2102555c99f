/**
 * The shapes of the people, jobs and Excel endpoints (issue 17): the contract's where contracts/ has them
 * (type-only: nothing of zod reaches the bundle), else as the issue fixes them.
 */
import type { z } from 'zod';
import type {
  HouseholdListItem,
  HouseholdProfileResponse,
  WorkerListItem,
  WorkerProfileResponse,
  memberEmploymentView,
  memberProfileView,
} from '../../../../contracts/src/http/people.responses';
import type { LabourCapacity } from '../../../../contracts/src/values/labour';
import type { RelationToHead, SocialInsuranceTerms } from '../../../../contracts/src/values/contact';

export type { RelationToHead, SocialInsuranceTerms };
export type Gender = 'male' | 'female';

export interface Labelled {
  readonly code: string;
  readonly label: string;
}

export interface SiteRef {
  readonly id: string;
  readonly name: string;
}

export type MemberEmployment = z.infer<typeof memberEmploymentView>;
/** A member as the household page shows it; the name masked (王*英) for the admin in lists. */
export type MemberProfile = z.infer<typeof memberProfileView>;
export type HouseholdProfile = HouseholdProfileResponse;
export type WorkerProfile = WorkerProfileResponse;
export type HouseholdHit = HouseholdListItem;
export type WorkerHit = WorkerListItem;

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

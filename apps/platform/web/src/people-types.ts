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
import type { vacancySummary, workerSummary } from '../../../../contracts/src/http/matching.bodies';
import type { VacancyDetailResponse } from '../../../../contracts/src/http/vacancy-detail.response';
import type { RelationToHead, SocialInsuranceTerms } from '../../../../contracts/src/values/contact';

export type { RelationToHead, SocialInsuranceTerms };

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

export type VacancyDetail = VacancyDetailResponse;
/** What a recommendation says of its vacancy, so the line needs no second call. */
export type VacancySummary = z.infer<typeof vacancySummary>;
/** What a candidate line says of its worker; the name per the reader's scope. */
export type CandidateWorker = z.infer<typeof workerSummary>;

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

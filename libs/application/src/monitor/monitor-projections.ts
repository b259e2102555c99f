import { householdEmploymentProjection } from '@lib/domain/monitor/household-employment.projection';
import { type HouseholdEmployment } from '@lib/domain/monitor/household-employment';
import { openVacanciesProjection } from '@lib/domain/monitor/open-vacancies.projection';
import { directoryProjection } from '@lib/domain/employers/directory.projection';
import type { GuardedDocument, KeyedProjection } from '@lib/domain/shared/keyed-projection';
import { transportSubsidyProjection } from '@lib/domain/monitor/transport-subsidy.projection';
import { transportSubsidyClaimsProjection } from '@lib/domain/subsidies/transport-subsidy-claims.projection';
import { workerEmploymentStatusProjection } from '@lib/domain/monitor/worker-employment-status.projection';
import { caseFileProjection } from '@lib/domain/cases/case-file.projection';
import { countySettingsProjection } from '@lib/domain/cases/county-settings';
import { followUpsDueProjection } from '@lib/domain/placements/follow-ups-due.projection';
import { vacancyExpiryProjection } from '@lib/domain/scheduling/vacancy-expiry.projection';
import { welfareTermProjection } from '@lib/domain/scheduling/welfare-term.projection';
import { courseListProjection } from '@lib/domain/training/course-list.projection';
import { householdPlacementsProjection } from '@lib/domain/reports/household-placements.projection';
import { vacancyPlacementsProjection } from '@lib/domain/reports/vacancy-placements.projection';
import { workshopRegisterProjection } from '@lib/domain/reports/workshop-register.projection';
import type { CollectionSpec } from '@lib/read-store';
import {
  caseFilesCollection,
  countySettingsCollection,
  directoryCollection,
  followUpsCollection,
  dueVacancyExpiriesCollection,
  dueWelfareTermsCollection,
  householdPlacementsCollection,
  householdsCollection,
  subsidiesCollection,
  vacancyPlacementsCollection,
  workshopRegisterCollection,
  trainingCoursesCollection,
  subsidyClaimsCollection,
  vacanciesCollection,
  workersCollection,
} from './monitor-collections';

/** A keyed projection and the collection its documents live in. */
export interface ProjectedCollection<TDoc extends GuardedDocument> {
  readonly projection: KeyedProjection<TDoc, never>;
  readonly collection: CollectionSpec<TDoc, string>;
}

const pair = <TDoc extends GuardedDocument>(
  projection: KeyedProjection<TDoc, never>,
  collection: CollectionSpec<TDoc, string>,
): ProjectedCollection<TDoc> => ({ projection, collection });

/**
 * The household projection, apart from the others: the county figures and the process manager read its
 * document before and after each event. Used by the batch writer and by the rebuild alike.
 */
export const HOUSEHOLD_DOCUMENTS = pair(
  householdEmploymentProjection as unknown as KeyedProjection<HouseholdEmployment, never>,
  householdsCollection,
);

/** Every other monitor projection with its collection (their document types erased: one list, one loop). */
export const OTHER_MONITOR_DOCUMENTS = [
  pair(caseFileProjection as unknown as KeyedProjection<never, never>, caseFilesCollection),
  pair(countySettingsProjection as unknown as KeyedProjection<never, never>, countySettingsCollection),
  pair(workerEmploymentStatusProjection as unknown as KeyedProjection<never, never>, workersCollection),
  pair(openVacanciesProjection as unknown as KeyedProjection<never, never>, vacanciesCollection),
  pair(directoryProjection as unknown as KeyedProjection<never, never>, directoryCollection),
  pair(transportSubsidyProjection as unknown as KeyedProjection<never, never>, subsidiesCollection),
  pair(transportSubsidyClaimsProjection as unknown as KeyedProjection<never, never>, subsidyClaimsCollection),
  pair(followUpsDueProjection as unknown as KeyedProjection<never, never>, followUpsCollection),
  pair(vacancyExpiryProjection as unknown as KeyedProjection<never, never>, dueVacancyExpiriesCollection),
  pair(welfareTermProjection as unknown as KeyedProjection<never, never>, dueWelfareTermsCollection),
  pair(courseListProjection as unknown as KeyedProjection<never, never>, trainingCoursesCollection),
  pair(
    householdPlacementsProjection as unknown as KeyedProjection<never, never>,
    householdPlacementsCollection,
  ),
  pair(vacancyPlacementsProjection as unknown as KeyedProjection<never, never>, vacancyPlacementsCollection),
  pair(workshopRegisterProjection as unknown as KeyedProjection<never, never>, workshopRegisterCollection),
] as unknown as readonly ProjectedCollection<GuardedDocument & { countyCode?: string | null }>[];

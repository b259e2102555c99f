import type { HouseholdEmployment } from '@lib/domain/monitor/household-employment';
import type { RegionEmployment } from '@lib/domain/monitor/county-employment.projection';
import type { ZeroEmploymentCaseFile } from '@lib/domain/cases/case-file.projection';
import type { CountySettings } from '@lib/domain/cases/county-settings';
import type { WorkerEmploymentStatus } from '@lib/domain/monitor/worker-employment-status.projection';
import type { OpenVacancy } from '@lib/domain/monitor/open-vacancies.projection';
import type { DirectoryEntry } from '@lib/domain/employers/directory.projection';
import type { TransportSubsidyGrant } from '@lib/domain/monitor/transport-subsidy.projection';
import type { TransportSubsidyClaimDoc } from '@lib/domain/subsidies/transport-subsidy-claims.projection';
import type { PlacementFollowUps } from '@lib/domain/placements/follow-ups-due.projection';
import type { MonitorAppend } from '@lib/domain/monitor/employment-monitor.process-manager';
import type { VacancyExpiryDue } from '@lib/domain/scheduling/vacancy-expiry.projection';
import type { WelfareTermDue } from '@lib/domain/scheduling/welfare-term.projection';
import type { CourseListing } from '@lib/domain/training/course-list.projection';
import type { HouseholdPlacements } from '@lib/domain/reports/household-placements.projection';
import { posterKey, type VacancyPlacements } from '@lib/domain/reports/vacancy-placements.projection';
import type { WorkshopRecord } from '@lib/domain/reports/workshop-register.projection';
import type { AnyCollection, CollectionSpec } from '@lib/read-store';

/**
 * The collections of the employment monitor's read side: one per projection of libs/domain/src/monitor,
 * keyed as the projection keys its documents, with the fields the HTTP queries filter and sort on.
 */

/** Key: householdId. */
export const householdsCollection: CollectionSpec<
  HouseholdEmployment,
  'countyCode' | 'prefectureCode' | 'status'
> = {
  name: 'households',
  fields: {
    countyCode: (d) => d.countyCode,
    prefectureCode: (d) => d.prefectureCode,
    status: (d) => d.status,
  },
  indexes: [['countyCode', 'status']],
};

/** Key: `regionKey(level, code)`, e.g. `county:520402`; `parentCode` is a county's prefecture. */
export const regionsCollection: CollectionSpec<RegionEmployment, 'level' | 'parentCode'> = {
  name: 'regions',
  fields: {
    level: (d) => d.level,
    parentCode: (d) => (d.level === 'county' ? `${d.regionCode.slice(0, 4)}00` : ''),
  },
};

/** Key: caseId (`<householdId>:<caseNo>`); a county's cases by status, oldest first, or by assignee. */
export const caseFilesCollection: CollectionSpec<
  ZeroEmploymentCaseFile,
  'countyCode' | 'status' | 'openedAt' | 'householdId' | 'assigneeId'
> = {
  name: 'zero_employment_cases',
  fields: {
    countyCode: (d) => d.countyCode,
    status: (d) => (d.clearedAt === null ? 'open' : 'cleared'),
    openedAt: (d) => d.openedAt,
    householdId: (d) => d.householdId,
    assigneeId: (d) => d.assignee?.id ?? '',
  },
  indexes: [
    ['countyCode', 'status', 'openedAt'],
    ['countyCode', 'status', 'assigneeId'],
  ],
};

/** Key: county code; only counties that set their own case deadlines have one. */
export const countySettingsCollection: CollectionSpec<CountySettings, never> = {
  name: 'county_settings',
  fields: {},
};

/** Key: workerId. */
export const workersCollection: CollectionSpec<WorkerEmploymentStatus, 'householdId' | 'employed'> = {
  name: 'workers',
  fields: {
    householdId: (d) => d.householdId,
    employed: (d) => (d.employed ? 1 : 0),
  },
};

/** Key: vacancyId. A vacancy outside the province has countyCode ''. */
export const vacanciesCollection: CollectionSpec<
  OpenVacancy,
  'countyCode' | 'status' | 'sourceType' | 'postedAt'
> = {
  name: 'vacancies',
  fields: {
    countyCode: (d) => d.countyCode ?? '',
    status: (d) => d.status,
    sourceType: (d) => d.source.type,
    postedAt: (d) => d.postedAt,
  },
  indexes: [
    ['countyCode', 'status', 'postedAt'],
    ['status', 'postedAt'],
  ],
};

/** Key: `directoryKey(kind, id)`: employers, labour stations, workshops by name (a few thousand). */
export const directoryCollection: CollectionSpec<DirectoryEntry, 'kind'> = {
  name: 'directory',
  fields: { kind: (d) => d.kind },
};

/** Key: `transportSubsidyKey(workerId, year)`. */
export const subsidiesCollection: CollectionSpec<TransportSubsidyGrant, 'countyCode' | 'year' | 'workerId'> =
  {
    name: 'transport_subsidies',
    fields: {
      countyCode: (d) => d.countyCode,
      year: (d) => d.year,
      workerId: (d) => d.workerId,
    },
    indexes: [['countyCode', 'year']],
  };

/** Key: `transportSubsidyKey(workerId, year)`, as the grants: a subsidy's claim, review and payment. */
export const subsidyClaimsCollection: CollectionSpec<TransportSubsidyClaimDoc, 'countyCode' | 'status'> = {
  name: 'transport_subsidy_claims',
  fields: { countyCode: (d) => d.countyCode, status: (d) => d.status },
  indexes: [['countyCode', 'status']],
};

/**
 * Key: placementId. A county's list reads them by key from its households' current placements (a follow-up
 * document has no county); the fields serve a household's or a status's.
 */
export const followUpsCollection: CollectionSpec<PlacementFollowUps, 'householdId' | 'status'> = {
  name: 'follow_ups',
  fields: {
    householdId: (d) => d.householdId,
    status: (d) => d.status,
  },
};

/** Key: courseId. A county's training courses, by start date. */
export const trainingCoursesCollection: CollectionSpec<CourseListing, 'countyCode' | 'startDate'> = {
  name: 'training_courses',
  fields: {
    countyCode: (d) => d.countyCode,
    startDate: (d) => d.startDate,
  },
  indexes: [['countyCode', 'startDate']],
};

/** Key: householdId. Every placement of a household, ended and voided ones too: the reports by station and workshop. */
export const householdPlacementsCollection: CollectionSpec<HouseholdPlacements, 'countyCode'> = {
  name: 'report_household_placements',
  fields: { countyCode: (d) => d.countyCode },
};

/** Key: vacancyId. A vacancy's poster (`posterKey`) and the households placed through it. */
export const vacancyPlacementsCollection: CollectionSpec<VacancyPlacements, 'poster'> = {
  name: 'report_vacancy_placements',
  fields: { poster: (d) => posterKey(d.source) },
};

/** Key: workshopId. The workshops by county, decertified ones kept (marked). */
export const workshopRegisterCollection: CollectionSpec<WorkshopRecord, 'countyCode'> = {
  name: 'report_workshops',
  fields: { countyCode: (d) => d.countyCode },
};

/**
 * The due items the scheduler reads (libs/application/src/scheduler): the pending ones by due time, oldest
 * first, in a county or everywhere. `pending` is 1 while the item's event is not in, 0 after.
 */
type DueFields = 'countyCode' | 'pending' | 'dueAt';
const dueFields = {
  countyCode: (d: { countyCode: string }) => d.countyCode,
  pending: (d: { pending: boolean }) => (d.pending ? 1 : 0),
  dueAt: (d: { dueAt: string }) => d.dueAt,
};
const dueIndexes: readonly (readonly DueFields[])[] = [
  ['pending', 'dueAt'],
  ['countyCode', 'pending', 'dueAt'],
];

/** Key: vacancyId. */
export const dueVacancyExpiriesCollection: CollectionSpec<VacancyExpiryDue, DueFields> = {
  name: 'due_vacancy_expiries',
  fields: dueFields,
  indexes: dueIndexes,
};

/** Key: placementId. */
export const dueWelfareTermsCollection: CollectionSpec<WelfareTermDue, DueFields> = {
  name: 'due_welfare_terms',
  fields: dueFields,
  indexes: dueIndexes,
};

/** An outbox entry: an append, and its place among its batch's appends (a stream's appends go in that order). */
export interface OutboxEntry extends MonitorAppend {
  readonly seq: number;
}

/**
 * The process manager's outbox: monitor appends decided by a batch, written with that batch and appended to
 * the event store after it commits; an entry is removed once its append is in the store. Key: the id of the
 * append's first event (derived, unique).
 */
export const monitorOutboxCollection: CollectionSpec<OutboxEntry, never> = {
  name: 'monitor_outbox',
  fields: {},
};

/** A position of the log at or below the Kafka-fed monitor's highest applied one whose event is not applied yet. */
export interface PendingPosition {
  /** Decimal. */
  readonly position: string;
}

/**
 * The Kafka-fed monitor's pending positions (see AppliedPositions): its partitions interleave, so below the
 * highest position it applied some events may not be applied yet; written with each batch, so a restart knows
 * at once what was applied. Key: the position, decimal.
 */
export const monitorPendingPositionsCollection: CollectionSpec<PendingPosition, never> = {
  name: 'monitor_pending_positions',
  fields: {},
};

export const MONITOR_COLLECTIONS: readonly AnyCollection[] = [
  householdsCollection,
  regionsCollection,
  caseFilesCollection,
  workersCollection,
  vacanciesCollection,
  directoryCollection,
  subsidiesCollection,
  subsidyClaimsCollection,
  countySettingsCollection,
  followUpsCollection,
  dueVacancyExpiriesCollection,
  dueWelfareTermsCollection,
  trainingCoursesCollection,
  householdPlacementsCollection,
  vacancyPlacementsCollection,
  workshopRegisterCollection,
  monitorOutboxCollection,
  monitorPendingPositionsCollection,
].map((c) => c as unknown as AnyCollection);

/**
 * The checkpoint every monitor collection is written with (one batch feeds them all). @3 added the follow-ups
 * due, @4 the due items the scheduler reads, @5 the vacancies' details and the directory of employers and
 * posters, @6 the training courses, @7 the reports' placements, vacancies' posters and workshops: a read store
 * written by an earlier version is rebuilt at start, so what was placed or posted before has its documents.
 */
export const MONITOR_CHECKPOINT = 'employment-monitor@7';

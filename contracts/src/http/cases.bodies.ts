import { z } from 'zod';
import {
  caseAssignee,
  caseFinding,
  caseNote,
  caseId,
  channel,
  guizhouCountyCode,
  householdId,
  isoDate,
  isoDateTime,
  jobSeekerService,
  labourCapacity,
  offeredVacancyIds,
  personName,
  positionString,
  shortText,
  workerId,
} from '../values';
import {
  caseClearedBy,
  caseDeadlines,
  measureRecord,
  noLabourWorkerIds,
  verificationRecord,
} from '../events/cases.events';
import { pageQuery } from './page-query';

/** The colour of a case on the work list: in time, a deadline within 24 h, a deadline passed. */
export const caseWarning = z.enum(['green', 'yellow', 'red']);

export const zeroEmploymentCasesQuery = z
  .object({
    status: z.enum(['open', 'cleared']).default('open'),
    warning: caseWarning.optional(),
    /** A cadre's id; `none` for the unassigned; `me` for the caller's own. */
    assignee: z.string().min(1).max(200).optional(),
    /** Only cases past a deadline. */
    overdue: z.enum(['true', 'false']).optional(),
    ...pageQuery,
  })
  .strict();
export type ZeroEmploymentCasesQuery = z.infer<typeof zeroEmploymentCasesQuery>;

/** A member as the county office sees it on its own cases (personal data: its own county only, every read logged). */
export const caseMember = z
  .object({
    workerId,
    memberNo: z.number().int(),
    name: z.string(),
    labourCapacity,
    employed: z.boolean(),
    channel: channel.nullable(),
  })
  .meta({ id: 'CaseMember' });

const caseEntryType = z.enum(['opened', 'assigned', 'verified', 'measure', 'cleared']);

const caseItemFields = {
  caseId,
  caseNo: z.number().int().min(1),
  householdId,
  countyCode: guizhouCountyCode,
  status: z.enum(['open', 'cleared']),
  openedAt: isoDateTime,
  clearedAt: isoDateTime.nullable(),
  clearedBy: caseClearedBy.nullable(),
  ageDays: z.number().min(0),
  assignee: caseAssignee.nullable(),
  warning: caseWarning,
  assistDueAt: isoDateTime,
  clearDueAt: isoDateTime,
  assistOverdue: z.boolean(),
  clearOverdue: z.boolean(),
  measures: z.number().int().min(0),
  lastFinding: caseFinding.nullable(),
  lastActionAt: isoDateTime,
  /** What happened at lastActionAt (null for a case recorded before it was kept). */
  lastAction: caseEntryType.nullable(),
  /** The household as its office knows it: the head (member 1) by name, the site, the members. */
  household: z
    .object({ headName: z.string().nullable(), relocationSiteId: z.string(), members: z.number().int() })
    .nullable(),
};

export const zeroEmploymentCaseItem = z.object(caseItemFields).meta({ id: 'ZeroEmploymentCaseItem' });

export const zeroEmploymentCasesResponse = z
  .object({
    items: z.array(zeroEmploymentCaseItem),
    total: z.number().int().min(0),
    nextCursor: z.string().nullable(),
    position: positionString,
  })
  .meta({ id: 'ZeroEmploymentCasesResponse' });
export type ZeroEmploymentCasesResponse = z.infer<typeof zeroEmploymentCasesResponse>;

export const caseTimelineEntry = z
  .object({
    type: caseEntryType,
    at: isoDateTime,
    by: z.string(),
    recordedAt: isoDateTime,
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'CaseTimelineEntry' });

export const zeroEmploymentCaseResponse = z
  .object({
    ...caseItemFields,
    timeline: z.array(caseTimelineEntry),
    members: z.array(caseMember),
    position: positionString,
  })
  .meta({ id: 'ZeroEmploymentCaseResponse' });
export type ZeroEmploymentCaseResponse = z.infer<typeof zeroEmploymentCaseResponse>;

export const caseParams = z.object({ caseId }).strict();

export const assignCaseBody = z.object({ assignee: caseAssignee }).strict().meta({ id: 'AssignCaseBody' });
export type AssignCaseBody = z.infer<typeof assignCaseBody>;

/**
 * A check on the ground. A finding that changes facts brings them: `employed_elsewhere` the employment found
 * (recorded on the household as a report from a cadre's visit), `no_labour` the members who can no longer work.
 */
export const recordVerificationBody = z
  .object({
    /** The office's id for the record: a repeated request with it appends nothing. */
    verificationId: shortText.optional(),
    ...verificationRecord,
    // Text is checked at the edge by today's rules (free-text.ts); the event keeps what was recorded.
    note: caseNote.optional(),
    employment: z
      .object({ workerId, channel, employer: shortText.optional(), startDate: isoDate })
      .strict()
      .optional(),
    workerIds: noLabourWorkerIds.optional(),
  })
  .strict()
  .meta({ id: 'RecordVerificationBody' });
export type RecordVerificationBody = z.infer<typeof recordVerificationBody>;

export const recordMeasureBody = z
  .object({
    measureId: shortText.optional(),
    ...measureRecord,
    takenBy: personName.optional(),
    note: caseNote.optional(),
  })
  .strict()
  .meta({ id: 'RecordMeasureBody' });
export type RecordMeasureBody = z.infer<typeof recordMeasureBody>;

/** A "131" service delivered outside a case. */
export const recordServiceBody = z
  .object({
    serviceId: shortText.optional(),
    service: jobSeekerService,
    deliveredAt: isoDateTime,
    vacancyIds: offeredVacancyIds.optional(),
  })
  .strict()
  .meta({ id: 'RecordServiceBody' });
export type RecordServiceBody = z.infer<typeof recordServiceBody>;

export const caseDeadlinesBody = z.object(caseDeadlines).strict().meta({ id: 'CaseDeadlinesBody' });
export type CaseDeadlinesBody = z.infer<typeof caseDeadlinesBody>;

export const caseDeadlinesResponse = z
  .object({
    countyCode: guizhouCountyCode,
    assistWithinDays: z.number().int(),
    clearWithinDays: z.number().int(),
    isDefault: z.boolean(),
    position: positionString,
  })
  .meta({ id: 'CaseDeadlinesResponse' });

export const caseRecordedResponse = z
  .object({ recordId: z.string(), position: positionString })
  .meta({ id: 'CaseRecordedResponse' });

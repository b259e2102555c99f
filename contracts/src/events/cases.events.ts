import { z } from 'zod';
import {
  recordedCaseAssignee,
  recordedText,
  caseFinding,
  caseMeasureKind,
  caseVerificationMethod,
  channel,
  employmentId,
  guizhouCountyCode,
  householdId,
  isoDate,
  isoDateTime,
  offeredVacancyIds,
  recordId,
  workerId,
} from '../values';
import { defineEvent, type EventOf } from './define-event';
import { AT, HOUSEHOLD, VACANCY, WORKER } from './example-values';

/**
 * The zero-employment case (ADR 0007): its own stream `zero-employment-case-<householdId>:<caseNo>`. The
 * platform opens and clears it from the household's facts (the employment monitor's process manager); in
 * between the county office assigns it, records what a visit found and the assistance given.
 */

/** v1 (superseded): kept in the monitor's household stream, with due dates fixed at 3 and 5 days. */
export const ZeroEmploymentCaseOpenedV1 = defineEvent({
  type: 'ZeroEmploymentCaseOpened',
  version: 1,
  stream: 'employmentMonitor',
  time: 'openedAt',
  schema: z
    .object({
      householdId,
      countyCode: guizhouCountyCode,
      openedAt: isoDateTime,
      assistDueAt: isoDateTime,
      clearDueAt: isoDateTime,
    })
    .strict(),
  example: {
    householdId: HOUSEHOLD,
    countyCode: '520402',
    openedAt: AT,
    assistDueAt: '2026-03-04T08:00:00Z',
    clearDueAt: '2026-03-06T08:00:00Z',
  },
});

/**
 * The platform's warning (平台预警): a household with labour has no one employed. The deadlines are the county's
 * setting, applied to `openedAt` when the case is read (a county that changes them changes them for its cases).
 */
export const ZeroEmploymentCaseOpened = defineEvent({
  type: 'ZeroEmploymentCaseOpened',
  version: 2,
  stream: 'zeroEmploymentCase',
  time: 'openedAt',
  schema: z.object({ householdId, countyCode: guizhouCountyCode, openedAt: isoDateTime }).strict(),
  example: { householdId: HOUSEHOLD, countyCode: '520402', openedAt: AT },
  previous: ZeroEmploymentCaseOpenedV1,
  upcast: ({ householdId, countyCode, openedAt }) => ({ householdId, countyCode, openedAt }),
});

export const caseClearedBy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('employment'), channel }).strict(),
  /** The household has no member with labour capacity any more: social assistance, counted apart. */
  z.object({ kind: z.literal('no_labour') }).strict(),
]);
export type CaseClearedBy = z.infer<typeof caseClearedBy>;

/** The household left zero-employment: someone works, or no one can. Never by hand. */
export const ZeroEmploymentCaseCleared = defineEvent({
  type: 'ZeroEmploymentCaseCleared',
  version: 1,
  stream: 'zeroEmploymentCase',
  time: 'clearedAt',
  schema: z
    .object({
      householdId,
      countyCode: guizhouCountyCode,
      openedAt: isoDateTime,
      clearedAt: isoDateTime,
      clearedBy: caseClearedBy,
    })
    .strict(),
  example: {
    householdId: HOUSEHOLD,
    countyCode: '520402',
    openedAt: AT,
    clearedAt: '2026-03-05T10:00:00Z',
    clearedBy: { kind: 'employment', channel: 'workshop' },
  },
});

/** The responsible cadre (帮扶责任人), first or again. */
export const ZeroEmploymentCaseAssigned = defineEvent({
  type: 'ZeroEmploymentCaseAssigned',
  version: 1,
  stream: 'zeroEmploymentCase',
  time: 'assignedAt',
  schema: z
    .object({
      householdId,
      countyCode: guizhouCountyCode,
      assignee: recordedCaseAssignee,
      assignedAt: isoDateTime,
    })
    .strict(),
  example: {
    householdId: HOUSEHOLD,
    countyCode: '520402',
    assignee: { id: 'cadre-0042', name: '李明' },
    assignedAt: '2026-03-01T09:00:00Z',
  },
});

/** The facts a finding changes, decided with it and applied to the household in the same request. */
/** The members a `no_labour` finding names: they can no longer work. */
export const noLabourWorkerIds = z.array(workerId).min(1).max(20);

export const verificationFollowUp = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('employment_reported'),
      workerId,
      employmentId,
      channel,
      employer: recordedText(200).optional(),
      startDate: isoDate,
    })
    .strict(),
  z.object({ kind: z.literal('no_labour'), workerIds: noLabourWorkerIds }).strict(),
]);
export type VerificationFollowUp = z.infer<typeof verificationFollowUp>;

/** A check as the county office records it: the fields of its request that its event keeps. */
export const verificationRecord = {
  visitedAt: isoDateTime,
  method: caseVerificationMethod,
  finding: caseFinding,
  note: recordedText(1000).optional(),
};

/**
 * The data of an entry the county office records in a case (a check, a measure): whose case, the entry's own id
 * (`idField`), the fields of its request (`record`, which hold its business time), and when it was recorded.
 */
function caseEntry<TIdField extends string, TRecord extends z.ZodRawShape>(
  idField: TIdField,
  record: TRecord,
) {
  const id = { [idField]: recordId } as Record<TIdField, typeof recordId>;
  return z
    .object({ householdId, countyCode: guizhouCountyCode, ...id, ...record, recordedAt: isoDateTime })
    .strict();
}

/** The on-the-ground check (基层核实): when, how, what it found. */
export const ZeroEmploymentCaseVerified = defineEvent({
  type: 'ZeroEmploymentCaseVerified',
  version: 1,
  stream: 'zeroEmploymentCase',
  time: 'visitedAt',
  schema: caseEntry('verificationId', { ...verificationRecord, followUp: verificationFollowUp.optional() }),
  example: {
    householdId: HOUSEHOLD,
    countyCode: '520402',
    verificationId: 'verification-1',
    visitedAt: '2026-03-02T10:00:00Z',
    method: 'home_visit',
    finding: 'confirmed',
    note: '户主在家，无人外出务工',
    recordedAt: '2026-03-02T16:00:00Z',
  },
});

/** A measure as the county office records it: the fields of its request, kept by its event. */
export const measureRecord = {
  kind: caseMeasureKind,
  takenAt: isoDateTime,
  /** Who gave it, when not the office user who records it (the cadre in the village). */
  takenBy: recordedText(100).optional(),
  /** The member it was for: it then counts toward that member's "131" package. */
  workerId: workerId.optional(),
  /** The vacancies offered (job_recommendation, welfare_post_offer). */
  vacancyIds: offeredVacancyIds.optional(),
  note: recordedText(1000).optional(),
};

/** An assistance measure (帮扶措施) of the fast response (快速响应). */
export const ZeroEmploymentCaseMeasureRecorded = defineEvent({
  type: 'ZeroEmploymentCaseMeasureRecorded',
  version: 1,
  stream: 'zeroEmploymentCase',
  time: 'takenAt',
  schema: caseEntry('measureId', measureRecord),
  example: {
    householdId: HOUSEHOLD,
    countyCode: '520402',
    measureId: 'measure-1',
    kind: 'job_recommendation',
    takenAt: '2026-03-03T10:00:00Z',
    takenBy: '李明',
    workerId: WORKER,
    vacancyIds: [VACANCY],
    recordedAt: '2026-03-03T11:00:00Z',
  },
});

/** A county's response deadlines: days from the warning to the first measure, and to clearing. */
export const caseDeadlines = {
  assistWithinDays: z.number().int().min(1).max(30),
  clearWithinDays: z.number().int().min(1).max(60),
};

export const CountyCaseDeadlinesSet = defineEvent({
  type: 'CountyCaseDeadlinesSet',
  version: 1,
  stream: 'countySettings',
  time: 'setAt',
  schema: z
    .object({
      countyCode: guizhouCountyCode,
      ...caseDeadlines,
      setAt: isoDateTime,
    })
    .strict(),
  example: { countyCode: '520402', assistWithinDays: 3, clearWithinDays: 5, setAt: AT },
});

export const CASES_EVENTS = [
  ZeroEmploymentCaseOpened,
  ZeroEmploymentCaseCleared,
  ZeroEmploymentCaseAssigned,
  ZeroEmploymentCaseVerified,
  ZeroEmploymentCaseMeasureRecorded,
  CountyCaseDeadlinesSet,
] as const;

export type CasesEvent = EventOf<(typeof CASES_EVENTS)[number]>;

import { z } from 'zod';
import {
  channel,
  employmentId,
  employmentReportSource,
  gender,
  guizhouCountyCode,
  householdId,
  idNumberHash,
  idNumberLast4,
  isoDate,
  isoDateTime,
  labourCapacity,
  memberNo,
  personName,
  relocationSiteId,
  shortText,
  skillTag,
  skills,
  workerId,
  workPreference,
  yuan,
} from '../values';
import { defineEvent, type EventOf } from './define-event';

export const HouseholdRegistered = defineEvent(
  'HouseholdRegistered',
  1,
  z
    .object({ householdId, countyCode: guizhouCountyCode, relocationSiteId, registeredAt: isoDateTime })
    .strict(),
);

/** A birth year no older than 1900; the HTTP body applies the working-age range. */
export const birthYear = z.number().int().min(1900).max(2100);

const workerRegisteredCommon = {
  workerId,
  householdId,
  memberNo,
  /** Personal information: kept in events, never logged. */
  name: personName,
  idNumberHash,
  idNumberLast4,
  birthYear,
  gender,
  ethnicity: shortText.optional(),
  labourCapacity,
  skills,
  returnee: z.boolean().optional(),
  registeredAt: isoDateTime,
};

/** v1 (superseded, read through the upcaster): a yes/no on leaving the province, no expected wage. */
export const WorkerRegisteredV1 = defineEvent(
  'WorkerRegistered',
  1,
  z.object({ ...workerRegisteredCommon, willingToLeaveProvince: z.boolean() }).strict(),
);

export const WorkerRegistered = defineEvent(
  'WorkerRegistered',
  2,
  z
    .object({
      ...workerRegisteredCommon,
      preference: workPreference,
      /** Null when not stated (every worker registered under v1). */
      expectedMonthlyWage: yuan.nullable(),
    })
    .strict(),
);

export const WorkerProfileUpdated = defineEvent(
  'WorkerProfileUpdated',
  1,
  z
    .object({
      workerId,
      householdId,
      skills: skills.optional(),
      preference: workPreference.optional(),
      expectedMonthlyWage: yuan.optional(),
      updatedAt: isoDateTime,
    })
    .strict()
    .refine(
      (v) => v.skills !== undefined || v.preference !== undefined || v.expectedMonthlyWage !== undefined,
      {
        error: 'A profile update changes at least one field',
      },
    ),
);

export const WorkerTrainingCompleted = defineEvent(
  'WorkerTrainingCompleted',
  1,
  z
    .object({
      workerId,
      householdId,
      trainingId: z.string().min(1).max(100),
      name: shortText,
      skill: skillTag,
      hours: z.number().int().min(1).max(2000).optional(),
      completedAt: isoDateTime,
    })
    .strict(),
);

export const WorkerLabourCapacityChanged = defineEvent(
  'WorkerLabourCapacityChanged',
  1,
  z
    .object({
      workerId,
      householdId,
      labourCapacity,
      previousLabourCapacity: labourCapacity,
      changedAt: isoDateTime,
    })
    .strict(),
);

/** Employment found outside the platform; ended by EmploymentEnded with its employmentId. */
export const EmploymentReported = defineEvent(
  'EmploymentReported',
  1,
  z
    .object({
      employmentId,
      workerId,
      householdId,
      channel,
      employer: shortText.optional(),
      source: employmentReportSource,
      startDate: isoDate,
      reportedAt: isoDateTime,
    })
    .strict(),
);

export const WORKFORCE_EVENTS = [
  HouseholdRegistered,
  WorkerRegistered,
  WorkerProfileUpdated,
  WorkerTrainingCompleted,
  WorkerLabourCapacityChanged,
  EmploymentReported,
] as const;

export type WorkforceEvent = EventOf<(typeof WORKFORCE_EVENTS)[number]>;

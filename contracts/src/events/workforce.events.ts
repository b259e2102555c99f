import { z } from 'zod';
import {
  recordedText,
  caseId,
  jobSeekerService,
  recordId,
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
  mainlandMobile,
  memberNo,
  offeredVacancyIds,
  relationToHead,
  relocationSiteId,
  legacySkillTags,
  occupationCode,
  skillTag,
  skills,
  workerId,
  workPreference,
  yuan,
  type WorkPreference,
} from '../values';
import { defineEvent, type EventOf } from './define-event';
import { AT, HOUSEHOLD, ID_NUMBER_HASH, WORKER } from './example-values';
import { codeOfTag, skillsOfTags } from './legacy-skills';

export const HouseholdRegistered = defineEvent({
  type: 'HouseholdRegistered',
  version: 1,
  stream: 'household',
  time: 'registeredAt',
  schema: z
    .object({
      householdId,
      countyCode: guizhouCountyCode,
      relocationSiteId,
      /** Building and unit at the site (3栋2单元501) or the village; absent when not given (and before 2026-12). */
      address: recordedText(200).optional(),
      registeredAt: isoDateTime,
    })
    .strict(),
  example: {
    householdId: HOUSEHOLD,
    countyCode: '520402',
    relocationSiteId: 'site-520402-01',
    address: '3栋2单元501',
    registeredAt: AT,
  },
});

/** The household's address, changed after registration (HouseholdRegistered holds the first one). */
export const HouseholdAddressChanged = defineEvent({
  type: 'HouseholdAddressChanged',
  version: 1,
  stream: 'household',
  time: 'changedAt',
  schema: z.object({ householdId, address: recordedText(200), changedAt: isoDateTime }).strict(),
  example: { householdId: HOUSEHOLD, address: '5栋1单元302', changedAt: AT },
});

/**
 * A member's mobile number: at registration (in the same append) when given, and each time it changes.
 * Personal information: kept in events, never logged; shown only to those who answer for the member.
 */
export const MemberContactRecorded = defineEvent({
  type: 'MemberContactRecorded',
  version: 1,
  stream: 'household',
  time: 'recordedAt',
  schema: z.object({ workerId, householdId, phone: mainlandMobile, recordedAt: isoDateTime }).strict(),
  example: { workerId: WORKER, householdId: HOUSEHOLD, phone: '13812345678', recordedAt: AT },
});

/** 与户主关系: how a member is related to the head of household (one head per household), as registered. */
export const MemberRelationRecorded = defineEvent({
  type: 'MemberRelationRecorded',
  version: 1,
  stream: 'household',
  time: 'recordedAt',
  schema: z.object({ workerId, householdId, relationToHead, recordedAt: isoDateTime }).strict(),
  example: { workerId: WORKER, householdId: HOUSEHOLD, relationToHead: 'head', recordedAt: AT },
});

/** A birth year no older than 1900; the HTTP body applies the working-age range. */
export const birthYear = z.number().int().min(1900).max(2100);

const workerRegisteredCommon = {
  workerId,
  householdId,
  memberNo,
  /** Personal information: kept in events, never logged. */
  name: recordedText(100),
  idNumberHash,
  idNumberLast4,
  birthYear,
  gender,
  ethnicity: recordedText(200).optional(),
  labourCapacity,
  returnee: z.boolean().optional(),
  registeredAt: isoDateTime,
};

/** Skill tags no code stood for when an event written before codes was read (see ./legacy-skills). */
const unmappedSkills = legacySkillTags.min(1).optional();

/** The examples' worker, the same under every version of its registration (skills apart). */
const workerExample = {
  workerId: WORKER,
  householdId: HOUSEHOLD,
  memberNo: 1,
  name: '王芳',
  idNumberHash: ID_NUMBER_HASH,
  idNumberLast4: '0028',
  birthYear: 1986,
  gender: 'female',
  ethnicity: '布依族',
  labourCapacity: 'full',
} satisfies Partial<z.infer<z.ZodObject<typeof workerRegisteredCommon>>>;

/** v1 (superseded, read through WorkerRegistered's upcast): a yes/no on leaving the province, no expected wage. */
export const WorkerRegisteredV1 = defineEvent({
  type: 'WorkerRegistered',
  version: 1,
  stream: 'household',
  time: 'registeredAt',
  schema: z
    .object({ ...workerRegisteredCommon, skills: legacySkillTags, willingToLeaveProvince: z.boolean() })
    .strict(),
  example: { ...workerExample, skills: ['sewing'], willingToLeaveProvince: true, registeredAt: AT },
});

const workerRegisteredV2Fields = {
  ...workerRegisteredCommon,
  preference: workPreference,
  /** Null when not stated (every worker registered under v1). */
  expectedMonthlyWage: yuan.nullable(),
};

/** v2 (superseded, read through WorkerRegistered's upcast): skills as tags. */
export const WorkerRegisteredV2 = defineEvent({
  type: 'WorkerRegistered',
  version: 2,
  stream: 'household',
  time: 'registeredAt',
  schema: z.object({ ...workerRegisteredV2Fields, skills: legacySkillTags }).strict(),
  example: {
    ...workerExample,
    skills: ['sewing'],
    preference: 'out_of_province',
    expectedMonthlyWage: 3500,
    registeredAt: AT,
  },
  previous: WorkerRegisteredV1,
  /**
   * `willingToLeaveProvince` becomes a preference. Willing → `any`; unwilling → `in_province` (it said no
   * to leaving Guizhou, not no to jobs beyond the relocation site). The expected wage was never asked: null,
   * not a guess.
   */
  upcast: (v1) => {
    const { willingToLeaveProvince, ...rest } = v1;
    const preference: WorkPreference = willingToLeaveProvince ? 'any' : 'in_province';
    return { ...rest, preference, expectedMonthlyWage: null };
  },
});

export const WorkerRegistered = defineEvent({
  type: 'WorkerRegistered',
  version: 3,
  stream: 'household',
  time: 'registeredAt',
  schema: z.object({ ...workerRegisteredV2Fields, skills, unmappedSkills }).strict(),
  example: {
    ...workerExample,
    skills: ['6-05-01-03'],
    preference: 'out_of_province',
    expectedMonthlyWage: 3500,
    registeredAt: AT,
  },
  previous: WorkerRegisteredV2,
  /** Skill tags become their 职业分类大典 codes (`sewing` → 6-05-01-03). */
  upcast: ({ skills: tags, ...rest }) => ({ ...rest, ...skillsOfTags(tags) }),
});

const atLeastOneChange = (v: { skills?: unknown; preference?: unknown; expectedMonthlyWage?: unknown }) =>
  v.skills !== undefined || v.preference !== undefined || v.expectedMonthlyWage !== undefined;
const profileUpdateFields = {
  workerId,
  householdId,
  preference: workPreference.optional(),
  expectedMonthlyWage: yuan.optional(),
  updatedAt: isoDateTime,
};

/** v1 (superseded, read through WorkerProfileUpdated's upcast): skills as tags. */
export const WorkerProfileUpdatedV1 = defineEvent({
  type: 'WorkerProfileUpdated',
  version: 1,
  stream: 'household',
  time: 'updatedAt',
  schema: z
    .object({ ...profileUpdateFields, skills: legacySkillTags.optional() })
    .strict()
    .refine(atLeastOneChange, { error: 'A profile update changes at least one field' }),
  example: { workerId: WORKER, householdId: HOUSEHOLD, skills: ['sewing', 'embroidery'], updatedAt: AT },
});

export const WorkerProfileUpdated = defineEvent({
  type: 'WorkerProfileUpdated',
  version: 2,
  stream: 'household',
  time: 'updatedAt',
  schema: z
    .object({ ...profileUpdateFields, skills: skills.optional(), unmappedSkills })
    .strict()
    .refine(atLeastOneChange, { error: 'A profile update changes at least one field' }),
  example: { workerId: WORKER, householdId: HOUSEHOLD, skills: ['6-05-01-03', '6-09-03-11'], updatedAt: AT },
  previous: WorkerProfileUpdatedV1,
  /** Skill tags become codes; an update that did not touch skills stays without them. */
  upcast: ({ skills: tags, ...rest }) => (tags === undefined ? rest : { ...rest, ...skillsOfTags(tags) }),
});

const trainingFields = {
  workerId,
  householdId,
  trainingId: z.string().min(1).max(100),
  name: recordedText(200),
  hours: z.number().int().min(1).max(2000).optional(),
  completedAt: isoDateTime,
};
const trainingExample = {
  workerId: WORKER,
  householdId: HOUSEHOLD,
  trainingId: 'training-1',
  name: '贵州绣娘刺绣培训',
  hours: 40,
  completedAt: AT,
};

/** v1 (superseded, read through WorkerTrainingCompleted's upcast): the skill as a tag. */
export const WorkerTrainingCompletedV1 = defineEvent({
  type: 'WorkerTrainingCompleted',
  version: 1,
  stream: 'household',
  time: 'completedAt',
  schema: z.object({ ...trainingFields, skill: skillTag }).strict(),
  example: { ...trainingExample, skill: 'embroidery' },
});

export const WorkerTrainingCompleted = defineEvent({
  type: 'WorkerTrainingCompleted',
  version: 2,
  stream: 'household',
  time: 'completedAt',
  schema: z
    .object({
      ...trainingFields,
      /** The occupation the training prepares for. */
      skill: occupationCode,
      /** The tag of a v1 event no code stood for (its skill is then 8-00-00-00). */
      unmappedSkill: skillTag.optional(),
    })
    .strict(),
  example: { ...trainingExample, skill: '6-09-03-11' },
  previous: WorkerTrainingCompletedV1,
  /** The skill tag becomes its code (`embroidery` → 6-09-03-11). */
  upcast: ({ skill: tag, ...rest }) => {
    const { code, unmapped } = codeOfTag(tag);
    return unmapped === undefined
      ? { ...rest, skill: code }
      : { ...rest, skill: code, unmappedSkill: unmapped };
  },
});

export const WorkerLabourCapacityChanged = defineEvent({
  type: 'WorkerLabourCapacityChanged',
  version: 1,
  stream: 'household',
  time: 'changedAt',
  schema: z
    .object({
      workerId,
      householdId,
      labourCapacity,
      previousLabourCapacity: labourCapacity,
      changedAt: isoDateTime,
    })
    .strict(),
  example: {
    workerId: WORKER,
    householdId: HOUSEHOLD,
    labourCapacity: 'partial',
    previousLabourCapacity: 'full',
    changedAt: AT,
  },
});

/** Employment found outside the platform; ended by EmploymentEnded with its employmentId. */
export const EmploymentReported = defineEvent({
  type: 'EmploymentReported',
  version: 1,
  stream: 'household',
  time: 'reportedAt',
  schema: z
    .object({
      employmentId,
      workerId,
      householdId,
      channel,
      employer: recordedText(200).optional(),
      source: employmentReportSource,
      startDate: isoDate,
      reportedAt: isoDateTime,
    })
    .strict(),
  example: {
    employmentId: 'employment-1',
    workerId: WORKER,
    householdId: HOUSEHOLD,
    channel: 'self_employed',
    source: 'cadre_visit',
    startDate: '2026-02-15',
    reportedAt: AT,
  },
});

/**
 * A service of the "131" package delivered to a job-seeker (1 career guidance, 3 job recommendations, 1
 * training offer), from a case's measure (`caseId`) or outside one.
 */
export const WorkerServiceDelivered = defineEvent({
  type: 'WorkerServiceDelivered',
  version: 1,
  stream: 'household',
  time: 'deliveredAt',
  schema: z
    .object({
      workerId,
      householdId,
      serviceId: recordId,
      service: jobSeekerService,
      /** The vacancies recommended (job_recommendation). */
      vacancyIds: offeredVacancyIds.optional(),
      caseId: caseId.optional(),
      deliveredAt: isoDateTime,
    })
    .strict(),
  example: {
    workerId: WORKER,
    householdId: HOUSEHOLD,
    serviceId: 'service-1',
    service: 'job_recommendation',
    vacancyIds: ['0b6f1c3a-2d4e-4f61-8a9b-3c2d1e0f4a5b'],
    caseId: `${HOUSEHOLD}:1`,
    deliveredAt: AT,
  },
});

export const WORKFORCE_EVENTS = [
  HouseholdRegistered,
  HouseholdAddressChanged,
  WorkerRegistered,
  MemberContactRecorded,
  MemberRelationRecorded,
  WorkerProfileUpdated,
  WorkerTrainingCompleted,
  WorkerLabourCapacityChanged,
  EmploymentReported,
  WorkerServiceDelivered,
] as const;

export type WorkforceEvent = EventOf<(typeof WORKFORCE_EVENTS)[number]>;

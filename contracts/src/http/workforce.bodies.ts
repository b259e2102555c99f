import { z } from 'zod';
import {
  channel,
  employmentEndReason,
  employmentReportSource,
  gender,
  guizhouCountyCode,
  identityOfResidentId,
  residentIdProblem,
  type Gender,
  isoDate,
  isoDateTime,
  labourCapacity,
  mainlandMobile,
  personName,
  relationToHead,
  relocationSiteId,
  residentIdNumber,
  shortText,
  occupationInput,
  skillsInput,
  workPreference,
  yuan,
} from '../values';

export const OLDEST_BIRTH_YEAR = 1940;
export const YOUNGEST_WORKER_AGE = 16;

const utcYear = () => new Date().getUTCFullYear();

/**
 * A member's birth year, 1940 to (this year − 16). The current year is read when parsing (validation is not a
 * decider); pass a clock to pin it in tests.
 */
export const birthYearInRange = (currentYear: () => number = utcYear) =>
  z
    .number()
    .int()
    .min(OLDEST_BIRTH_YEAR, `birthYear must be ${OLDEST_BIRTH_YEAR} or later`)
    .superRefine((year, ctx) => {
      const latest = currentYear() - YOUNGEST_WORKER_AGE;
      if (year > latest) {
        ctx.addIssue({
          code: 'custom',
          message: `birthYear must be between ${OLDEST_BIRTH_YEAR} and ${latest}`,
        });
      }
    });

const memberFieldsAt = (currentYear?: () => number) =>
  z
    .object({
      name: personName,
      idNumber: residentIdNumber,
      birthYear: birthYearInRange(currentYear),
      gender,
      ethnicity: shortText.optional(),
      labourCapacity,
      /** 职业分类大典 codes of what the member can do (legacy tags such as `sewing` are accepted). */
      skills: skillsInput.default([]),
      preference: workPreference,
      /** Omitted when the member states none. */
      expectedMonthlyWage: yuan.optional(),
      returnee: z.boolean().optional(),
      /** A mainland mobile; the county office phones the household on it. */
      phone: mainlandMobile.optional(),
      relationToHead: relationToHead.optional(),
    })
    .strict();

/**
 * The ID number encodes the birth date (digits 7-14) and the gender (the 17th digit, odd for men): a
 * birth year or gender that contradicts it is a typing error in one of them, refused on the field that
 * disagrees.
 */
function agreesWithIdNumber(
  member: { idNumber: string; birthYear: number; gender: Gender },
  ctx: z.core.$RefinementCtx,
) {
  if (residentIdProblem(member.idNumber) !== null) return;
  const { birthYear, gender: genderOnId } = identityOfResidentId(member.idNumber);
  if (member.birthYear !== birthYear) {
    ctx.addIssue({
      code: 'custom',
      path: ['birthYear'],
      message: `birthYear ${member.birthYear} does not match the ID number, which gives ${birthYear}`,
    });
  }
  if (member.gender !== genderOnId) {
    ctx.addIssue({
      code: 'custom',
      path: ['gender'],
      message: `gender ${member.gender} does not match the ID number, which gives ${genderOnId}`,
    });
  }
}

export const memberBodyAt = (currentYear?: () => number) =>
  memberFieldsAt(currentYear).superRefine(agreesWithIdNumber);

/**
 * Employment a member already has when the household is registered: the fields of an employment report,
 * decided in the same append as the registration so a household never looks unemployed in between.
 */
export const currentEmploymentBody = z
  .object({ channel, employer: shortText.optional(), source: employmentReportSource, startDate: isoDate })
  .strict();
export type CurrentEmploymentBody = z.infer<typeof currentEmploymentBody>;

// POST /v1/households/:id/workers
export const addWorkerBody = memberBodyAt().meta({ id: 'AddWorkerBody' });
export type MemberBody = z.output<typeof addWorkerBody>;

export const householdBodyAt = (currentYear?: () => number) =>
  z
    .object({
      countyCode: guizhouCountyCode,
      relocationSiteId,
      /** Building and unit at the site (e.g. 3栋2单元501), or the village for a household still there. */
      address: shortText.optional(),
      members: z
        .array(
          memberFieldsAt(currentYear)
            .extend({ currentEmployment: currentEmploymentBody.optional() })
            .superRefine(agreesWithIdNumber),
        )
        .min(1, 'A household has at least one member')
        .max(20),
    })
    .strict()
    .superRefine((body, ctx) => {
      const seen = new Map<string, number>();
      body.members.forEach((member, index) => {
        const first = seen.get(member.idNumber);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['members', index, 'idNumber'],
            message: `Same ID number as members.${first}`,
          });
        } else seen.set(member.idNumber, index);
      });
      const heads = body.members.flatMap((member, index) =>
        member.relationToHead === 'head' ? [index] : [],
      );
      for (const index of heads.slice(1)) {
        ctx.addIssue({
          code: 'custom',
          path: ['members', index, 'relationToHead'],
          message: `A household has one head: members.${heads[0]} is already the head`,
        });
      }
    });

// POST /v1/households
export const registerHouseholdBody = householdBodyAt().meta({ id: 'RegisterHouseholdBody' });
export type RegisterHouseholdBody = z.output<typeof registerHouseholdBody>;

// PATCH /v1/workers/:id
export const updateWorkerBody = z
  .object({
    skills: skillsInput.optional(),
    preference: workPreference.optional(),
    labourCapacity: labourCapacity.optional(),
    expectedMonthlyWage: yuan.optional(),
    /** The member's mobile, new or changed. */
    phone: mainlandMobile.optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((value) => value !== undefined), {
    error: 'Give at least one of skills, preference, labourCapacity, expectedMonthlyWage, phone',
  })
  .meta({ id: 'UpdateWorkerBody' });
export type UpdateWorkerBody = z.infer<typeof updateWorkerBody>;

// POST /v1/workers/:id/trainings
export const recordTrainingBody = z
  .object({
    name: shortText,
    /** The occupation the training prepares for: a code (or a legacy tag). */
    skill: occupationInput,
    completedAt: isoDateTime,
    hours: z.number().int().min(1).max(2000).optional(),
  })
  .strict()
  .meta({ id: 'RecordTrainingBody' });
export type RecordTrainingBody = z.infer<typeof recordTrainingBody>;

// POST /v1/workers/:id/employment-reports
export const reportEmploymentBody = currentEmploymentBody.meta({ id: 'ReportEmploymentBody' });
export type ReportEmploymentBody = z.infer<typeof reportEmploymentBody>;

// POST /v1/employment-reports/:employmentId/end
export const endEmploymentBody = z
  .object({
    reason: employmentEndReason,
    /** When the job ended: not in the future, not before it started. Defaults to the time of the request. */
    endedAt: isoDateTime.optional(),
  })
  .strict()
  .meta({ id: 'EndEmploymentBody' });
export type EndEmploymentBody = z.infer<typeof endEmploymentBody>;

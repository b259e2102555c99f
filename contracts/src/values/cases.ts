import { z } from 'zod';
import { actorId, entityId, vacancyId } from './ids';
import { freeText, recordedText } from './free-text';
import { personName } from './scalars';
import { CASE_FINDINGS, CASE_MEASURE_KINDS, CASE_VERIFICATION_METHODS } from './vocabulary';

/** The responsible cadre of a case (帮扶责任人): who answers for it, by id and by name. */
export const caseAssignee = z.object({ id: actorId, name: personName }).strict();
/** The assignee as the log holds it (free-text.ts, recordedText). */
export const recordedCaseAssignee = z.object({ id: actorId, name: recordedText(100) }).strict();
export type CaseAssignee = z.infer<typeof caseAssignee>;

export const caseVerificationMethod = z.enum(CASE_VERIFICATION_METHODS);
export type CaseVerificationMethod = z.infer<typeof caseVerificationMethod>;

export const caseFinding = z.enum(CASE_FINDINGS);
export type CaseFinding = z.infer<typeof caseFinding>;

export const caseMeasureKind = z.enum(CASE_MEASURE_KINDS);
export type CaseMeasureKind = z.infer<typeof caseMeasureKind>;

/** The three services of the "131" package every job-seeker is owed: 1 guidance, 3 recommendations, 1 training. */
export const JOB_SEEKER_SERVICES = ['career_guidance', 'job_recommendation', 'training_offer'] as const;
export const jobSeekerService = z.enum(JOB_SEEKER_SERVICES);
export type JobSeekerService = z.infer<typeof jobSeekerService>;

/** The vacancies a job recommendation (or a public-welfare post offer) names: one to ten. */
export const offeredVacancyIds = z.array(vacancyId).min(1).max(10);

/** A case's id: `<householdId>:<caseNo>`. */
export const caseId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_:-]{0,99}:[1-9]\d{0,3}$/, 'A case id is "<householdId>:<caseNo>"');

/** Free text a cadre writes: a note on a visit or a measure. */
export const caseNote = freeText(1000, { multiline: true });

export const recordId = entityId;

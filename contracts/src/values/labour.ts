import { z } from 'zod';
import { CHANNELS, FOLLOW_UP_OUTCOMES } from './vocabulary';

export const LABOUR_CAPACITIES = ['full', 'partial', 'weak', 'none'] as const;
export const labourCapacity = z.enum(LABOUR_CAPACITIES);
export type LabourCapacity = z.infer<typeof labourCapacity>;

export const WORK_PREFERENCES = ['local', 'in_province', 'out_of_province', 'any'] as const;
export const workPreference = z.enum(WORK_PREFERENCES);
export type WorkPreference = z.infer<typeof workPreference>;

export const channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof channel>;

export const GENDERS = ['female', 'male'] as const;
export const gender = z.enum(GENDERS);
export type Gender = z.infer<typeof gender>;

export const EMPLOYMENT_END_REASONS = [
  'quit',
  'contract_end',
  'dismissed',
  'returned_home',
  'welfare_term_end',
] as const;
export const employmentEndReason = z.enum(EMPLOYMENT_END_REASONS);
export type EmploymentEndReason = z.infer<typeof employmentEndReason>;

/** Where news of employment found outside the platform came from (the monitoring system's three sources). */
export const EMPLOYMENT_REPORT_SOURCES = ['declaration', 'cadre_visit', 'department_data'] as const;
export const employmentReportSource = z.enum(EMPLOYMENT_REPORT_SOURCES);
export type EmploymentReportSource = z.infer<typeof employmentReportSource>;

export const VERIFICATION_METHODS = ['phone', 'visit', 'employer_report', 'social_insurance_data'] as const;
export const verificationMethod = z.enum(VERIFICATION_METHODS);
export type VerificationMethod = z.infer<typeof verificationMethod>;

export const followUpOutcome = z.enum(FOLLOW_UP_OUTCOMES);
export type FollowUpOutcome = z.infer<typeof followUpOutcome>;

export const VACANCY_SOURCE_TYPES = ['labour_station', 'workshop', 'public_welfare'] as const;
export const vacancySourceType = z.enum(VACANCY_SOURCE_TYPES);
export type VacancySourceType = z.infer<typeof vacancySourceType>;

export const WAGE_PERIODS = ['month', 'day', 'hour'] as const;
export const wagePeriod = z.enum(WAGE_PERIODS);
export type WagePeriod = z.infer<typeof wagePeriod>;

/**
 * A tag as skills and occupations were before codes (lowercase snake_case, e.g. `sewing`): what events
 * written then hold, and what a workshop's `sector` (an industry, not an occupation) still is.
 */
export const skillTag = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'A skill is lowercase snake_case, e.g. "sewing"');
/** Skills as events written before codes hold them (current ones hold codes: `skills` in ./occupation-code). */
export const legacySkillTags = z.array(skillTag).max(50);

import { z } from 'zod';
import { ageRange, vacancySource, wageRange, welfareTerms, workLocation } from '../events/postings.events';
import { isoDateTime, labourCapacity, positionString, socialInsuranceTerms, vacancyId } from '../values';
import { vacancyStatus } from './postings.bodies';

const count = z.number().int().min(0);

/** A code with its Chinese label (GB/T 6565 occupations; an unknown code labels as itself). */
export const labelledCode = z.object({ code: z.string(), label: z.string() });

/** Who the vacancy is with: the employer of the register, or its poster when it names none. */
export const vacancyEmployer = z
  .object({
    employerId: z.string().optional(),
    name: z.string(),
    creditCode: z.string().optional(),
    industry: z.string().optional(),
    city: z.string().optional(),
  })
  .meta({ id: 'VacancyEmployer' });

// GET /v1/vacancies/:id: everything a worker asks before going; a detail not posted is null.
export const vacancyDetailResponse = z
  .object({
    vacancyId,
    title: z.string(),
    occupation: labelledCode,
    skills: z.array(labelledCode),
    employer: vacancyEmployer,
    source: vacancySource.extend({ name: z.string() }),
    location: workLocation,
    wage: wageRange,
    openings: count,
    filled: count,
    reserved: count,
    /** openings − reserved − filled, never below 0. */
    remaining: count,
    status: vacancyStatus,
    ageRange,
    labourCapacities: z.array(labourCapacity),
    accommodation: z.boolean(),
    meals: z.boolean().nullable(),
    flexibleHours: z.boolean(),
    workingHours: z.string().nullable(),
    contractTerms: z.string().nullable(),
    socialInsurance: socialInsuranceTerms.nullable(),
    description: z.string().nullable(),
    contact: z.object({ name: z.string(), phone: z.string() }).nullable(),
    welfare: welfareTerms.optional(),
    expiresAt: isoDateTime,
    postedAt: isoDateTime,
    position: positionString,
  })
  .meta({ id: 'VacancyDetailResponse' });
export type VacancyDetailResponse = z.infer<typeof vacancyDetailResponse>;

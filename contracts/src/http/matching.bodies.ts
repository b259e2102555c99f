import { z } from 'zod';
import { wageRange } from '../events/postings.events';
import {
  employmentEndReason,
  gender,
  guizhouCountyCode,
  isoDate,
  labourCapacity,
  reasonText,
  vacancyId,
  workerId,
} from '../values';

// POST /v1/placements
export const placeWorkerBody = z
  .object({
    workerId,
    vacancyId,
    /** Why the broker chose other than the top recommendation (recorded in the event). */
    overrideReason: reasonText.optional(),
    recommendationRank: z.number().int().min(1).max(1000).optional(),
    /** Defaults to the day of the command. */
    startDate: isoDate.optional(),
  })
  .strict()
  .meta({ id: 'PlaceWorkerBody' });
export type PlaceWorkerBody = z.infer<typeof placeWorkerBody>;

// POST /v1/placements/:id/end
export const endPlacementBody = z
  .object({ reason: employmentEndReason })
  .strict()
  .meta({ id: 'EndPlacementBody' });
export type EndPlacementBody = z.infer<typeof endPlacementBody>;

// POST /v1/match-plans
export const matchPlanBody = z
  .object({
    counties: z
      .array(guizhouCountyCode)
      .min(1)
      .max(88)
      .refine((list) => new Set(list).size === list.length, { error: 'counties has duplicates' }),
  })
  .strict()
  .meta({ id: 'MatchPlanBody' });
export type MatchPlanBody = z.infer<typeof matchPlanBody>;

// GET /v1/workers/:id/recommendations?limit= and GET /v1/vacancies/:id/candidates?limit=
export const rankingQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) }).strict();
export type RankingQuery = z.infer<typeof rankingQuery>;

/** A vacancy's line in a recommendation or a plan, so no client needs a second call to show it. */
export const vacancySummary = z
  .object({
    title: z.string(),
    /** The employer of the register, or the poster when the vacancy names none. */
    employer: z.object({ name: z.string() }),
    location: z.object({ province: z.string(), city: z.string() }),
    wage: wageRange,
    accommodation: z.boolean(),
    /** Null when the posting does not say. */
    meals: z.boolean().nullable(),
  })
  .meta({ id: 'VacancySummary' });

/**
 * A worker's line in a candidate list or a plan: the name whole for the county's office and brokers, masked
 * for the admin, null for anyone else (libs/auth personal-data); never the ID number.
 */
export const workerSummary = z
  .object({
    name: z.string().nullable(),
    age: z.number().int(),
    gender: gender.nullable(),
    labourCapacity,
    countyCode: guizhouCountyCode,
    relocationSite: z.object({ id: z.string(), name: z.string().nullable() }),
  })
  .meta({ id: 'WorkerSummary' });

import { z } from 'zod';
import { employmentEndReason, guizhouCountyCode, isoDate, reasonText, vacancyId, workerId } from '../values';

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

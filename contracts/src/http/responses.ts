import { z } from 'zod';
import {
  CHANNELS,
  channel,
  entityId,
  guizhouCountyCode,
  householdId,
  isoDateTime,
  placementId,
  positionString,
  vacancyId,
  workerId,
} from '../values';
import { vacancySource, wageRange, workLocation } from '../events/postings.events';
import { vacancyStatus } from './postings.bodies';

/** Every command answers with the global position of its last event (a decimal string). */
export const positionResponse = z.object({ position: positionString }).meta({ id: 'PositionResponse' });
export const stationCreatedResponse = z
  .object({ stationId: entityId, position: positionString })
  .meta({ id: 'StationCreatedResponse' });
export const workshopCreatedResponse = z
  .object({ workshopId: entityId, position: positionString })
  .meta({ id: 'WorkshopCreatedResponse' });
export const vacancyCreatedResponse = z
  .object({ vacancyId, position: positionString })
  .meta({ id: 'VacancyCreatedResponse' });
export const householdCreatedResponse = z
  .object({ householdId, workerIds: z.array(workerId), position: positionString })
  .meta({ id: 'HouseholdCreatedResponse' });
export const workerAddedResponse = z
  .object({ workerId, position: positionString })
  .meta({ id: 'WorkerAddedResponse' });
export const placementCreatedResponse = z
  .object({ placementId, position: positionString })
  .meta({ id: 'PlacementCreatedResponse' });

const count = z.number().int().min(0);
const byChannel = z.object(
  Object.fromEntries(CHANNELS.map((c) => [c, count])) as Record<(typeof CHANNELS)[number], typeof count>,
);

/** The county figures; the prefecture and province roll-ups have the same figures under their own code. */
const employmentFigures = {
  households: count,
  householdsWithLabour: count,
  coveredHouseholds: count,
  zeroEmploymentHouseholds: count,
  noLabourHouseholds: count,
  labourCapableWorkers: count,
  employedWorkers: count,
  /** employedWorkers / labourCapableWorkers, 0..1 (0 when there is no labour). */
  employmentRate: z.number().min(0).max(1),
  /** employedWorkers / households (0 when there are none). */
  employedPerHousehold: z.number().min(0),
  byChannel,
  position: positionString,
};

export const countyEmploymentResponse = z
  .object({ countyCode: guizhouCountyCode, ...employmentFigures })
  .meta({ id: 'CountyEmploymentResponse' });
export const prefectureEmploymentResponse = z
  .object({ prefectureCode: z.string().regex(/^\d{6}$/), ...employmentFigures })
  .meta({ id: 'PrefectureEmploymentResponse' });
export const provinceEmploymentResponse = z
  .object({ provinceCode: z.literal('520000'), ...employmentFigures })
  .meta({ id: 'ProvinceEmploymentResponse' });

export const HOUSEHOLD_STATUSES = ['covered', 'zero_employment', 'no_labour'] as const;
export const householdStatus = z.enum(HOUSEHOLD_STATUSES);
export type HouseholdStatus = z.infer<typeof householdStatus>;

export const householdEmploymentResponse = z
  .object({
    householdId,
    status: householdStatus,
    labourCapableMembers: count,
    employedMembers: count,
    channels: z.array(channel),
    openCase: z.object({ openedAt: isoDateTime }).nullable(),
  })
  .meta({ id: 'HouseholdEmploymentResponse' });

export const zeroEmploymentCasesQuery = z
  .object({
    status: z.enum(['open', 'cleared']).default('open'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict();
export type ZeroEmploymentCasesQuery = z.infer<typeof zeroEmploymentCasesQuery>;

export const zeroEmploymentCasesResponse = z
  .object({
    items: z.array(
      z.object({
        householdId,
        openedAt: isoDateTime,
        clearedAt: isoDateTime.nullable(),
        ageDays: z.number().min(0),
      }),
    ),
    total: count,
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ZeroEmploymentCasesResponse' });

export const vacancyView = z
  .object({
    vacancyId,
    source: vacancySource,
    title: z.string(),
    occupation: z.string(),
    location: workLocation,
    openings: count,
    filled: count,
    reserved: count,
    wage: wageRange,
    status: vacancyStatus,
    expiresAt: isoDateTime,
  })
  .meta({ id: 'VacancyView' });
export const vacancyListResponse = z
  .object({ items: z.array(vacancyView), total: count, nextCursor: z.string().nullable() })
  .meta({ id: 'VacancyListResponse' });

/** A reason a ranking gave, e.g. `{ code: 'skill_match', message: '…' }`. */
const rankingReason = z.object({ code: z.string(), message: z.string() });
export const recommendationsResponse = z
  .object({
    workerId,
    items: z.array(z.object({ vacancyId, score: z.number(), reasons: z.array(rankingReason) })),
  })
  .meta({ id: 'RecommendationsResponse' });
export const candidatesResponse = z
  .object({
    vacancyId,
    items: z.array(
      z.object({
        workerId,
        householdId,
        zeroEmploymentHousehold: z.boolean(),
        score: z.number(),
        reasons: z.array(rankingReason),
      }),
    ),
  })
  .meta({ id: 'CandidatesResponse' });

const planFigures = z.object({
  coveredHouseholds: count,
  placements: count,
  totalScore: z.number(),
});
export const matchPlanResponse = z
  .object({
    counties: z.array(guizhouCountyCode),
    assignments: z.array(z.object({ workerId, vacancyId, householdId, score: z.number() })),
    figures: planFigures,
    greedy: planFigures,
    position: positionString,
  })
  .meta({ id: 'MatchPlanResponse' });

export type CountyEmploymentResponse = z.infer<typeof countyEmploymentResponse>;
export type HouseholdEmploymentResponse = z.infer<typeof householdEmploymentResponse>;
export type ZeroEmploymentCasesResponse = z.infer<typeof zeroEmploymentCasesResponse>;
export type VacancyView = z.infer<typeof vacancyView>;
export type MatchPlanResponse = z.infer<typeof matchPlanResponse>;

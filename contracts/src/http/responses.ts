import { z } from 'zod';
import {
  CHANNELS,
  channel,
  employmentId,
  entityId,
  guizhouCountyCode,
  householdId,
  isoDate,
  isoDateTime,
  labourCapacity,
  placementId,
  positionString,
  projectedSkills,
  vacancyId,
  workerId,
} from '../values';
import { ageRange, vacancySource, wageRange, workLocation } from '../events/postings.events';
import { vacancyStatus } from './postings.bodies';
import { vacancySummary, workerSummary } from './matching.bodies';

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
export const trainingRecordedResponse = z
  .object({ trainingId: z.string().min(1), position: positionString })
  .meta({ id: 'TrainingRecordedResponse' });
export const employmentReportedResponse = z
  .object({ employmentId: z.string().min(1), position: positionString })
  .meta({ id: 'EmploymentReportedResponse' });
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
  /** Employed workers among the labour-capable ones: the numerator of the employment rate. */
  employedLabourCapableWorkers: count,
  /** Members who can work and have no job. */
  jobSeekers: count,
  /** Job-seekers who have received the whole "131" package (1 guidance, 3 recommendations, 1 training offer). */
  jobSeekersWith131: count,
  /** employedLabourCapableWorkers / labourCapableWorkers, 0..1 (0 when there is no labour). */
  employmentRate: z.number().min(0).max(1),
  /** employedWorkers / households (0 when there are none). */
  employedPerHousehold: z.number().min(0),
  byChannel,
  position: positionString,
  /** With `?asOf=`: the day asked; the figures are those at its end, folded from the log up to `position`. */
  asOf: isoDate.optional(),
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

/** A member as the monitor counts it: no name (brokers read this too), its capacity and current employment. */
export const householdEmploymentMember = z
  .object({
    workerId,
    labourCapacity,
    /** The current employment: a placement's id or a reported employment's, its channel and start date. */
    employment: z.object({ employmentId, channel, since: isoDate }).nullable(),
  })
  .meta({ id: 'HouseholdEmploymentMember' });

export const householdEmploymentResponse = z
  .object({
    householdId,
    countyCode: guizhouCountyCode,
    status: householdStatus,
    labourCapableMembers: count,
    employedMembers: count,
    channels: z.array(channel),
    openCase: z.object({ openedAt: isoDateTime }).nullable(),
    /** When the status last changed (the registration, for a household whose status never did). */
    lastStatusChangeAt: isoDateTime,
    members: z.array(householdEmploymentMember),
    position: positionString,
  })
  .meta({ id: 'HouseholdEmploymentResponse' });

export const vacancyView = z
  .object({
    vacancyId,
    source: vacancySource,
    title: z.string(),
    occupation: z.string(),
    skills: projectedSkills,
    /** The employer of the register, or the poster when the vacancy names none. */
    employer: z.object({ employerId: z.string().optional(), name: z.string() }),
    location: workLocation,
    openings: count,
    filled: count,
    reserved: count,
    /** openings − reserved − filled, never below 0. */
    remainingOpenings: count,
    wage: wageRange,
    ageRange,
    labourCapacities: z.array(labourCapacity),
    accommodation: z.boolean(),
    status: vacancyStatus,
    postedAt: isoDateTime,
    expiresAt: isoDateTime,
  })
  .meta({ id: 'VacancyView' });
export const vacancyListResponse = z
  .object({
    items: z.array(vacancyView),
    total: count,
    nextCursor: z.string().nullable(),
    position: positionString,
  })
  .meta({ id: 'VacancyListResponse' });

/**
 * A reason a ranking gave, as libs/matching explains it: its code, the points it added to the score (the
 * weight in words), the Chinese and English text; `message` repeats the Chinese text for older clients.
 */
const rankingReason = z.object({
  code: z.string(),
  points: z.number(),
  zh: z.string(),
  en: z.string(),
  message: z.string(),
});
export const recommendationsResponse = z
  .object({
    workerId,
    /** The first three are chosen to be good and from different posters (the "131" service's three). */
    items: z.array(
      z.object({
        rank: z.number().int().min(1),
        vacancyId,
        vacancy: vacancySummary,
        score: z.number(),
        reasons: z.array(rankingReason),
      }),
    ),
    position: positionString,
  })
  .meta({ id: 'RecommendationsResponse' });
/** Personal data minimised: the name only as the caller may see it (`worker.name`), never the ID number. */
export const candidatesResponse = z
  .object({
    vacancyId,
    items: z.array(
      z.object({
        rank: z.number().int().min(1),
        workerId,
        householdId,
        worker: workerSummary,
        zeroEmploymentHousehold: z.boolean(),
        age: z.number().int(),
        labourCapacity: z.string(),
        skills: z.array(z.string()),
        score: z.number(),
        reasons: z.array(rankingReason),
      }),
    ),
    position: positionString,
  })
  .meta({ id: 'CandidatesResponse' });

/** The three objectives of a plan, in lexicographic order: households covered, people placed, total score. */
const planFigures = z.object({
  householdsCovered: count,
  placed: count,
  totalScore: z.number(),
});
export const matchPlanResponse = z
  .object({
    planId: entityId,
    counties: z.array(guizhouCountyCode),
    createdAt: isoDateTime,
    /** The exact plan's figures (a proposal: each pair is confirmed through POST /v1/placements). */
    figures: planFigures,
    /** Bounds needing no solver: no plan covers or places more. */
    bound: z.object({ householdsCovered: count, placed: count }),
    /** What ranking pairs by score and taking them would give over the same candidate pairs. */
    greedy: planFigures,
    pairs: z.array(
      z.object({
        workerId,
        householdId,
        vacancyId,
        worker: workerSummary,
        vacancy: vacancySummary,
        score: z.number(),
        reasons: z.array(rankingReason),
      }),
    ),
    instance: z.object({
      households: count,
      workers: count,
      vacancies: count,
      candidatePairs: count,
      buildMs: z.number(),
      solveMs: z.number(),
    }),
    /** The matching state's position the plan was built at. */
    position: positionString,
  })
  .meta({ id: 'MatchPlanResponse' });

export type CountyEmploymentResponse = z.infer<typeof countyEmploymentResponse>;
export type HouseholdEmploymentResponse = z.infer<typeof householdEmploymentResponse>;
export type VacancyView = z.infer<typeof vacancyView>;
export type MatchPlanResponse = z.infer<typeof matchPlanResponse>;

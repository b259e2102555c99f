import { z } from 'zod';
import {
  recordedText,
  actorId,
  channel,
  employmentEndReason,
  employmentId,
  followUpOutcome,
  guizhouCountyCode,
  householdId,
  isoDate,
  isoDateTime,
  placementId,
  vacancyId,
  verificationMethod,
  workerId,
} from '../values';
import { defineEvent, type EventOf } from './define-event';
import { AT, HOUSEHOLD, PLACEMENT, VACANCY, WORKER } from './example-values';

/** A placement's ids, first in the data of its household events: which placement, whose worker, which vacancy. */
const placementIds = { placementId, workerId, householdId, vacancyId };
/** The examples' placement (one story: ./example-values). */
const PLACEMENT_IDS = {
  placementId: PLACEMENT,
  workerId: WORKER,
  householdId: HOUSEHOLD,
  vacancyId: VACANCY,
};

/** The commit point of the placement saga, appended to the household stream. */
export const WorkerPlaced = defineEvent({
  type: 'WorkerPlaced',
  version: 1,
  stream: 'household',
  time: 'placedAt',
  schema: z
    .object({
      ...placementIds,
      channel,
      brokerId: actorId,
      startDate: isoDate,
      /** 1-based rank of the vacancy in the worker's recommendations, when the broker used them. */
      recommendationRank: z.number().int().min(1).max(1000).optional(),
      /** Why the broker chose other than the top recommendation. */
      overrideReason: recordedText(500).optional(),
      /**
       * A public-welfare post's term: the day it ends (the start date plus the post's term in months), unless
       * the county office renews it (WelfareTermRenewed). Absent for every other placement.
       */
      welfareTermEndsOn: isoDate.optional(),
      /** The county that runs the public-welfare post (the household's: the welfare_county rule); with the term. */
      welfareCountyCode: guizhouCountyCode.optional(),
      placedAt: isoDateTime,
    })
    .strict()
    .refine((p) => (p.welfareTermEndsOn === undefined) === (p.welfareCountyCode === undefined), {
      error: 'welfareTermEndsOn and welfareCountyCode go together',
      path: ['welfareCountyCode'],
    }),
  example: {
    ...PLACEMENT_IDS,
    channel: 'out_of_province',
    brokerId: 'broker-7',
    startDate: '2026-03-10',
    recommendationRank: 2,
    overrideReason: 'worker prefers Guangzhou',
    placedAt: AT,
  },
});

/** Ends a placement (employmentId = placementId) or an employment reported from outside. */
export const EmploymentEnded = defineEvent({
  type: 'EmploymentEnded',
  version: 1,
  stream: 'household',
  time: 'endedAt',
  schema: z
    .object({ workerId, householdId, employmentId, reason: employmentEndReason, endedAt: isoDateTime })
    .strict(),
  example: {
    workerId: WORKER,
    householdId: HOUSEHOLD,
    employmentId: PLACEMENT,
    reason: 'returned_home',
    endedAt: AT,
  },
});

/**
 * A follow-up check (job retention, 稳岗回访) at `verifiedAt`, the time of the visit or call: still employed or
 * not. Not employed is followed by EmploymentEnded (and, for `changed_job`, by the new job's EmploymentReported)
 * in the same append. `outcome` and `note` were added later: optional, absent from the checks recorded before.
 */
export const EmploymentVerified = defineEvent({
  type: 'EmploymentVerified',
  version: 1,
  stream: 'household',
  time: 'verifiedAt',
  schema: z
    .object({
      workerId,
      householdId,
      employmentId,
      stillEmployed: z.boolean(),
      method: verificationMethod,
      outcome: followUpOutcome.optional(),
      note: recordedText(1000).optional(),
      verifiedAt: isoDateTime,
    })
    .strict()
    .refine((v) => v.outcome === undefined || v.stillEmployed === (v.outcome === 'still_employed'), {
      error: 'stillEmployed and outcome disagree',
    }),
  example: {
    workerId: WORKER,
    householdId: HOUSEHOLD,
    employmentId: PLACEMENT,
    stillEmployed: true,
    method: 'phone',
    outcome: 'still_employed',
    verifiedAt: AT,
  },
});

/**
 * The county office renewed a public-welfare post's term before it ran out (有序退岗: the holder leaves at the
 * term's end unless renewed). `termEndsOn` is the new end.
 */
export const WelfareTermRenewed = defineEvent({
  type: 'WelfareTermRenewed',
  version: 1,
  stream: 'household',
  time: 'renewedAt',
  schema: z
    .object({ workerId, householdId, placementId, termEndsOn: isoDate, renewedAt: isoDateTime })
    .strict(),
  example: {
    workerId: WORKER,
    householdId: HOUSEHOLD,
    placementId: PLACEMENT,
    termEndsOn: '2028-03-10',
    renewedAt: AT,
  },
});

/** Recovery of a reservation left pending: the placement never happened. */
export const PlacementVoided = defineEvent({
  type: 'PlacementVoided',
  version: 1,
  stream: 'household',
  time: 'voidedAt',
  schema: z.object({ ...placementIds, reason: recordedText(500), voidedAt: isoDateTime }).strict(),
  example: {
    ...PLACEMENT_IDS,
    reason: 'reservation_recovery',
    voidedAt: AT,
  },
});

export const PLACEMENTS_EVENTS = [
  WorkerPlaced,
  EmploymentEnded,
  EmploymentVerified,
  PlacementVoided,
  WelfareTermRenewed,
] as const;

export type PlacementsEvent = EventOf<(typeof PLACEMENTS_EVENTS)[number]>;

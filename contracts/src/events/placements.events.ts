import { z } from 'zod';
import {
  actorId,
  channel,
  employmentEndReason,
  employmentId,
  householdId,
  isoDate,
  isoDateTime,
  placementId,
  reasonText,
  vacancyId,
  verificationMethod,
  workerId,
} from '../values';
import { defineEvent, type EventOf } from './define-event';

/** The commit point of the placement saga, appended to the household stream. */
export const WorkerPlaced = defineEvent(
  'WorkerPlaced',
  1,
  z
    .object({
      placementId,
      workerId,
      householdId,
      vacancyId,
      channel,
      brokerId: actorId,
      startDate: isoDate,
      /** 1-based rank of the vacancy in the worker's recommendations, when the broker used them. */
      recommendationRank: z.number().int().min(1).max(1000).optional(),
      /** Why the broker chose other than the top recommendation. */
      overrideReason: reasonText.optional(),
      placedAt: isoDateTime,
    })
    .strict(),
);

/** Ends a placement (employmentId = placementId) or an employment reported from outside. */
export const EmploymentEnded = defineEvent(
  'EmploymentEnded',
  1,
  z
    .object({ workerId, householdId, employmentId, reason: employmentEndReason, endedAt: isoDateTime })
    .strict(),
);

/** A follow-up check (job retention): still employed or not. Not employed is followed by EmploymentEnded. */
export const EmploymentVerified = defineEvent(
  'EmploymentVerified',
  1,
  z
    .object({
      workerId,
      householdId,
      employmentId,
      stillEmployed: z.boolean(),
      method: verificationMethod,
      verifiedAt: isoDateTime,
    })
    .strict(),
);

/** Recovery of a reservation left pending: the placement never happened. */
export const PlacementVoided = defineEvent(
  'PlacementVoided',
  1,
  z
    .object({ placementId, workerId, householdId, vacancyId, reason: reasonText, voidedAt: isoDateTime })
    .strict(),
);

export const PLACEMENTS_EVENTS = [
  WorkerPlaced,
  EmploymentEnded,
  EmploymentVerified,
  PlacementVoided,
] as const;

export type PlacementsEvent = EventOf<(typeof PLACEMENTS_EVENTS)[number]>;

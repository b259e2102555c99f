import { z } from 'zod';
import { householdId, idNumberHash, isoDateTime } from '../values';
import { defineEvent, type EventOf } from './define-event';

/**
 * One person, one registration across the province: each ID number (by its keyed hash) has a claim
 * stream `resident-<hash>` naming the household that holds the person. The household stream stays the
 * commit point (ADR 0004): a claim counts only once the household holds a worker with the hash.
 */
export const ResidentIdClaimed = defineEvent(
  'ResidentIdClaimed',
  1,
  z
    .object({
      idNumberHash,
      householdId,
      /** The household whose claim this one replaced, after that household's claim was voided. */
      supersedes: householdId.optional(),
      claimedAt: isoDateTime,
    })
    .strict(),
);

/** The claiming registration was refused, so the person is free again. */
export const ResidentIdReleased = defineEvent(
  'ResidentIdReleased',
  1,
  z.object({ idNumberHash, householdId, releasedAt: isoDateTime }).strict(),
);

/**
 * Appended to the household stream of a claim that never committed (its registration crashed or is
 * still in flight) before another household takes the person over: the household decider then refuses
 * to register the person under that claim, so the two can never both win.
 */
export const ResidentIdClaimVoided = defineEvent(
  'ResidentIdClaimVoided',
  1,
  z
    .object({
      idNumberHash,
      householdId,
      /** The revision of the voided ResidentIdClaimed in its claim stream. */
      claimRevision: z.number().int().min(0),
      voidedAt: isoDateTime,
    })
    .strict(),
);

export const RESIDENT_EVENTS = [ResidentIdClaimed, ResidentIdReleased, ResidentIdClaimVoided] as const;

export type ResidentEvent = EventOf<(typeof RESIDENT_EVENTS)[number]>;

import { z } from 'zod';
import { householdId, idNumberHash, isoDateTime } from '../values';
import { defineEvent, type EventOf } from './define-event';
import { AT, HOUSEHOLD, ID_NUMBER_HASH } from './example-values';

/**
 * One person, one registration across the province: each ID number (by its keyed hash) has a claim
 * stream `resident-<hash>` naming the household that holds the person. The household stream stays the
 * commit point (ADR 0004): a claim counts only once the household holds a worker with the hash.
 */
export const ResidentIdClaimed = defineEvent({
  type: 'ResidentIdClaimed',
  version: 1,
  stream: 'resident',
  time: 'claimedAt',
  schema: z
    .object({
      idNumberHash,
      householdId,
      /** The household whose claim this one replaced, after that household's claim was voided. */
      supersedes: householdId.optional(),
      claimedAt: isoDateTime,
    })
    .strict(),
  example: { idNumberHash: ID_NUMBER_HASH, householdId: HOUSEHOLD, claimedAt: AT },
});

/** The claiming registration was refused, so the person is free again. */
export const ResidentIdReleased = defineEvent({
  type: 'ResidentIdReleased',
  version: 1,
  stream: 'resident',
  time: 'releasedAt',
  schema: z.object({ idNumberHash, householdId, releasedAt: isoDateTime }).strict(),
  example: { idNumberHash: ID_NUMBER_HASH, householdId: HOUSEHOLD, releasedAt: AT },
});

/**
 * Appended to the household stream of a claim that never committed (its registration crashed or is
 * still in flight) before another household takes the person over: the household decider then refuses
 * to register the person under that claim, so the two can never both win.
 */
export const ResidentIdClaimVoided = defineEvent({
  type: 'ResidentIdClaimVoided',
  version: 1,
  stream: 'household',
  time: 'voidedAt',
  schema: z
    .object({
      idNumberHash,
      householdId,
      /** The revision of the voided ResidentIdClaimed in its claim stream. */
      claimRevision: z.number().int().min(0),
      voidedAt: isoDateTime,
    })
    .strict(),
  example: { idNumberHash: ID_NUMBER_HASH, householdId: HOUSEHOLD, claimRevision: 0, voidedAt: AT },
});

export const RESIDENT_EVENTS = [ResidentIdClaimed, ResidentIdReleased, ResidentIdClaimVoided] as const;

export type ResidentEvent = EventOf<(typeof RESIDENT_EVENTS)[number]>;

import type { Channel } from '@contracts';
import { addDays, addMonths, dayOf } from '../shared/business-dates';
import type { KeyedProjection } from '../shared/keyed-projection';

/**
 * The job-retention follow-ups (稳岗回访) a placement is owed: visits 1, 3 and 6 months after it starts. One
 * document per placement, fed by the household stream alone: created by WorkerPlaced, moved on by each
 * EmploymentVerified of the placement, closed for good when the employment ends (or the placement is voided).
 *
 * How a follow-up counts as done: a visit done on or after the follow-up's due day minus FOLLOW_UP_WINDOW_DAYS
 * (days in Guizhou) does it, and every earlier one: a visit at four months does the 1- and 3-month ones.
 * So only the latest visit matters, and visits recorded out of order count the same.
 */
export const FOLLOW_UP_MONTHS = [1, 3, 6] as const;
export type FollowUpNo = (typeof FOLLOW_UP_MONTHS)[number];

/** How early a visit may come and still count for the follow-up due next. */
export const FOLLOW_UP_WINDOW_DAYS = 7;

export interface NextFollowUp {
  readonly followUp: FollowUpNo;
  /** The day it is due, `YYYY-MM-DD`. */
  readonly dueAt: string;
}

export interface PlacementFollowUps {
  readonly placementId: string;
  readonly workerId: string;
  readonly householdId: string;
  readonly startDate: string;
  readonly channel: Channel;
  /** The latest visit recorded (its time), null before the first. */
  readonly lastVisitedAt: string | null;
  /** The next follow-up not done; null once all three are done or the employment ended. */
  readonly next: NextFollowUp | null;
  /** `open` while a follow-up is owed, `done` after the last, `ended` once the employment ended. */
  readonly status: 'open' | 'done' | 'ended';
  readonly lastRevision: number;
}

/** The first follow-up the latest visit did not do, or null when it did all three. */
export function nextFollowUp(startDate: string, lastVisitedAt: string | null): NextFollowUp | null {
  const visitDay = lastVisitedAt === null ? null : dayOf(lastVisitedAt);
  for (const followUp of FOLLOW_UP_MONTHS) {
    const dueAt = addMonths(startDate, followUp);
    const windowOpens = addDays(dueAt, -FOLLOW_UP_WINDOW_DAYS);
    if (visitDay === null || visitDay < windowOpens) return { followUp, dueAt };
  }
  return null;
}

type FollowUpEventType = 'WorkerPlaced' | 'EmploymentVerified' | 'EmploymentEnded' | 'PlacementVoided';

export const followUpsDueProjection: KeyedProjection<PlacementFollowUps, FollowUpEventType> = {
  name: 'follow-ups-due',
  handles: ['WorkerPlaced', 'EmploymentVerified', 'EmploymentEnded', 'PlacementVoided'],
  // The employment id of a placement is its placement id; events of reported employment find no document.
  keyOf: (event) => ('placementId' in event.data ? event.data.placementId : event.data.employmentId),
  evolve(doc, event) {
    if (event.type === 'WorkerPlaced') {
      if (doc) return doc;
      const { placementId, workerId, householdId, startDate, channel } = event.data;
      const next = nextFollowUp(startDate, null);
      const status = next ? 'open' : 'done';
      const fields = { placementId, workerId, householdId, startDate, channel, lastVisitedAt: null };
      return { ...fields, next, status, lastRevision: event.revision };
    }
    if (doc === undefined || doc.status === 'ended') return doc;
    if (event.type !== 'EmploymentVerified') {
      return { ...doc, next: null, status: 'ended', lastRevision: event.revision };
    }
    const { verifiedAt } = event.data;
    if (doc.lastVisitedAt !== null && Date.parse(doc.lastVisitedAt) >= Date.parse(verifiedAt)) return doc;
    const next = nextFollowUp(doc.startDate, verifiedAt);
    const status = next ? 'open' : 'done';
    return { ...doc, lastVisitedAt: verifiedAt, next, status, lastRevision: event.revision };
  },
};

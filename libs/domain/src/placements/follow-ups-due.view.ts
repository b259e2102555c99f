import type { Channel } from '@contracts';
import type { HouseholdEmployment } from '../monitor/household-employment';
import { dayOf } from '../shared/business-dates';
import type { FollowUpNo, PlacementFollowUps } from './follow-ups-due.projection';

/** A follow-up on a county office's list, with the worker named from the household's document. */
export interface FollowUpDueItem {
  readonly placementId: string;
  readonly workerId: string;
  readonly householdId: string;
  readonly dueAt: string;
  readonly followUp: FollowUpNo;
  readonly startDate: string;
  readonly channel: Channel;
  readonly workerName: string;
}

/**
 * The placements the households' members are in now: the keys of the follow-up documents a county's list
 * reads (a follow-up document has no county; its household's document has).
 */
export const currentPlacementIds = (households: Iterable<HouseholdEmployment>): string[] =>
  [...households].flatMap((h) =>
    h.members.flatMap((m) => (m.employment?.kind === 'placement' ? [m.employment.employmentId] : [])),
  );

/**
 * The follow-ups owed on these households' current placements: `due` ones (due today or before, by the day it
 * is in Guizhou at `now`) most overdue first, or those not due yet, soonest first; ties by placement id.
 */
export function followUpsDue(
  households: Iterable<HouseholdEmployment>,
  followUps: ReadonlyMap<string, PlacementFollowUps>,
  now: string,
  due: boolean,
): FollowUpDueItem[] {
  const today = dayOf(now);
  const items: FollowUpDueItem[] = [];
  for (const household of households) {
    for (const member of household.members) {
      const doc = member.employment ? followUps.get(member.employment.employmentId) : undefined;
      if (!doc || doc.status !== 'open' || doc.next === null) continue;
      if (doc.next.dueAt <= today !== due) continue;
      const { placementId, workerId, householdId, startDate, channel } = doc;
      const { dueAt, followUp } = doc.next;
      items.push({
        placementId,
        workerId,
        householdId,
        dueAt,
        followUp,
        startDate,
        channel,
        workerName: member.name,
      });
    }
  }
  return items.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.placementId.localeCompare(b.placementId));
}

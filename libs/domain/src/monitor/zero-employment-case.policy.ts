import { eventTimeOf, type CaseClearedBy, type MonitorEvent } from '@contracts';
import type { HouseholdEmployment, HouseholdEnvelope } from './household-employment';
import { ASSIST_WITHIN_DAYS, CLEAR_WITHIN_DAYS, addDays } from './zero-employment-cases.projection';

/**
 * The zero-employment case (零就业家庭): a case opens the moment a household with labour has nobody employed,
 * and clears the moment it leaves that state (someone employed, or no labour left), as the household
 * projection's `openCase` follows it; these are the events that say so.
 */

function clearedBy(after: HouseholdEmployment, event: HouseholdEnvelope): CaseClearedBy {
  if (after.status !== 'covered') return { kind: 'no_labour' };
  const channel =
    event.type === 'WorkerPlaced' || event.type === 'EmploymentReported'
      ? event.data.channel
      : after.channels[0];
  return { kind: 'employment', channel };
}

/** `ZeroEmploymentCaseOpened` on entering zero-employment, `ZeroEmploymentCaseCleared` on leaving it, or none. */
export function zeroEmploymentCaseEvents(
  before: HouseholdEmployment | undefined,
  after: HouseholdEmployment,
  event: HouseholdEnvelope,
): MonitorEvent[] {
  const was = before?.openCase ?? null;
  const now = after.openCase;
  const { householdId, countyCode } = after;
  if (was !== null && now?.caseNo !== was.caseNo) {
    const at = eventTimeOf(event);
    const data = {
      householdId,
      countyCode,
      openedAt: was.openedAt,
      clearedAt: at,
      clearedBy: clearedBy(after, event),
    };
    return [{ type: 'ZeroEmploymentCaseCleared', data }];
  }
  if (now !== null && was?.caseNo !== now.caseNo) {
    const { openedAt } = now;
    const assistDueAt = addDays(openedAt, ASSIST_WITHIN_DAYS);
    const clearDueAt = addDays(openedAt, CLEAR_WITHIN_DAYS);
    return [
      {
        type: 'ZeroEmploymentCaseOpened',
        data: { householdId, countyCode, openedAt, assistDueAt, clearDueAt },
      },
    ];
  }
  return [];
}

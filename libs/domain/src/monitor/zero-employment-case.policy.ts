import { caseIdOf, eventTimeOf, type CaseClearedBy, type EventOfType } from '@contracts';
import type { HouseholdEmployment, HouseholdEnvelope } from './household-employment';

/**
 * The zero-employment case (零就业家庭): a case opens the moment a household with labour has nobody employed,
 * and clears the moment it leaves that state (someone employed, or no labour left), as the household
 * projection's `openCase` follows it; these are the events that say so, each for its case's own stream.
 */

export type CaseLifeEvent = EventOfType<'ZeroEmploymentCaseOpened' | 'ZeroEmploymentCaseCleared'>;

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
): { readonly caseId: string; readonly event: CaseLifeEvent }[] {
  const was = before?.openCase ?? null;
  const now = after.openCase;
  const { householdId, countyCode } = after;
  if (was !== null && now?.caseNo !== was.caseNo) {
    const data = {
      householdId,
      countyCode,
      openedAt: was.openedAt,
      clearedAt: eventTimeOf(event),
      clearedBy: clearedBy(after, event),
    };
    return [
      { caseId: caseIdOf(householdId, was.caseNo), event: { type: 'ZeroEmploymentCaseCleared', data } },
    ];
  }
  if (now !== null && was?.caseNo !== now.caseNo) {
    const data = { householdId, countyCode, openedAt: now.openedAt };
    return [{ caseId: caseIdOf(householdId, now.caseNo), event: { type: 'ZeroEmploymentCaseOpened', data } }];
  }
  return [];
}

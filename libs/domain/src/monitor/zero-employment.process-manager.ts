import {
  employmentMonitorStream,
  type CaseClearedBy,
  type EventMetadata,
  type MonitorEvent,
} from '@contracts';
import type { HouseholdEmployment, HouseholdEnvelope } from './household-employment.projection';
import { caseClearedEventId, caseOpenedEventId, transportSubsidyEventId } from './monitor-event-id';
import { eventTimeOf } from './projection';
import { ASSIST_WITHIN_DAYS, CLEAR_WITHIN_DAYS, addDays } from './zero-employment-cases.projection';

export const MONITOR_ACTOR = { id: 'employment-monitor', role: 'system' } as const;

export type MonitorEventToAppend = MonitorEvent & {
  readonly id: string;
  readonly occurredAt: string;
  readonly metadata: EventMetadata;
};

/** One append to `employment-monitor-<householdId>`: the events of one household event's transition. */
export interface MonitorAppend {
  readonly streamId: string;
  /** Derived from the household stream alone: the revision of the monitor events before this transition. */
  readonly expectedRevision: number | 'no_stream';
  readonly events: readonly MonitorEventToAppend[];
}

function clearedBy(after: HouseholdEmployment, event: HouseholdEnvelope): CaseClearedBy {
  if (after.status !== 'covered') return { kind: 'no_labour' };
  const channel =
    event.type === 'WorkerPlaced' || event.type === 'EmploymentReported'
      ? event.data.channel
      : after.channels[0];
  return { kind: 'employment', channel };
}

function caseEvents(
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

function subsidyEvents(
  before: HouseholdEmployment | undefined,
  after: HouseholdEmployment,
  event: HouseholdEnvelope,
): MonitorEvent[] {
  if (event.type !== 'WorkerPlaced') return [];
  const member = after.members.find((m) => m.workerId === event.data.workerId);
  const earlier =
    before?.members.find((m) => m.workerId === event.data.workerId)?.transportSubsidyYears ?? [];
  const { workerId, householdId, placementId } = event.data;
  return (member?.transportSubsidyYears ?? [])
    .filter((year) => !earlier.includes(year))
    .map((year) => ({
      type: 'TransportSubsidyEligible',
      data: { workerId, householdId, placementId, year, countyCode: after.countyCode },
    }));
}

function idOf(event: MonitorEvent, caseNo: number): string {
  switch (event.type) {
    case 'ZeroEmploymentCaseOpened':
      return caseOpenedEventId(event.data.householdId, caseNo);
    case 'ZeroEmploymentCaseCleared':
      return caseClearedEventId(event.data.householdId, caseNo);
    case 'TransportSubsidyEligible':
      return transportSubsidyEventId(event.data.workerId, event.data.year);
  }
}

/**
 * The monitor events (without ids or metadata) one household event's transition calls for, in the order
 * they take in `employment-monitor-<householdId>`: the n-th lands at revision `before.monitorRevision + n`.
 * Throws when the household document's monitor revision does not move by their number.
 */
export function transitionEvents(
  before: HouseholdEmployment | undefined,
  after: HouseholdEmployment,
  event: HouseholdEnvelope,
): MonitorEvent[] {
  const events = [...caseEvents(before, after, event), ...subsidyEvents(before, after, event)];
  if (after.monitorRevision - (before?.monitorRevision ?? -1) !== events.length) {
    throw new Error(`Household ${after.householdId}: monitor revision out of step with its transitions`);
  }
  return events;
}

/**
 * The process manager of the employment monitor, pure: given a household document before and after one of
 * its events, the monitor events that transition calls for (a case opened on entering zero-employment, a case
 * cleared on leaving it, a transport subsidy earned by an out-of-province placement), or undefined.
 *
 * Exactly once across restarts and replays: ids are derived from household, case number and kind; the
 * expected revision comes from the household document (itself a function of the household stream), so a
 * replayed append repeats the same ids at the same revision and the store treats it as a no-op. A runner
 * appends these BEFORE it saves the household document and its checkpoint; times come from the event.
 */
export function zeroEmploymentTransitions(
  before: HouseholdEmployment | undefined,
  after: HouseholdEmployment | undefined,
  event: HouseholdEnvelope,
): MonitorAppend | undefined {
  if (after === undefined || after === before) return undefined;
  const events = transitionEvents(before, after, event);
  if (events.length === 0) return undefined;
  const fromRevision = before?.monitorRevision ?? -1;
  const caseNo = after.openCase?.caseNo ?? before?.openCase?.caseNo ?? after.casesOpened;
  const occurredAt = eventTimeOf(event);
  const metadata: EventMetadata = {
    actor: MONITOR_ACTOR,
    correlationId: event.metadata.correlationId,
    causationId: event.id,
  };
  return {
    streamId: employmentMonitorStream(after.householdId),
    expectedRevision: fromRevision < 0 ? 'no_stream' : fromRevision,
    events: events.map((e) => ({ ...e, id: idOf(e, caseNo), occurredAt, metadata })),
  };
}

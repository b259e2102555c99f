import { employmentMonitorStream, eventTimeOf, type EventMetadata, type MonitorEvent } from '@contracts';
import type { HouseholdEmployment, HouseholdEnvelope } from './household-employment';
import { caseClearedEventId, caseOpenedEventId, transportSubsidyEventId } from './monitor-event-id';
import { transportSubsidyEligibleEvents } from './transport-subsidy.policy';
import { zeroEmploymentCaseEvents } from './zero-employment-case.policy';

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
export function monitorEventsOf(
  before: HouseholdEmployment | undefined,
  after: HouseholdEmployment,
  event: HouseholdEnvelope,
): MonitorEvent[] {
  const events = [
    ...zeroEmploymentCaseEvents(before, after, event),
    ...transportSubsidyEligibleEvents(before, after, event),
  ];
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
 * replayed append repeats the same ids at the same revision and the store treats it as a no-op. The batch
 * writer keeps it in its outbox, committed with the household document and the checkpoint, and appends it after
 * the commit (libs/application monitor); times come from the event.
 */
export function monitorAppendOf(
  before: HouseholdEmployment | undefined,
  after: HouseholdEmployment | undefined,
  event: HouseholdEnvelope,
): MonitorAppend | undefined {
  if (after === undefined || after === before) return undefined;
  const events = monitorEventsOf(before, after, event);
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

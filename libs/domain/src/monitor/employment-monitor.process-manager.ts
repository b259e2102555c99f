import {
  employmentMonitorStream,
  eventTimeOf,
  zeroEmploymentCaseStream,
  type EventMetadata,
  type EventOfType,
} from '@contracts';
import type { HouseholdEmployment, HouseholdEnvelope } from './household-employment';
import { caseLifeEventId, transportSubsidyEventId } from './monitor-event-id';
import { transportSubsidyEligibleEvents } from './transport-subsidy.policy';
import { zeroEmploymentCaseEvents } from './zero-employment-case.policy';

export const MONITOR_ACTOR = { id: 'employment-monitor', role: 'system' } as const;

/** What the employment monitor appends: a case's opening and clearing, a transport subsidy earned. */
export type MonitorEvent = EventOfType<
  'ZeroEmploymentCaseOpened' | 'ZeroEmploymentCaseCleared' | 'TransportSubsidyEligible'
>;

export type MonitorEventToAppend = MonitorEvent & {
  readonly id: string;
  readonly occurredAt: string;
  readonly metadata: EventMetadata;
};

/**
 * One append of the process manager. Exactly once by its derived event ids: a retry or a replay offers the
 * store the same ids, which it recognises (`no_stream` for a case's opening, the first event of its stream;
 * `any` for the rest, whose stream the county's case work also writes to).
 */
export interface MonitorAppend {
  readonly streamId: string;
  readonly expectedRevision: 'no_stream' | 'any';
  readonly events: readonly MonitorEventToAppend[];
}

/** A monitor event and the stream it goes to. */
export interface MonitorEventFor {
  readonly streamId: string;
  readonly event: MonitorEvent;
}

/**
 * The events one household event's transition calls for, in order: a case opened on entering zero-employment or
 * cleared on leaving it (in the case's stream), a transport subsidy earned by an out-of-province placement (in
 * the household's monitor stream).
 */
export function monitorEventsOf(
  before: HouseholdEmployment | undefined,
  after: HouseholdEmployment,
  event: HouseholdEnvelope,
): MonitorEventFor[] {
  return [
    ...zeroEmploymentCaseEvents(before, after, event).map(({ caseId, event: e }) => ({
      streamId: zeroEmploymentCaseStream(caseId),
      event: e,
    })),
    ...transportSubsidyEligibleEvents(before, after, event).map((e) => ({
      streamId: employmentMonitorStream(after.householdId),
      event: e,
    })),
  ];
}

/**
 * Where a monitor event sits, named by what its derived id is made of (the case's stream and the kind of life
 * event; the worker and year of a subsidy), so a rebuild can recognise one read back from the log without
 * deriving ids. Undefined for any other event.
 */
export function monitorSlotOf(streamId: string, type: string, data: Readonly<Record<string, unknown>>) {
  if (type === 'ZeroEmploymentCaseOpened' || type === 'ZeroEmploymentCaseCleared') {
    return streamId.startsWith(CASE_STREAM_PREFIX) ? `${streamId}|${type}` : undefined;
  }
  if (type === 'TransportSubsidyEligible') return `${streamId}|${String(data.workerId)}|${String(data.year)}`;
  return undefined;
}

const CASE_STREAM_PREFIX = zeroEmploymentCaseStream('');

function idOf({ streamId, event }: MonitorEventFor): string {
  switch (event.type) {
    case 'ZeroEmploymentCaseOpened':
    case 'ZeroEmploymentCaseCleared':
      return caseLifeEventId(streamId, event.type);
    case 'TransportSubsidyEligible':
      return transportSubsidyEventId(event.data.workerId, event.data.year);
  }
}

/**
 * The process manager of the employment monitor, pure: given a household document before and after one of
 * its events, the appends that transition calls for (none when it calls for nothing). Times come from the event.
 * The batch writer keeps them in its outbox, committed with the household document and the checkpoint, and
 * appends them after the commit (libs/application monitor).
 */
export function monitorAppendsOf(
  before: HouseholdEmployment | undefined,
  after: HouseholdEmployment | undefined,
  event: HouseholdEnvelope,
): MonitorAppend[] {
  if (after === undefined || after === before) return [];
  const events = monitorEventsOf(before, after, event);
  if (events.length === 0) return [];
  const occurredAt = eventTimeOf(event);
  const metadata: EventMetadata = {
    actor: MONITOR_ACTOR,
    correlationId: event.metadata.correlationId,
    causationId: event.id,
  };
  return events.map((e) => ({
    streamId: e.streamId,
    expectedRevision: e.event.type === 'ZeroEmploymentCaseOpened' ? 'no_stream' : 'any',
    events: [{ ...e.event, id: idOf(e), occurredAt, metadata }],
  }));
}

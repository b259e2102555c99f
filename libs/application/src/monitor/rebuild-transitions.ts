import type { RecordedEvent } from '@lib/event-store';
import type { HouseholdEmployment, HouseholdEnvelope } from '@lib/domain/monitor/household-employment';
import {
  monitorAppendsOf,
  monitorEventsOf,
  monitorSlotOf,
  type MonitorAppend,
  type MonitorEvent,
} from '@lib/domain/monitor/employment-monitor.process-manager';

/** A household event that called for monitor events: the process manager's input, kept as it was. */
interface DecidedTransition {
  readonly before: HouseholdEmployment | undefined;
  readonly after: HouseholdEmployment;
  readonly event: HouseholdEnvelope;
}

/** One event a transition calls for, waiting to be read back from the log. */
interface PendingSlot {
  readonly transition: DecidedTransition;
  readonly expected: MonitorEvent;
}

/**
 * The process manager's transitions during a rebuild. A transition's events follow the household event that
 * decides it in the log, so after a first run nearly all of them are read back a few events later: deriving
 * their ids (SHA-1) and metadata only to find them stored was a tenth of the rebuild. Here each event a
 * transition calls for is kept under its slot (its stream and kind, or a subsidy's worker and year: what its
 * derived id is made of); one read back with the same facts is checked off. Only the transitions with events
 * left over are turned into appends (ids and all) by the process manager itself, and only their missing events
 * appended; appending one that is there after all is recognised by its id (appendExactlyOnce).
 */
export class PendingTransitions {
  private readonly bySlot = new Map<string, PendingSlot>();

  /** Records a household change that calls for monitor events (a cheap call: no ids, no metadata). */
  decided(
    before: HouseholdEmployment | undefined,
    after: HouseholdEmployment,
    event: HouseholdEnvelope,
  ): void {
    if (!mayCallForEvents(before, after, event)) return;
    const transition = { before, after, event };
    for (const { streamId, event: expected } of monitorEventsOf(before, after, event)) {
      const slot = monitorSlotOf(streamId, expected.type, expected.data);
      if (slot !== undefined) this.bySlot.set(slot, { transition, expected });
    }
  }

  /** Checks off a monitor event read from the log, when it is the one its slot waits for. */
  seen(record: RecordedEvent): void {
    const slot = monitorSlotOf(record.streamId, record.type, record.data);
    if (slot === undefined) return;
    const pending = this.bySlot.get(slot);
    if (pending && sameFacts(pending.expected, record)) this.bySlot.delete(slot);
  }

  /** The appends of the events not read back, in decision order; then forgets them. */
  takeAppends(): MonitorAppend[] {
    const missing = new Set<string>();
    const transitions = new Set<DecidedTransition>();
    for (const [slot, { transition }] of this.bySlot) {
      missing.add(slot);
      transitions.add(transition);
    }
    const appends: MonitorAppend[] = [];
    for (const { before, after, event } of transitions) {
      for (const append of monitorAppendsOf(before, after, event)) {
        const [first] = append.events;
        if (missing.has(monitorSlotOf(append.streamId, first.type, first.data) ?? '')) appends.push(append);
      }
    }
    this.bySlot.clear();
    return appends;
  }
}

/** A transition calls for events only when the case changes or a member earns a subsidy year. */
function mayCallForEvents(
  before: HouseholdEmployment | undefined,
  after: HouseholdEmployment,
  event: HouseholdEnvelope,
): boolean {
  return (
    (before?.openCase?.caseNo ?? 0) !== (after.openCase?.caseNo ?? 0) ||
    (event.type === 'WorkerPlaced' && event.data.channel === 'out_of_province')
  );
}

/** The facts besides the slot that a stored event must share with the one expected. */
function sameFacts(expected: MonitorEvent, record: RecordedEvent): boolean {
  const data = record.data;
  switch (expected.type) {
    case 'ZeroEmploymentCaseOpened':
      return data.openedAt === expected.data.openedAt;
    case 'ZeroEmploymentCaseCleared':
      return data.openedAt === expected.data.openedAt && data.clearedAt === expected.data.clearedAt;
    case 'TransportSubsidyEligible':
      return data.placementId === expected.data.placementId;
  }
}

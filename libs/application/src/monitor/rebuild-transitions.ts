import { employmentMonitorStream, type MonitorEvent } from '@contracts';
import type { RecordedEvent } from '@lib/event-store';
import type { HouseholdEmployment, HouseholdEnvelope } from '@lib/domain/monitor/household-employment';
import {
  monitorEventsOf,
  monitorAppendOf,
  type MonitorAppend,
} from '@lib/domain/monitor/employment-monitor.process-manager';

/** A household event that moved its monitor revision: the process manager's input, kept as it was. */
interface DecidedTransition {
  readonly before: HouseholdEmployment | undefined;
  readonly after: HouseholdEmployment;
  readonly event: HouseholdEnvelope;
  /** The monitor stream revision before the transition; its events take the next `count` revisions. */
  readonly fromRevision: number;
  /** Its events not yet read back from the log. */
  unseen: number;
  /** Its events (no ids), computed when the first of them is read back. */
  expected?: readonly MonitorEvent[];
}

const MONITOR_STREAM_PREFIX = employmentMonitorStream('');

/**
 * The process manager's transitions during a rebuild, decided lazily. A transition's events follow the
 * household event that decides it in the log, so after a first run nearly all of them are read back a few
 * events later: deriving their ids (SHA-1), times and metadata only to find them already stored was a tenth
 * of the rebuild. Here a transition is kept as (before, after, event) under its monitor stream; each monitor
 * event read back is checked against the event the transition calls for at that revision (type, and the
 * case's opening or the subsidy's worker and year: what its derived id is made of), and a transition whose
 * events are all read back is dropped. Only the rest are turned into appends (ids and all) by the process
 * manager itself; one not recognised stays pending, and appending it compares the stored ids exactly
 * (appendExactlyOnce: present, or a failure when the stream holds other events).
 */
export class PendingTransitions {
  private readonly byStream = new Map<string, DecidedTransition[]>();

  /** Records a household change; nothing is kept when its monitor revision did not move. */
  decided(
    before: HouseholdEmployment | undefined,
    after: HouseholdEmployment,
    event: HouseholdEnvelope,
  ): void {
    const fromRevision = before?.monitorRevision ?? -1;
    const count = after.monitorRevision - fromRevision;
    if (count === 0) return;
    const transition = { before, after, event, fromRevision, unseen: count };
    const stream = employmentMonitorStream(after.householdId);
    const list = this.byStream.get(stream);
    if (list) list.push(transition);
    else this.byStream.set(stream, [transition]);
  }

  /** Marks a monitor event read from the log as present, when it is the one its transition calls for. */
  seen(record: RecordedEvent): void {
    if (!record.streamId.startsWith(MONITOR_STREAM_PREFIX)) return;
    const list = this.byStream.get(record.streamId);
    if (!list) return;
    const index = list.findIndex(
      (t) => t.fromRevision < record.revision && record.revision <= t.after.monitorRevision,
    );
    if (index < 0) return;
    const transition = list[index];
    transition.expected ??= monitorEventsOf(transition.before, transition.after, transition.event);
    const expected = transition.expected[record.revision - transition.fromRevision - 1];
    if (!sameMonitorEvent(expected, record)) return;
    transition.unseen -= 1;
    if (transition.unseen > 0) return;
    list.splice(index, 1);
    if (list.length === 0) this.byStream.delete(record.streamId);
  }

  /** The appends of the transitions not (wholly) read back, in decision order per stream; then forgets them. */
  takeAppends(): MonitorAppend[] {
    const appends: MonitorAppend[] = [];
    for (const list of this.byStream.values()) {
      for (const { before, after, event } of list) {
        const append = monitorAppendOf(before, after, event);
        if (append) appends.push(append);
      }
    }
    this.byStream.clear();
    return appends;
  }
}

/** Same kind, and the same facts its derived id is made of (the stream and revision are already equal). */
function sameMonitorEvent(expected: MonitorEvent | undefined, record: RecordedEvent): boolean {
  if (expected === undefined || expected.type !== record.type) return false;
  const data = record.data;
  switch (expected.type) {
    case 'ZeroEmploymentCaseOpened':
      return data.openedAt === expected.data.openedAt;
    case 'ZeroEmploymentCaseCleared':
      return data.openedAt === expected.data.openedAt && data.clearedAt === expected.data.clearedAt;
    case 'TransportSubsidyEligible':
      return data.workerId === expected.data.workerId && data.year === expected.data.year;
  }
}

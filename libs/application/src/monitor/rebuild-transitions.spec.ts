import type { RecordedEvent } from '@lib/event-store';
import { householdEmploymentProjection } from '@lib/domain/monitor/household-employment.projection';
import { type HouseholdEmployment, type HouseholdEnvelope } from '@lib/domain/monitor/household-employment';
import { applyProjection, type AnyEnvelope } from '@lib/domain/shared/keyed-projection';
import { monitorAppendsOf, type MonitorAppend } from '@lib/domain/monitor/employment-monitor.process-manager';
import { HouseholdScript } from '@lib/domain/monitor/testing/fixtures';
import { PendingTransitions } from './rebuild-transitions';

/** Folds a household's events, telling `pending` every change, and returns what the process manager appends. */
function decideAll(script: HouseholdScript, pending: PendingTransitions): MonitorAppend[] {
  let doc: HouseholdEmployment | undefined;
  const appends: MonitorAppend[] = [];
  for (const event of script.log.events as readonly AnyEnvelope[]) {
    const after = applyProjection(householdEmploymentProjection, doc, event);
    if (after !== undefined && after !== doc) {
      pending.decided(doc, after, event as HouseholdEnvelope);
      appends.push(...monitorAppendsOf(doc, after, event as HouseholdEnvelope));
    }
    doc = after;
  }
  return appends;
}

/** The monitor events of the appends as the log would hold them. */
const recordsOf = (appends: readonly MonitorAppend[]): RecordedEvent[] =>
  appends.flatMap((append) =>
    append.events.map((e, i) => ({
      ...e,
      version: 1,
      data: { ...e.data },
      metadata: { ...e.metadata },
      streamId: append.streamId,
      revision: i,
      position: 0n,
    })),
  );

// Case 1 opened; an out-of-province placement clears it and earns the subsidy; the job ends and case 2 opens:
// four appends, one event each, in case 1's stream, the monitor stream and case 2's stream.
const history = () =>
  new HouseholdScript()
    .register('2026-03-01T08:00:00Z', ['full'])
    .place('2026-03-02T00:00:00Z', 1, 'p-1', 'out_of_province')
    .end('2026-06-01T00:00:00Z', 1, 'p-1');

describe('PendingTransitions (a rebuild decides the process manager lazily)', () => {
  it('forgets every transition whose events it reads back', () => {
    const pending = new PendingTransitions();
    const appends = decideAll(history(), pending);
    expect(appends.flatMap((a) => a.events).length).toBe(4);
    for (const record of recordsOf(appends)) pending.seen(record);
    expect(pending.takeAppends()).toEqual([]);
  });

  it("gives the process manager's own appends, ids included, for what the log lacks", () => {
    const pending = new PendingTransitions();
    const appends = decideAll(history(), pending);
    const [opened] = recordsOf(appends);
    pending.seen(opened);
    expect(pending.takeAppends()).toEqual(appends.slice(1));
    expect(pending.takeAppends()).toEqual([]);
  });

  it("appends only the missing event of a transition that called for two (the subsidy, not the case's clearing)", () => {
    const pending = new PendingTransitions();
    const appends = decideAll(history(), pending);
    const records = recordsOf(appends);
    expect(appends.map((a) => a.events[0].type)).toEqual([
      'ZeroEmploymentCaseOpened',
      'ZeroEmploymentCaseCleared',
      'TransportSubsidyEligible',
      'ZeroEmploymentCaseOpened',
    ]);
    for (const record of records.filter((r) => r.type !== 'TransportSubsidyEligible')) pending.seen(record);
    expect(pending.takeAppends()).toEqual([appends[2]]);
  });

  it('does not take another event of the same slot for its own', () => {
    const pending = new PendingTransitions();
    const appends = decideAll(history(), pending);
    const records = recordsOf(appends);
    const otherCase = { ...records[0], data: { ...records[0].data, openedAt: '2026-02-01T00:00:00Z' } };
    const subsidyOfAnotherYear = { ...records[2], data: { ...records[2].data, year: 2025 } };
    pending.seen(otherCase);
    pending.seen(records[1]);
    pending.seen(subsidyOfAnotherYear);
    pending.seen(records[3]);
    expect(pending.takeAppends()).toEqual([appends[0], appends[2]]);
  });
});

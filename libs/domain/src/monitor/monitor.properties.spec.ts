import fc from 'fast-check';
import { CHANNELS, GUIZHOU_PROVINCE_CODE, caseIdOf, caseIdOfStream, streamKindOf } from '@contracts';
import {
  ZERO_COUNTS,
  addCounts,
  countsOfHousehold,
  regionEmployment,
  regionFigures,
  type EmploymentCounts,
} from './county-employment.projection';
import type { HouseholdStatus } from './household-employment';
import { EMPTY_MONITOR_READ_MODEL, type MonitorReadModel } from './monitor-read-model';
import type { AnyEnvelope } from '../shared/keyed-projection';
import { householdHistoryArbitrary } from './testing/history.arbitrary';
import { InMemoryMonitorLog, rebuildMonitor, runMonitorLive } from './testing/monitor-runner';
import { recountHouseholds } from './testing/recount';
import { listCases } from '../cases/case-file.projection';

const RUNS = { numRuns: 150 };
const history = householdHistoryArbitrary();
const NOW = '2030-01-01T00:00:00Z';

/** The household status after each of its events, recounted by brute force from the prefix. */
function statusTrail(events: readonly AnyEnvelope[], householdId: string): HouseholdStatus[] {
  const trail: HouseholdStatus[] = [];
  const own = events.filter((e) => e.streamId === `household-${householdId}`);
  for (let i = 1; i <= own.length; i++)
    trail.push(recountHouseholds(own.slice(0, i)).get(householdId)!.status);
  return trail;
}

const sumOf = (counts: EmploymentCounts[]) => counts.reduce(addCounts, ZERO_COUNTS);
const roundTrip = (model: MonitorReadModel): MonitorReadModel => JSON.parse(JSON.stringify(model));

describe('monitor projections over random histories', () => {
  it('(a) each household status and counts equal a brute-force recount from the raw events', () => {
    fc.assert(
      fc.property(history, ({ events }) => {
        const { model } = runMonitorLive(events);
        const recount = recountHouseholds(events);
        expect(Object.keys(model.households).sort()).toEqual([...recount.keys()].sort());
        for (const [id, expected] of recount) {
          const doc = model.households[id];
          expect(doc.status).toBe(expected.status);
          expect(doc.labourCapableMembers).toBe(expected.labourCapableMembers);
          expect(doc.employedMembers).toBe(expected.employedMembers);
          expect(doc.channels).toEqual(CHANNELS.filter((c) => expected.byChannel[c] > 0));
        }
      }),
      RUNS,
    );
  });

  it('(b) open cases are exactly the zero-employment households, county by county', () => {
    fc.assert(
      fc.property(history, ({ events }) => {
        const { model } = runMonitorLive(events);
        const open = listCases(model.cases, { now: NOW, status: 'open' });
        const zero = Object.values(model.households).filter((h) => h.status === 'zero_employment');
        expect(open.map((c) => c.householdId).sort()).toEqual(zero.map((h) => h.householdId).sort());
        for (const c of open) expect(c.countyCode).toBe(model.households[c.householdId].countyCode);
        for (const h of Object.values(model.households)) {
          expect(regionEmployment(model.regions, 'county', h.countyCode).zeroEmploymentHouseholds).toBe(
            open.filter((c) => c.countyCode === h.countyCode).length,
          );
        }
      }),
      RUNS,
    );
  });

  it('(c) every entry into zero-employment opens one case and every exit clears it', () => {
    fc.assert(
      fc.property(history, ({ events }) => {
        const { store } = runMonitorLive(events);
        const caseEvents = store.log.filter((e) => streamKindOf(e.streamId) === 'zeroEmploymentCase');
        for (const id of new Set(events.map((e) => (e.data as { householdId: string }).householdId))) {
          const trail = statusTrail(events, id);
          const expected: string[] = [];
          let previous: HouseholdStatus = 'no_labour';
          let caseNo = 0;
          for (const status of trail) {
            if (status === 'zero_employment' && previous !== 'zero_employment') {
              caseNo += 1;
              expected.push(`${caseIdOf(id, caseNo)} opened`);
            }
            if (status !== 'zero_employment' && previous === 'zero_employment') {
              expected.push(`${caseIdOf(id, caseNo)} cleared`);
            }
            previous = status;
          }
          // Each case in its own stream, opened at revision 0 and cleared after: no case opened twice.
          const actual = caseEvents
            .filter((e) => (e.data as { householdId: string }).householdId === id)
            .map(
              (e) =>
                `${caseIdOfStream(e.streamId)} ${e.type === 'ZeroEmploymentCaseOpened' ? 'opened' : 'cleared'}`,
            );
          expect(actual).toEqual(expected);
          for (const e of caseEvents) {
            if (e.type === 'ZeroEmploymentCaseOpened') expect(e.revision).toBe(0);
          }
        }
      }),
      RUNS,
    );
  });

  it('(d) county figures are the sum of their households and (e) roll-ups the sum of their counties', () => {
    fc.assert(
      fc.property(history, ({ events }) => {
        const { model } = runMonitorLive(events);
        const households = Object.values(model.households);
        const counties = new Set(households.map((h) => h.countyCode));
        for (const code of counties) {
          const own = households.filter((h) => h.countyCode === code).map(countsOfHousehold);
          expect(regionEmployment(model.regions, 'county', code)).toEqual(
            regionFigures('county', code, sumOf(own)),
          );
        }
        const countyDocs = Object.values(model.regions).filter((r) => r.level === 'county');
        for (const prefecture of new Set(households.map((h) => h.prefectureCode))) {
          const own = countyDocs.filter((c) =>
            households.some((h) => h.countyCode === c.regionCode && h.prefectureCode === prefecture),
          );
          expect(regionEmployment(model.regions, 'prefecture', prefecture)).toEqual(
            regionFigures('prefecture', prefecture, sumOf(own)),
          );
        }
        expect(regionEmployment(model.regions, 'province', GUIZHOU_PROVINCE_CODE)).toEqual(
          regionFigures('province', GUIZHOU_PROVINCE_CODE, sumOf(countyDocs)),
        );
      }),
      RUNS,
    );
  });

  it('applying every event twice changes nothing and appends nothing twice', () => {
    fc.assert(
      fc.property(history, ({ events }) => {
        const once = runMonitorLive(events);
        const doubled = once.store.log.flatMap((e) => [e, e]);
        expect(rebuildMonitor(doubled, once.store)).toEqual(once.model);
      }),
      RUNS,
    );
  });

  it('(f) live == rebuilt: one pass equals two halves with a JSON restart and a replayed overlap', () => {
    fc.assert(
      fc.property(history, fc.nat(), fc.nat(5), ({ events }, cut, overlap) => {
        const live = runMonitorLive(events);
        const log = live.store.log;
        const split = cut % (log.length + 1);
        const firstHalf = rebuildMonitor(log.slice(0, split), live.store);
        const resumed = roundTrip(firstHalf);
        // At-least-once delivery: a restart may see a few events again from before its checkpoint.
        const rebuilt = rebuildMonitor(log.slice(Math.max(0, split - overlap)), live.store, resumed);
        expect(rebuilt).toEqual(live.model);
        expect(rebuildMonitor(log, live.store, EMPTY_MONITOR_READ_MODEL)).toEqual(live.model);
      }),
      RUNS,
    );
  });

  it('a live run restarted from a JSON snapshot appends the same monitor events as one uninterrupted run', () => {
    fc.assert(
      fc.property(history, fc.nat(), ({ events }, cut) => {
        const whole = runMonitorLive(events);
        const split = cut % (events.length + 1);
        const first = runMonitorLive(events.slice(0, split), new InMemoryMonitorLog());
        const second = runMonitorLive(events.slice(split), first.store, roundTrip(first.model));
        expect(second.model).toEqual(whole.model);
        expect(second.store.log.map((e) => e.id)).toEqual(whole.store.log.map((e) => e.id));
      }),
      RUNS,
    );
  });
});

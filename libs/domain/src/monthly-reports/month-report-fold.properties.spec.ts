import fc from 'fast-check';
import { householdStream, type EventData } from '@contracts';
import { regionEmployment } from '../monitor/county-employment.projection';
import { HISTORY_COUNTIES, historyOnAMovingClock } from '../monitor/testing/history.arbitrary';
import { EventLogBuilder } from '../monitor/testing/event-log';
import { runMonitorLive } from '../monitor/testing/monitor-runner';
import type { AnyEnvelope } from '../shared/keyed-projection';
import { startOfDay } from '../shared/business-dates';
import { MonthReportFold, reportFigures } from './month-report-fold';

/**
 * The month a report keeps, against what the facts say: the figures at both ends of the month equal the live
 * monitor run over the events recorded by then, and the month's activity equals a recount of the events
 * recorded within it, for every county, whatever the clock did between the events.
 */
const HOUR = 3_600_000;
const MONTHS = ['2026-09', '2026-10', '2026-11', '2026-12', '2027-01'];

const onAMovingClock = historyOnAMovingClock('2026-09-20T01:00:00Z', 60 * HOUR);

const fold = (events: readonly AnyEnvelope[], month: string) => {
  const f = new MonthReportFold(month);
  for (const e of events) f.apply(e);
  return f.counties();
};

const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** The recount: the events recorded in [start, end), by the county their household registered in. */
function recount(events: readonly AnyEnvelope[], county: string, month: string) {
  const start = startOfDay(`${month}-01`);
  const end = startOfDay(`${nextMonth(month)}-01`);
  const inCounty = new Set(
    events
      .filter(
        (e) => e.type === 'HouseholdRegistered' && (e.data as { countyCode: string }).countyCode === county,
      )
      .map((e) => (e.data as { householdId: string }).householdId),
  );
  const at = (e: AnyEnvelope) => Date.parse(e.occurredAt);
  const ofCounty = events.filter(
    (e) => inCounty.has((e.data as { householdId?: string }).householdId ?? '') && at(e) < end,
  );
  const within = (type: string) => ofCounty.filter((e) => e.type === type && at(e) >= start);
  const voided = new Set(
    ofCounty
      .filter((e) => e.type === 'PlacementVoided')
      .map((e) => (e.data as { placementId: string }).placementId),
  );
  return {
    placements: within('WorkerPlaced').filter(
      (e) => !voided.has((e.data as { placementId: string }).placementId),
    ).length,
    employmentsEnded: within('EmploymentEnded').length,
    employmentsReported: within('EmploymentReported').length,
    trainingsCompleted: within('WorkerTrainingCompleted').length,
  };
}

describe('a month of every county, folded from the log', () => {
  it('with a moving clock: figures at both ends equal the live monitor then, activity a recount', () => {
    fc.assert(
      fc.property(onAMovingClock, fc.constantFrom(...MONTHS), (log, month) => {
        const month_ = fold(log, month);
        const endLive = runMonitorLive(
          log.filter((e) => Date.parse(e.occurredAt) < startOfDay(`${nextMonth(month)}-01`)),
        );
        const startLive = runMonitorLive(
          log.filter((e) => Date.parse(e.occurredAt) < startOfDay(`${month}-01`)),
        );
        for (const county of HISTORY_COUNTIES) {
          const got = month_.county(county);
          expect(got.figures).toEqual(
            reportFigures(regionEmployment(endLive.model.regions, 'county', county)),
          );
          expect(got.previousFigures).toEqual(
            reportFigures(regionEmployment(startLive.model.regions, 'county', county)),
          );
          expect(got.activity).toMatchObject(recount(log, county, month));
          const byChannel = Object.values(got.activity.placementsByChannel).reduce((a, b) => a + b, 0);
          expect(byChannel).toBe(got.activity.placements);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('counts a placement voided by the month’s end out, one voided after it in; midnight opens the next month', () => {
    const log = new EventLogBuilder();
    const h = 'h-1';
    const stream = householdStream(h);
    const ids = (n: number) => ({
      placementId: `${h}:p${n}`,
      workerId: `${h}.1`,
      householdId: h,
      vacancyId: 'v-1',
    });
    log.append(stream, 'HouseholdRegistered', {
      householdId: h,
      countyCode: '520402',
      relocationSiteId: 'site-520402-01',
      registeredAt: '2026-09-01T02:00:00Z',
    });
    const placed = (n: number, placedAt: string): EventData<'WorkerPlaced'> => ({
      ...ids(n),
      channel: 'out_of_province',
      brokerId: 'broker-1',
      startDate: '2026-10-05',
      placedAt,
    });
    log.append(stream, 'WorkerPlaced', placed(1, '2026-10-05T02:00:00Z'));
    log.append(stream, 'PlacementVoided', {
      ...ids(1),
      reason: 'reservation_recovery',
      voidedAt: '2026-10-20T02:00:00Z',
    });
    log.append(stream, 'WorkerPlaced', placed(2, '2026-10-21T02:00:00Z'));
    // Voided on 1 November: the report of October, as it stood at October's end, had it.
    log.append(stream, 'PlacementVoided', {
      ...ids(2),
      reason: 'reservation_recovery',
      voidedAt: '2026-11-01T02:00:00Z',
    });
    // 2026-11-01 00:00 in Guizhou, to the millisecond: November's.
    log.append(stream, 'WorkerPlaced', placed(3, '2026-10-31T16:00:00.000Z'));
    const october = fold(log.events, '2026-10').county('520402').activity;
    expect(october.placements).toBe(1);
    expect(october.placementsByChannel.out_of_province).toBe(1);
    expect(fold(log.events, '2026-11').county('520402').activity.placements).toBe(1);
    expect(fold(log.events, '2026-10').county('520422').activity.placements).toBe(0);
  });
});

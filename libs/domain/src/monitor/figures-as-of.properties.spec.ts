import fc from 'fast-check';
import { GUIZHOU_PROVINCE_CODE, prefectureOfCounty } from '@contracts';
import { regionEmployment, type RegionLevel } from './county-employment.projection';
import { checkAsOf, dayHasEnded, figuresAsOf, regionFiguresAt, type RegionFiguresAt } from './figures-as-of';
import type { MonitorReadModel } from './monitor-read-model';
import {
  HISTORY_COUNTIES,
  historyOnAMovingClock,
  householdHistoryArbitrary,
} from './testing/history.arbitrary';
import { runMonitorLive } from './testing/monitor-runner';
import type { AnyEnvelope } from '../shared/keyed-projection';
import { addDays, dayOf, endOfDay } from '../shared/business-dates';

/**
 * Figures as of a date (ADR 0015) against the live monitor: the live projections run over exactly the events
 * recorded up to the cutoff must give what the as-of fold gives, for every county, prefecture and the province.
 */
const RUNS = { numRuns: 120 };
const HOUR = 3_600_000;

const REGIONS: readonly { level: RegionLevel; code: string }[] = [
  ...HISTORY_COUNTIES.map((code) => ({ level: 'county' as const, code })),
  ...[...new Set(HISTORY_COUNTIES.map((c) => prefectureOfCounty(c)!.code))].map((code) => ({
    level: 'prefecture' as const,
    code,
  })),
  { level: 'province', code: GUIZHOU_PROVINCE_CODE },
];

function expectSameFigures(asOf: RegionFiguresAt, live: MonitorReadModel): void {
  for (const { level, code } of REGIONS) {
    expect(regionFiguresAt(asOf, level, code)).toEqual(regionEmployment(live.regions, level, code));
  }
}

/** The events re-recorded by a clock that moves on by `gaps` (ms), up to 30 hours at a time. */
const onAMovingClock = historyOnAMovingClock('2026-10-28T01:00:00Z', 30 * HOUR);

const recordedBy = (events: readonly AnyEnvelope[], cutoff: number) =>
  events.filter((e) => Date.parse(e.occurredAt) < cutoff);

describe('figures as of a date', () => {
  it('with a moving clock: asOf(today) is the live figures, and a past day answers the same ever after', () => {
    fc.assert(
      fc.property(onAMovingClock, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (log, picks) => {
        // The clock stands at some events' recorded time; the log then holds the events up to there.
        for (const pick of picks) {
          const k = pick % log.length;
          const now = log[k].occurredAt;
          const held = log.slice(0, k + 1);
          const today = dayOf(now);
          expect(checkAsOf(today, now)).toBeUndefined();
          expect(checkAsOf(addDays(today, 1), now)?.details).toEqual({ field: 'asOf' });
          expectSameFigures(figuresAsOf(held, today), runMonitorLive(held).model);
          // Yesterday's answer now is the one the whole log gives later: the days after it add nothing to it.
          const yesterday = addDays(today, -1);
          expect(dayHasEnded(yesterday, now)).toBe(true);
          expect(figuresAsOf(held, yesterday).regions).toEqual(figuresAsOf(log, yesterday).regions);
        }
      }),
      RUNS,
    );
  });

  it('for any date, the figures equal a fresh live fold of the events recorded by its end (Guizhou)', () => {
    const dayOffset = fc.integer({ min: -2, max: 12 });
    fc.assert(
      fc.property(onAMovingClock, fc.array(dayOffset, { minLength: 1, maxLength: 5 }), (log, offsets) => {
        const first = dayOf(log[0].occurredAt);
        for (const offset of offsets) {
          const date = addDays(first, offset);
          expectSameFigures(figuresAsOf(log, date), runMonitorLive(recordedBy(log, endOfDay(date))).model);
        }
      }),
      RUNS,
    );
  });

  it('filters by recorded time, not by position, when the two are out of step', () => {
    // Each event recorded up to 20 minutes before the one ahead of it in the log (commands that read the clock,
    // then appended in the other order); cutoffs fall among them.
    const skewed = householdHistoryArbitrary().chain((history) =>
      fc.record({
        events: fc.constant(history.events),
        skews: fc.array(fc.integer({ min: -20 * 60_000, max: 20 * 60_000 }), {
          minLength: history.events.length,
          maxLength: history.events.length,
        }),
        cutoffAt: fc.nat(history.events.length - 1),
      }),
    );
    fc.assert(
      fc.property(skewed, ({ events, skews, cutoffAt }) => {
        const log = events.map((e, i) => ({
          ...e,
          occurredAt: new Date(Date.parse('2026-10-31T15:00:00Z') + i * 60_000 + skews[i]).toISOString(),
        }));
        // The date whose end (16:00 UTC) falls nearest the chosen event: shift the log so it does.
        const shift = Date.parse('2026-10-31T16:00:00Z') - Date.parse(log[cutoffAt].occurredAt);
        const shifted = log.map((e) => ({
          ...e,
          occurredAt: new Date(Date.parse(e.occurredAt) + shift).toISOString(),
        }));
        const cutoff = endOfDay('2026-10-31');
        expectSameFigures(
          figuresAsOf(shifted, '2026-10-31'),
          runMonitorLive(recordedBy(shifted, cutoff)).model,
        );
      }),
      RUNS,
    );
  });

  it('before any event the figures are zeros; a day not yet ended is refused', () => {
    const none = figuresAsOf([], '2026-10-31');
    expect(regionFiguresAt(none, 'province', GUIZHOU_PROVINCE_CODE)).toMatchObject({
      households: 0,
      employmentRate: 0,
    });
    // 2026-11-01 08:00 in Guizhou is 00:00 UTC: the UTC day is the 1st too, and the 2nd is refused.
    expect(checkAsOf('2026-11-02', '2026-11-01T00:00:00Z')).toMatchObject({ code: 'invalid_value' });
    // 2026-10-31 16:30 UTC is already 1 November in Guizhou: the 1st is today there, not the future.
    expect(checkAsOf('2026-11-01', '2026-10-31T16:30:00Z')).toBeUndefined();
    expect(dayHasEnded('2026-10-31', '2026-10-31T15:59:59.999Z')).toBe(false);
    expect(dayHasEnded('2026-10-31', '2026-10-31T16:00:00.000Z')).toBe(true);
  });
});

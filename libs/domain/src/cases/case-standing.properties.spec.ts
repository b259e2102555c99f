import fc from 'fast-check';
import { addDays, caseWarning, dueDatesOf } from './case-deadlines';
import {
  caseStanding,
  caseView,
  compareByUrgency,
  compareStandings,
  type ZeroEmploymentCaseFile,
} from './case-file.projection';

// The work list ranks cases by their standing (dates parsed once) and makes views of one page only: that must
// colour, flag and order every case exactly as the views themselves would.
const BASE = '2026-03-01T08:00:00.000Z';
const hours = (h: number): string => new Date(Date.parse(BASE) + h * 3_600_000).toISOString();

const caseFile = fc
  .record({
    n: fc.integer({ min: 1, max: 40 }),
    openedH: fc.integer({ min: 0, max: 300 }),
    measureH: fc.option(fc.integer({ min: 0, max: 200 })),
    clearedH: fc.option(fc.integer({ min: 0, max: 200 })),
  })
  .map(({ n, openedH, measureH, clearedH }): ZeroEmploymentCaseFile => {
    const openedAt = hours(openedH);
    return {
      caseId: `hh-${n}:1`,
      householdId: `hh-${n}`,
      countyCode: '520402',
      caseNo: 1,
      openedAt,
      clearedAt: clearedH === null ? null : hours(openedH + clearedH),
      clearedBy: null,
      assignee: null,
      measures: measureH === null ? 0 : 1,
      firstMeasureAt: measureH === null ? null : hours(openedH + measureH),
      lastFinding: null,
      lastActionAt: openedAt,
      timeline: [],
      lastRevision: 0,
    };
  });
const deadlines = fc.record({
  assistWithinDays: fc.integer({ min: 0, max: 10 }),
  clearWithinDays: fc.integer({ min: 0, max: 15 }),
});
const now = fc.integer({ min: 0, max: 600 }).map(hours);

describe('case standing', () => {
  it('gives the colour, overdue flags and due dates the view has', () => {
    fc.assert(
      fc.property(caseFile, deadlines, now, (file, d, at) => {
        const standing = caseStanding(file, d, at);
        const view = caseView(file, d, at);
        expect(caseView(file, d, at, standing)).toEqual(view);
        expect(standing.warning).toBe(caseWarning(file, d, at));
        expect(new Date(standing.clearDue).toISOString()).toBe(dueDatesOf(file.openedAt, d).clearDueAt);
        expect(new Date(standing.clearDue).toISOString()).toBe(addDays(file.openedAt, d.clearWithinDays));
      }),
    );
  });

  it('orders cases as compareByUrgency orders their views', () => {
    fc.assert(
      fc.property(fc.array(caseFile, { maxLength: 30 }), deadlines, now, (files, d, at) => {
        const byViews = files
          .map((f) => caseView(f, d, at))
          .sort(compareByUrgency)
          .map((v) => v.caseId);
        const byStandings = files
          .map((f) => ({ caseId: f.caseId, standing: caseStanding(f, d, at) }))
          .sort(compareStandings)
          .map((r) => r.caseId);
        expect(byStandings).toEqual(byViews);
      }),
    );
  });
});

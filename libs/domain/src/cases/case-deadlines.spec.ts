import { addDays, caseWarning, DEFAULT_CASE_DEADLINES, dueDatesOf } from './case-deadlines';

const OPENED = '2026-03-01T00:00:00.000Z';
const at = (days: number) => addDays(OPENED, days);
const open = (firstMeasureAfterDays?: number) => ({
  openedAt: OPENED,
  clearedAt: null,
  firstMeasureAt: firstMeasureAfterDays === undefined ? null : at(firstMeasureAfterDays),
});

describe('case deadlines and warning colours (assist within 3 days, clear within 5 by default)', () => {
  it('puts the due dates at the county’s days after the opening', () => {
    expect(dueDatesOf(OPENED, DEFAULT_CASE_DEADLINES)).toEqual({ assistDueAt: at(3), clearDueAt: at(5) });
    expect(dueDatesOf(OPENED, { assistWithinDays: 1, clearWithinDays: 2 })).toEqual({
      assistDueAt: at(1),
      clearDueAt: at(2),
    });
  });

  it.each([
    ['in time, no measure yet', open(), 1, 'green'],
    ['assistance due within 24 h, no measure', open(), 2.2, 'yellow'],
    ['assistance deadline passed, no measure', open(), 3.1, 'red'],
    ['assisted in time', open(1), 3.5, 'green'],
    ['assisted late: the deadline was missed, the county now waits to clear', open(3.2), 3.5, 'yellow'],
    ['clearing due within 24 h', open(1), 4.2, 'yellow'],
    ['clearing deadline passed', open(1), 5.1, 'red'],
  ] as const)('%s → %s', (_what, c, nowDays, colour) => {
    expect(caseWarning(c, DEFAULT_CASE_DEADLINES, at(nowDays))).toBe(colour);
  });

  it('judges a cleared case at its clearing, whatever the time now', () => {
    const cleared = { openedAt: OPENED, clearedAt: at(2), firstMeasureAt: at(1) };
    expect(caseWarning(cleared, DEFAULT_CASE_DEADLINES, at(30))).toBe('green');
    expect(caseWarning({ ...cleared, clearedAt: at(6) }, DEFAULT_CASE_DEADLINES, at(30))).toBe('red');
  });
});

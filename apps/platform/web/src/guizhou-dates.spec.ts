import { lastMonth, monthsAgo, recentMonths } from './guizhou-dates';
import { parseRoute, routePath } from './router';

describe('months in Guizhou', () => {
  it('turns the month at midnight in Guizhou, not in UTC', () => {
    // 2026-11-30 16:30 UTC is 2026-12-01 00:30 in Guizhou.
    const at = Date.parse('2026-11-30T16:30:00Z');
    expect(monthsAgo(0, at)).toBe('2026-12');
    expect(lastMonth(at)).toBe('2026-11');
    expect(lastMonth(Date.parse('2026-11-30T15:59:00Z'))).toBe('2026-10');
  });

  it('goes back across a year, newest first', () => {
    expect(recentMonths(3, Date.parse('2027-02-10T04:00:00Z'))).toEqual(['2027-02', '2027-01', '2026-12']);
  });
});

describe('the monthly report’s addresses', () => {
  it('round-trip a county’s month, a prefecture’s month and the bare page', () => {
    for (const route of [
      { page: 'reports', county: '520402', month: '2026-11' },
      { page: 'reports', month: '2026-11' },
      { page: 'reports' },
    ] as const) {
      expect(parseRoute(routePath(route))).toEqual(route);
    }
    expect(routePath({ page: 'reports', county: '520402', month: '2026-11' })).toBe(
      '/reports/520402/2026-11',
    );
    expect(parseRoute('/reports/520402/x')).toEqual({ page: 'reports', county: '520402' });
  });
});

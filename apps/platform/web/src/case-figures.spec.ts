import { openCasesByDay, timeToClear } from './case-figures';
import { sessionFromToken } from './session';
import type { ZeroEmploymentCase } from './api-types';

const DAY = 24 * 3600 * 1000;
const NOW = Date.parse('2026-03-10T12:00:00Z');
const opened = (daysAgo: number, id = `h${daysAgo}`) =>
  ({
    householdId: id,
    openedAt: new Date(NOW - daysAgo * DAY).toISOString(),
    clearedAt: null,
    ageDays: daysAgo,
  }) as ZeroEmploymentCase;

describe('case charts', () => {
  it('counts a case open on the days between its opening and its clearing', () => {
    const cleared = { ...opened(10, 'c'), clearedAt: new Date(NOW - 5 * DAY).toISOString() };
    const points = openCasesByDay([opened(2, 'o')], [cleared], NOW, 12);
    expect(points).toHaveLength(12);
    expect(points.at(-1)).toEqual({ at: NOW, open: 1 });
    expect(Math.max(...points.map((p) => p.open))).toBe(1);
    expect(points.filter((p) => p.open === 0).length).toBeGreaterThan(0);
  });

  it('buckets the time to clear at the 3- and 5-day deadlines', () => {
    const clearedAfter = (days: number) => ({
      ...opened(20),
      clearedAt: new Date(NOW - (20 - days) * DAY).toISOString(),
    });
    expect(
      timeToClear([clearedAfter(0.5), clearedAfter(2), clearedAfter(4), clearedAfter(4.5), clearedAfter(12)]),
    ).toEqual([1, 1, 2, 0, 1]);
  });
});

describe('sessionFromToken', () => {
  const jwt = (payload: object) => `e30.${btoa(JSON.stringify(payload)).replace(/=+$/, '')}.sig`;

  it('reads role, county and expiry from the payload', () => {
    const exp = Math.floor(NOW / 1000) + 3600;
    expect(
      sessionFromToken(`Bearer ${jwt({ sub: 's', role: 'county_office', countyCode: '520402', exp })}`, NOW),
    ).toMatchObject({
      role: 'county_office',
      countyCode: '520402',
      sub: 's',
    });
  });

  it('refuses expired tokens, unknown roles and garbage', () => {
    expect(sessionFromToken(jwt({ sub: 's', role: 'admin', exp: NOW / 1000 - 1 }), NOW)).toBeUndefined();
    expect(sessionFromToken(jwt({ sub: 's', role: 'root' }), NOW)).toBeUndefined();
    expect(sessionFromToken('not a token', NOW)).toBeUndefined();
  });
});

import type { DomainEvent, EventData } from '@contracts';
import { ANSHUN, postingData } from '@lib/domain/postings/vacancy.fixtures';
import { employmentReported, trainingCompleted } from '@lib/domain/workforce/household.fixtures';
import { MatchingProjection } from './matching-projection';
import { MatchingQueries } from './matching-queries';

const NOW = '2026-06-01T00:00:00.000Z';
const COUNTY = ANSHUN.countyCode;

/** Events as the deciders append them, fed one by one with growing positions. */
class Feed {
  readonly state = new MatchingProjection();
  private position = 0n;

  apply(...events: DomainEvent[]): bigint {
    for (const e of events) this.state.apply(e, ++this.position);
    return this.position;
  }
}

const household = (
  id: string,
  county: string,
  members: Partial<EventData<'WorkerRegistered'>>[],
): DomainEvent[] => [
  {
    type: 'HouseholdRegistered',
    data: { householdId: id, countyCode: county, relocationSiteId: `site-${county}`, registeredAt: NOW },
  },
  ...members.map((m, i): DomainEvent => ({
    type: 'WorkerRegistered',
    data: {
      workerId: `${id}.${i + 1}`,
      householdId: id,
      memberNo: i + 1,
      name: '测试',
      idNumberHash: 'x'.repeat(64),
      idNumberLast4: '1234',
      birthYear: 1985,
      gender: 'female',
      labourCapacity: 'full',
      skills: ['6-05-01-03'],
      preference: 'any',
      expectedMonthlyWage: 3000,
      registeredAt: NOW,
      ...m,
    },
  })),
];

const posted = (id: string, o: Partial<EventData<'VacancyPosted'>> = {}): DomainEvent => ({
  type: 'VacancyPosted',
  data: postingData({
    vacancyId: id,
    source: { type: 'workshop', id: `ws-${id}` },
    location: ANSHUN,
    openings: 1,
    postedAt: NOW,
    ...o,
  }),
});

describe('MatchingProjection', () => {
  it('follows reservations, employment and its end incrementally', () => {
    const feed = new Feed();
    const queries = new MatchingQueries(feed.state);
    feed.apply(...household('h1', COUNTY, [{}]), posted('v1'), posted('v2'));
    expect(
      queries
        .recommendations('h1.1', 10, NOW)
        .map((r) => r.vacancyId)
        .sort(),
    ).toEqual(['v1', 'v2']);
    // v1's only opening is held by another placement: no longer offered.
    feed.apply({
      type: 'VacancyOpeningReserved',
      data: { vacancyId: 'v1', placementId: 'p0', workerId: 'x.1', householdId: 'x', reservedAt: NOW },
    });
    expect(queries.recommendations('h1.1', 10, NOW).map((r) => r.vacancyId)).toEqual(['v2']);
    expect(queries.candidates('v2', 10, NOW).map((c) => c.workerId)).toEqual(['h1.1']);
    const placed: DomainEvent = {
      type: 'WorkerPlaced',
      data: {
        placementId: 'p1',
        workerId: 'h1.1',
        householdId: 'h1',
        vacancyId: 'v2',
        channel: 'workshop',
        brokerId: 'b',
        startDate: '2026-06-01',
        placedAt: NOW,
      },
    };
    feed.apply(placed);
    expect(queries.recommendations('h1.1', 10, NOW)).toEqual([]);
    expect(queries.candidates('v2', 10, NOW)).toEqual([]);
    feed.apply({
      type: 'EmploymentEnded',
      data: { workerId: 'h1.1', householdId: 'h1', employmentId: 'p1', reason: 'quit', endedAt: NOW },
    });
    expect(queries.recommendations('h1.1', 10, NOW).map((r) => r.vacancyId)).toEqual(['v2']);
  });

  it('uses trainings in reasons, and withdraws closed vacancies', () => {
    const feed = new Feed();
    const queries = new MatchingQueries(feed.state);
    feed.apply(...household('h1', COUNTY, [{ skills: [] }]), posted('v1'));
    const before = queries.recommendations('h1.1', 10, NOW)[0];
    feed.apply(trainingCompleted(NOW));
    const after = queries.recommendations('h1.1', 10, NOW)[0];
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.reasons.map((r) => r.code)).toContain('training_matched');
    feed.apply({ type: 'VacancyWithdrawn', data: { vacancyId: 'v1', withdrawnAt: NOW } });
    expect(queries.recommendations('h1.1', 10, NOW)).toEqual([]);
  });

  it('ranks candidates of a broker’s counties among all their workers, zero-employment households first', () => {
    const feed = new Feed();
    const queries = new MatchingQueries(feed.state);
    const outOfProvince = { province: '广东省', city: '广州市', countyCode: '440106' };
    feed.apply(
      ...household('a', COUNTY, [{}]),
      ...household('b', '520424', [{ skills: [] }, {}]),
      ...household('c', '520424', [{ skills: [] }]),
      posted('v1', { location: outOfProvince, openings: 5 }),
      employmentReported({ workerId: 'b.1', householdId: 'b', startDate: '2026-05-01', reportedAt: NOW }),
    );
    // b.2 has the skill (higher score) but c is a zero-employment household: c.1 comes first.
    const scoped = queries.candidates('v1', 10, NOW, ['520424']);
    expect(scoped.map((c) => [c.workerId, c.zeroEmploymentHousehold])).toEqual([
      ['c.1', true],
      ['b.2', false],
    ]);
    expect(scoped[1].score).toBeGreaterThan(scoped[0].score);
    expect(queries.candidates('v1', 10, NOW).map((c) => c.workerId)).toEqual(['a.1', 'c.1', 'b.2']);
  });

  it('resolves waits for a position once applied, and times out otherwise', async () => {
    const feed = new Feed();
    const waiting = feed.state.waitFor(2n, 1000);
    feed.apply(posted('v1'), posted('v2'));
    await expect(waiting).resolves.toBe(true);
    await expect(feed.state.waitFor(10n, 20)).resolves.toBe(false);
  });

  it('plans a county of 2,000 households: at least greedy’s coverage, within the bound (time printed)', async () => {
    const feed = new Feed();
    const skills = ['6-05-01-03', '4-03-02-01', '6-25-04-07', '4-09-08-01'];
    for (let h = 0; h < 2000; h++) {
      const members = Array.from({ length: 1 + (h % 3) }, (_, m) => ({
        birthYear: 1965 + ((h * 7 + m * 13) % 40),
        labourCapacity: (['full', 'full', 'partial', 'weak'] as const)[(h + m) % 4],
        skills: [skills[(h + m) % 4]],
        preference: (['any', 'local', 'in_province', 'out_of_province'] as const)[(h * 3 + m) % 4],
      }));
      feed.apply(...household(`h${h}`, COUNTY, members));
    }
    for (let v = 0; v < 200; v++) {
      const out = v % 3 === 0;
      feed.apply(
        posted(`v${v}`, {
          skills: [skills[v % 4]],
          openings: 1 + (v % 8),
          location: out
            ? { province: '广东省', city: '广州市', countyCode: '440106' }
            : { province: '贵州省', city: '安顺市', countyCode: v % 2 === 0 ? COUNTY : '520424' },
          labourCapacities: v % 5 === 0 ? ['full', 'partial', 'weak'] : ['full', 'partial'],
          flexibleHours: v % 5 === 0,
        }),
      );
    }
    const started = performance.now();
    const result = await new MatchingQueries(feed.state).plan([COUNTY], NOW);
    const ms = performance.now() - started;
    console.info(
      `county plan: ${result.households} households, ${result.workers} workers, ${result.vacancies} vacancies, ` +
        `${result.candidatePairs} pairs: build ${result.buildMs} ms + solve ${result.solveMs} ms; ` +
        `${Math.round(ms)} ms in all; covered ${result.plan.figures.householdsCovered} (greedy ${result.plan.greedy.householdsCovered}), placed ${result.plan.figures.placed}`,
    );
    expect(result.plan.figures.householdsCovered).toBeGreaterThanOrEqual(
      result.plan.greedy.householdsCovered,
    );
    expect(result.plan.figures.householdsCovered).toBeLessThanOrEqual(
      result.plan.bounds.householdsCoverableAtMost,
    );
  });
});

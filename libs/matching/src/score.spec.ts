import fc from 'fast-check';
import { allEligibleArcs } from './match-problem';
import { planMatches } from './match-plan';
import { MAX_SCORE, scoreMatch } from './score';
import { aHousehold, aVacancy, aWorker, CTX } from './testing/fixtures';
import { randomProblem } from './testing/small-problem';

describe('scoreMatch', () => {
  it('explains a workshop post at the worker’s relocation site, in Chinese and English', () => {
    const v = aVacancy({
      location: { provinceIsGuizhou: true, countyCode: '520402', relocationSiteId: 'site-a' },
    });
    const { total, reasons } = scoreMatch(aWorker(), aHousehold({ employed: 0 }), v, CTX);
    const byCode = new Map(reasons.map((r) => [r.code, r]));
    expect(byCode.get('skills_matched')).toMatchObject({
      points: 35,
      zh: expect.stringContaining('技能匹配'),
    });
    expect(byCode.get('same_relocation_site')?.zh).toContain('15分钟就业圈');
    expect(byCode.get('same_relocation_site')?.en).toContain('15-minute employment circle');
    expect(byCode.get('zero_employment_household')).toMatchObject({
      points: 15,
      en: expect.stringContaining('Zero-employment'),
    });
    expect(byCode.get('wage_range_reaches_expectation')?.zh).toContain('3000');
    expect(total).toBe(reasons.reduce((s, r) => s + r.points, 0));
    expect(reasons.map((r) => r.points)).toEqual([...reasons.map((r) => r.points)].sort((a, b) => b - a));
  });

  it('favours the partner-city labour station for out-of-province work', () => {
    const station = (partner: string) =>
      aVacancy({
        source: 'labour_station',
        location: { provinceIsGuizhou: false, partnerPrefectureCode: partner },
      });
    const partner = scoreMatch(aWorker(), aHousehold(), station('520400'), CTX);
    const other = scoreMatch(aWorker(), aHousehold(), station('520200'), CTX);
    expect(partner.total).toBeGreaterThan(other.total);
    expect(partner.reasons.find((r) => r.code === 'partner_city_station')?.zh).toContain('对口协作');
  });

  it('ranks zero-employment households first, then fewest employed per member with labour', () => {
    const score = (employed: number, labourCapable: number) =>
      scoreMatch(aWorker(), aHousehold({ employed, labourCapable }), aVacancy(), CTX).total;
    expect(score(0, 3)).toBeGreaterThan(score(1, 4));
    expect(score(1, 4)).toBeGreaterThan(score(2, 3));
  });

  it('gives returnees and older workers priority points', () => {
    const base = scoreMatch(aWorker(), aHousehold(), aVacancy(), CTX).total;
    expect(scoreMatch(aWorker({ returnee: true }), aHousehold(), aVacancy(), CTX).total).toBe(base + 5);
    const older = scoreMatch(aWorker({ birthYear: 1970 }), aHousehold(), aVacancy(), CTX);
    expect(older.reasons.find((r) => r.code === 'older_worker')?.en).toContain('Older worker (56)');
  });

  it('stays an integer within 0..MAX_SCORE', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const problem = randomProblem(seed, { households: 5, maxMembers: 3, vacancies: 6, maxOpenings: 2 });
        for (const s of allEligibleArcs(problem).score) {
          expect(Number.isInteger(s) && s >= 0 && s <= MAX_SCORE).toBe(true);
        }
      }),
    );
  });
});

describe('no penalty by gender, ethnicity or family situation', () => {
  // Records from outside may carry such attributes; the engine's types do not, and nothing it computes
  // may change when they are permuted among the same people.
  it('gives the same scores and the same plan whatever those attributes are', () => {
    const attributes = fc.array(
      fc.record({
        gender: fc.constantFrom('female', 'male'),
        ethnicity: fc.constantFrom('Han', 'Miao', 'Buyi', 'Dong', 'Yi'),
        maritalStatus: fc.constantFrom('single', 'married', 'widowed'),
      }),
      { minLength: 40, maxLength: 40 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), attributes, (seed, attrs) => {
        const problem = randomProblem(seed, { households: 12, maxMembers: 3, vacancies: 8, maxOpenings: 3 });
        const tagged = {
          ...problem,
          workers: problem.workers.map((w, i) => ({ ...w, ...attrs[i % attrs.length] })),
        };
        const plain = planMatches(problem, allEligibleArcs(problem));
        const withAttributes = planMatches(tagged, allEligibleArcs(tagged));
        expect(withAttributes.matches).toEqual(plain.matches);
      }),
      { numRuns: 40 },
    );
  });
});

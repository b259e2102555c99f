import fc from 'fast-check';
import { isEligible } from './hard-constraints';
import { allEligibleArcs, restrictToCounties } from './match-problem';
import { planMatches } from './match-plan';
import { compareFigures } from './plan-figures';
import { bruteForceOptimum } from './testing/brute-force-plan';
import { randomProblem } from './testing/small-problem';

describe('planMatches (exact lexicographic plan)', () => {
  it('equals the brute-force optimum on small random instances', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const problem = randomProblem(seed, { households: 3, maxMembers: 2, vacancies: 3, maxOpenings: 2 });
        const arcs = allEligibleArcs(problem);
        const plan = planMatches(problem, arcs);
        expect(plan.figures).toEqual(bruteForceOptimum(problem, arcs));
      }),
      { numRuns: 150 },
    );
  });

  it('finds the coverage-first plan where score-greedy does not', () => {
    // Household A has two members; B one. The best-scoring pair puts A's second member in the only job B
    // can take; greedy takes it, the plan covers both households.
    const base = randomProblem(1, { households: 0, maxMembers: 1, vacancies: 0, maxOpenings: 1 });
    const worker = (id: string, householdId: string, skills: string[]) => ({
      id,
      householdId,
      birthYear: 1990,
      labourCapacity: 'full' as const,
      preference: 'any' as const,
      skills,
      trainings: [],
      expectedMonthlyWage: 3000,
      returnee: false,
      relocationSiteId: 's1',
      countyCode: '520402',
      prefectureCode: '520400',
      employed: false,
    });
    const [WELDER, SEWER] = ['6-18-02-04', '6-05-01-03'];
    const vacancy = (id: string, requiredSkills: string[]) => ({
      id,
      posterId: id,
      source: 'employer' as const,
      takesWeakCapacity: false,
      welfarePost: false,
      occupation: '8-00-00-00',
      requiredSkills,
      location: { provinceIsGuizhou: true, countyCode: '520402', prefectureCode: '520400' },
      remainingOpenings: 1,
      wageMin: 3000,
      wageMax: 4000,
      ageMin: 16,
      ageMax: 60,
      acceptedCapacities: ['full' as const],
      expiresAt: base.ctx.now + 1000,
      status: 'open' as const,
    });
    const problem = {
      ctx: base.ctx,
      households: [
        { id: 'A', countyCode: '520402', labourCapable: 2, employed: 0 },
        { id: 'B', countyCode: '520402', labourCapable: 1, employed: 0 },
      ],
      workers: [worker('A.1', 'A', [WELDER]), worker('A.2', 'A', [SEWER]), worker('B.1', 'B', [])],
      vacancies: [vacancy('weld', [WELDER, SEWER]), vacancy('sew', [SEWER])],
    };
    const arcs = allEligibleArcs(problem);
    const plan = planMatches(problem, arcs);
    expect(plan.figures.householdsCovered).toBe(2);
    expect(plan.figures.placed).toBe(2);
    expect(plan.greedy.householdsCovered).toBe(1);
  });

  it('never breaks a hard constraint, never over-fills, one job per worker; greedy never covers more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const problem = randomProblem(seed, { households: 30, maxMembers: 4, vacancies: 12, maxOpenings: 4 });
        const plan = planMatches(problem, allEligibleArcs(problem));
        const workers = new Map(problem.workers.map((w) => [w.id, w]));
        const vacancies = new Map(problem.vacancies.map((v) => [v.id, v]));
        const used = new Map<string, number>();
        const placed = new Set<string>();
        for (const m of plan.matches) {
          const w = workers.get(m.workerId);
          const v = vacancies.get(m.vacancyId);
          expect(w && v && isEligible(w, v, problem.ctx)).toBe(true);
          expect(placed.has(m.workerId)).toBe(false);
          placed.add(m.workerId);
          used.set(m.vacancyId, (used.get(m.vacancyId) ?? 0) + 1);
        }
        for (const [id, n] of used) expect(n).toBeLessThanOrEqual(vacancies.get(id)?.remainingOpenings ?? 0);
        expect(compareFigures(plan.figures, plan.greedy)).toBeGreaterThanOrEqual(0);
        expect(plan.greedy.householdsCovered).toBeLessThanOrEqual(plan.figures.householdsCovered);
        expect(plan.figures.householdsCovered).toBeLessThanOrEqual(plan.bounds.householdsCoverableAtMost);
        expect(plan.figures.placed).toBeLessThanOrEqual(plan.bounds.placeableAtMost);
      }),
      { numRuns: 60 },
    );
  });

  it('plans for a set of counties: only their job-seekers, any vacancy they may take', () => {
    const problem = randomProblem(42, { households: 30, maxMembers: 3, vacancies: 12, maxOpenings: 3 });
    const local = restrictToCounties(problem, ['520402']);
    const plan = planMatches(local, allEligibleArcs(local));
    expect(local.workers.length).toBeGreaterThan(0);
    expect(local.workers.length).toBeLessThan(problem.workers.length);
    for (const m of plan.matches) expect(m.workerId).toMatch(/^h\d+\.\d+$/);
    const counties = new Set(local.workers.map((w) => w.countyCode));
    expect([...counties]).toEqual(['520402']);
    expect(plan.matches.every((m) => local.workers.some((w) => w.id === m.workerId))).toBe(true);
  });
});

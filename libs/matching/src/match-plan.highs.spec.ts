import highsLoader from 'highs';
import fc from 'fast-check';
import { allEligibleArcs } from './match-problem';
import { matchPlanLp } from './match-plan-lp';
import { planMatches } from './match-plan';
import { planFigures } from './plan-figures';
import { randomProblem } from './testing/small-problem';

describe('planMatches against the HiGHS LP optimum', () => {
  it('reaches the same lexicographic objective on medium instances', async () => {
    const highs = await highsLoader();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const problem = randomProblem(seed, {
          households: 120,
          maxMembers: 4,
          vacancies: 40,
          maxOpenings: 6,
        });
        const arcs = allEligibleArcs(problem);
        const plan = planMatches(problem, arcs);
        const lp = highs.solve(matchPlanLp(problem, arcs), { output_flag: false });
        if (lp.Status !== 'Optimal') throw new Error(`HiGHS: ${lp.Status}`);
        // Network LP: the vertex optimum is integral, so read the pairs it takes.
        const taken: number[] = [];
        for (let k = 0; k < arcs.length; k++) {
          const column = lp.Columns[`x${k}`];
          const x = column && 'Primal' in column ? column.Primal : 0;
          expect(Math.abs(x - Math.round(x))).toBeLessThan(1e-6);
          if (x > 0.5) taken.push(k);
        }
        expect(plan.figures).toEqual(planFigures(problem, arcs, taken));
        expect(plan.figures.placed).toBeGreaterThan(0);
      }),
      { numRuns: 8 },
    );
  });
});

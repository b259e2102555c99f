import { allEligibleArcs, planMatches, type MatchProblem } from '@lib/matching';
import { aHousehold, aVacancy, aWorker, CTX } from '@lib/matching/testing/fixtures';
import { solvePlan } from './plan-solver';

describe('solvePlan', () => {
  const problem: MatchProblem = {
    workers: [
      aWorker({ id: 'h1.1', householdId: 'h1' }),
      aWorker({ id: 'h1.2', householdId: 'h1' }),
      aWorker({ id: 'h2.1', householdId: 'h2', skills: [] }),
    ],
    households: [aHousehold({ id: 'h1', employed: 0 }), aHousehold({ id: 'h2', employed: 0 })],
    vacancies: [aVacancy({ id: 'v1', remainingOpenings: 1 }), aVacancy({ id: 'v2', remainingOpenings: 1 })],
    ctx: CTX,
  };

  it('gives in a worker thread the plan it gives inline', async () => {
    const arcs = allEligibleArcs(problem);
    const inline = planMatches(problem, arcs);
    expect(inline.figures).toMatchObject({ householdsCovered: 2, placed: 2 });
    const threaded = await solvePlan(problem, arcs, 0);
    expect(threaded).toEqual(inline);
  }, 30_000);
});

import { arcComponents } from './arc-components';
import { CirculationSolver, ExactSolver, solveExactPart } from './exact-plan';
import { greedyPlan } from './greedy-plan';
import { CandidateArcs, householdIndexOf, MatchProblem } from './match-problem';
import { needsCover } from './model';
import { PlanFigures, planFigures } from './plan-figures';
import { MatchReason } from './reasons';
import { scoreMatch } from './score';

export interface PlannedMatch {
  readonly workerId: string;
  readonly householdId: string;
  readonly vacancyId: string;
  readonly score: number;
  readonly reasons: readonly MatchReason[];
}

export interface PlanBounds {
  /** The exact solver's optimum: no plan over the same candidate pairs does better (lexicographically). */
  readonly optimum: PlanFigures;
  /** min(zero-employment households with an eligible worker, openings reachable): a bound needing no solver. */
  readonly householdsCoverableAtMost: number;
  /** min(workers with an eligible vacancy, openings reachable). */
  readonly placeableAtMost: number;
}

export interface MatchPlan {
  readonly matches: readonly PlannedMatch[];
  readonly figures: PlanFigures;
  readonly bounds: PlanBounds;
  /** What ranking pairs by score and taking them would give, for comparison. */
  readonly greedy: PlanFigures;
  readonly parts: number;
  /** Network-simplex pivots, primal-dual phases (or a plugged-in solver's count), summed over the parts. */
  readonly phases: number;
  /** The name of the exact solver that produced the plan (the last part's, when parts differ). */
  readonly solver: string;
}

/**
 * Network simplex: on the province instance it takes about half the CPU of primal-dual (both in one
 * process, alternating: docs/BENCHMARKS.md "Matching", docs/adr/0003-exact-plan-solver.md); it falls back
 * to primal-dual for an instance whose potentials float64 could not hold exactly. Primal-dual stays as the
 * reference; cost scaling (testing/cost-scaling-solver.ts) is a cross-check that tests and the benchmark
 * plug in as a CirculationSolver.
 */
const DEFAULT_SOLVER: ExactSolver = 'network-simplex';

/**
 * The lexicographically best assignment over the candidate pairs: most zero-employment households covered,
 * then most people placed, then the highest total score. Exact; each independent part solved on its own.
 */
export function planMatches(
  problem: MatchProblem,
  arcs: CandidateArcs,
  solver: ExactSolver | CirculationSolver = DEFAULT_SOLVER,
): MatchPlan {
  const householdOf = householdIndexOf(problem);
  const parts = arcComponents(arcs, householdOf, problem.households.length, problem.vacancies.length);
  const chosen: number[] = [];
  let phases = 0;
  let used = typeof solver === 'string' ? solver : solver.name;
  for (const part of parts) {
    const result = solveExactPart(problem, arcs, part, householdOf, solver);
    for (const k of result.chosen) chosen.push(k);
    phases += result.phases;
    used = result.solver;
  }
  chosen.sort((a, b) => a - b);
  const figures = planFigures(problem, arcs, chosen);
  const matches = chosen.map((k): PlannedMatch => {
    const worker = problem.workers[arcs.worker[k]];
    const vacancy = problem.vacancies[arcs.vacancy[k]];
    const explained = scoreMatch(
      worker,
      problem.households[householdOf[arcs.worker[k]]],
      vacancy,
      problem.ctx,
    );
    return {
      workerId: worker.id,
      householdId: worker.householdId,
      vacancyId: vacancy.id,
      score: explained.total,
      reasons: explained.reasons,
    };
  });
  return {
    matches,
    figures,
    bounds: { optimum: figures, ...simpleBounds(problem, arcs, householdOf) },
    greedy: planFigures(problem, arcs, greedyPlan(problem, arcs)),
    parts: parts.length,
    phases,
    solver: used,
  };
}

function simpleBounds(
  problem: MatchProblem,
  arcs: CandidateArcs,
  householdOf: Int32Array,
): Omit<PlanBounds, 'optimum'> {
  const households = new Set<number>();
  const workers = new Set<number>();
  const vacancies = new Set<number>();
  for (let k = 0; k < arcs.length; k++) {
    const h = householdOf[arcs.worker[k]];
    if (needsCover(problem.households[h])) households.add(h);
    workers.add(arcs.worker[k]);
    vacancies.add(arcs.vacancy[k]);
  }
  let openings = 0;
  for (const v of vacancies) openings += problem.vacancies[v].remainingOpenings;
  return {
    householdsCoverableAtMost: Math.min(households.size, openings),
    placeableAtMost: Math.min(workers.size, openings),
  };
}

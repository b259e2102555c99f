import { CandidateArcs, householdIndexOf, MatchProblem } from './match-problem';
import { needsCover } from './model';

/** The three objectives of a plan, in lexicographic order of importance. */
export interface PlanFigures {
  /** Zero-employment households that get at least one member placed. */
  readonly householdsCovered: number;
  readonly placed: number;
  readonly totalScore: number;
}

/** Figures of a plan given as the indexes of the candidate arcs it uses. */
export function planFigures(
  problem: MatchProblem,
  arcs: CandidateArcs,
  chosen: readonly number[],
): PlanFigures {
  const householdOf = householdIndexOf(problem);
  const covered = new Set<number>();
  let totalScore = 0;
  for (const k of chosen) {
    const h = householdOf[arcs.worker[k]];
    if (needsCover(problem.households[h])) covered.add(h);
    totalScore += arcs.score[k];
  }
  return { householdsCovered: covered.size, placed: chosen.length, totalScore };
}

/** Lexicographic comparison: positive when `a` is better. */
export function compareFigures(a: PlanFigures, b: PlanFigures): number {
  return a.householdsCovered - b.householdsCovered || a.placed - b.placed || a.totalScore - b.totalScore;
}

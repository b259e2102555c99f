import { CandidateArcs, MatchProblem } from './match-problem';
import { boundedScore, MAX_SCORE } from './score';

/**
 * The usual practice, kept as the baseline the exact plan is compared with: rank all pairs by score and
 * take each one whose worker is still free and whose vacancy still has an opening. Returns arc indexes.
 */
export function greedyPlan(problem: MatchProblem, arcs: CandidateArcs): number[] {
  // Best score first, ties by arc index: packed into one float64 each so a typed-array sort orders a
  // province's 1.4M pairs without a comparator call per step. Bounding the score keeps a key non-negative,
  // so that the index comes back out of it.
  const order = new Float64Array(arcs.length);
  for (let k = 0; k < arcs.length; k++) order[k] = (MAX_SCORE - boundedScore(arcs.score[k])) * 2 ** 32 + k;
  order.sort();
  const taken = new Uint8Array(problem.workers.length);
  const left = Int32Array.from(problem.vacancies, (v) => v.remainingOpenings);
  const chosen: number[] = [];
  for (const packed of order) {
    const k = packed % 2 ** 32;
    const w = arcs.worker[k];
    const v = arcs.vacancy[k];
    if (taken[w] === 1 || left[v] <= 0) continue;
    taken[w] = 1;
    left[v]--;
    chosen.push(k);
  }
  return chosen;
}

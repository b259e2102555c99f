import { CandidateArcs, MatchProblem } from './match-problem';

/**
 * The usual practice, kept as the baseline the exact plan is compared with: rank all pairs by score and
 * take each one whose worker is still free and whose vacancy still has an opening. Returns arc indexes.
 */
export function greedyPlan(problem: MatchProblem, arcs: CandidateArcs): number[] {
  const order = Array.from({ length: arcs.length }, (_, k) => k);
  order.sort((a, b) => arcs.score[b] - arcs.score[a] || a - b);
  const taken = new Uint8Array(problem.workers.length);
  const left = Int32Array.from(problem.vacancies, (v) => v.remainingOpenings);
  const chosen: number[] = [];
  for (const k of order) {
    const w = arcs.worker[k];
    const v = arcs.vacancy[k];
    if (taken[w] === 1 || left[v] <= 0) continue;
    taken[w] = 1;
    left[v]--;
    chosen.push(k);
  }
  return chosen;
}

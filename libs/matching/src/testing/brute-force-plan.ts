import { CandidateArcs, MatchProblem } from '../match-problem';
import { compareFigures, PlanFigures, planFigures } from '../plan-figures';

/** The lexicographic optimum by trying every assignment: only for a handful of workers. */
export function bruteForceOptimum(problem: MatchProblem, arcs: CandidateArcs): PlanFigures {
  const byWorker = new Map<number, number[]>();
  for (let k = 0; k < arcs.length; k++) {
    const list = byWorker.get(arcs.worker[k]) ?? [];
    list.push(k);
    byWorker.set(arcs.worker[k], list);
  }
  const workers = [...byWorker.keys()];
  const left = problem.vacancies.map((v) => v.remainingOpenings);
  const chosen: number[] = [];
  let best: PlanFigures = { householdsCovered: 0, placed: 0, totalScore: 0 };
  const visit = (i: number): void => {
    if (i === workers.length) {
      const f = planFigures(problem, arcs, chosen);
      if (compareFigures(f, best) > 0) best = f;
      return;
    }
    visit(i + 1);
    for (const k of byWorker.get(workers[i]) ?? []) {
      const v = arcs.vacancy[k];
      if (left[v] <= 0) continue;
      left[v]--;
      chosen.push(k);
      visit(i + 1);
      chosen.pop();
      left[v]++;
    }
  };
  visit(0);
  return best;
}

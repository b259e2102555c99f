import { CandidateArcs, householdIndexOf, MatchProblem } from './match-problem';
import { needsCover } from './model';
import { lexicographicWeights } from './exact-plan';

/**
 * The match plan as a linear programme in CPLEX LP format, to check the exact solver against an LP
 * solver (HiGHS). x<k> = pair k taken, c<h> = zero-employment household h covered. Its constraint matrix
 * is that of the flow network, so a vertex optimum is integral.
 */
export function matchPlanLp(problem: MatchProblem, arcs: CandidateArcs): string {
  const householdOf = householdIndexOf(problem);
  const byWorker = new Map<number, number[]>();
  const byVacancy = new Map<number, number[]>();
  const byHousehold = new Map<number, number[]>();
  for (let k = 0; k < arcs.length; k++) {
    push(byWorker, arcs.worker[k], k);
    push(byVacancy, arcs.vacancy[k], k);
    const h = householdOf[arcs.worker[k]];
    if (needsCover(problem.households[h])) push(byHousehold, h, k);
  }
  let openings = 0;
  for (const v of byVacancy.keys()) openings += problem.vacancies[v].remainingOpenings;
  const w = lexicographicWeights(Math.min(byWorker.size, openings));

  const objective: string[] = [];
  for (let k = 0; k < arcs.length; k++) objective.push(`${w.person + arcs.score[k]} x${k}`);
  for (const h of byHousehold.keys()) objective.push(`${w.coverage} c${h}`);
  const rows: string[] = [];
  for (const [wi, ks] of byWorker) rows.push(` w${wi}: ${sum(ks)} <= 1`);
  for (const [v, ks] of byVacancy)
    rows.push(` v${v}: ${sum(ks)} <= ${problem.vacancies[v].remainingOpenings}`);
  for (const [h, ks] of byHousehold) rows.push(` h${h}: c${h} - ${ks.map((k) => `x${k}`).join(' - ')} <= 0`);
  const bounds: string[] = [];
  for (let k = 0; k < arcs.length; k++) bounds.push(` 0 <= x${k} <= 1`);
  for (const h of byHousehold.keys()) bounds.push(` 0 <= c${h} <= 1`);
  return [
    'Maximize',
    ` obj: ${wrap(objective.join(' + '))}`,
    'Subject To',
    ...rows.map(wrap),
    'Bounds',
    ...bounds,
    'End',
  ].join('\n');
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sum(ks: number[]): string {
  return ks.map((k) => `x${k}`).join(' + ');
}

/** CPLEX LP readers limit line length: break long expressions between terms. */
function wrap(line: string): string {
  return line.replace(/((?:\S+ ){40})/g, '$1\n ');
}

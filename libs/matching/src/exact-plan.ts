import { solveMinCostCirculation } from './cost-scaling';
import { FlowNetwork, FlowNetworkBuilder, flowOn, setArcCapacityAndFlow } from './flow-network';
import { CandidateArcs, MatchProblem } from './match-problem';
import { addMaxFlow } from './max-flow';
import { solveMinCostFlow } from './min-cost-flow';
import { solveNetworkSimplex } from './network-simplex';
import { MAX_SCORE } from './score';

/**
 * Weights that turn the lexicographic objective (a) zero-employment households covered, (b) people
 * placed, (c) total score into one integer cost. With N ≥ the most people any plan can place and every
 * score in 0..MAX_SCORE, the plan maximises  value = B·covered + P·placed + score  with P = B = N·MAX_SCORE + 1.
 *
 * Why that is lexicographic. Let X be a lexicographically best plan.
 * 1. X places the most people possible, M. In the flow network below (without the coverage split), if X
 *    were not a maximum flow there would be an augmenting source→sink path in its residual network. Such a
 *    path leaves the source once, so it raises the inflow of one household and leaves every other node's
 *    throughput unchanged: no household loses coverage, one more person is placed. So among plans of
 *    maximum coverage, one of maximum size has size M.
 * 2. Any plan Y with fewer households covered: value(X) − value(Y) = B·(covX − covY) + P·(M − placedY)
 *    + (scoreX − scoreY) ≥ B + 0 − N·MAX_SCORE > 0, because placedY ≤ M and scoreY ≤ N·MAX_SCORE.
 * 3. Same coverage, fewer placed: the difference is ≥ P − N·MAX_SCORE > 0.
 * 4. Same coverage and placed: the values differ by the score difference.
 * So every maximiser of the value is lexicographically best. B needs not exceed N·P because, by 1, the
 * people term never works against the coverage term — which keeps costs at about 2·N²·MAX_SCORE:
 * 2·10^12 for N = 100,000, far below 2^53, so float64 holds them exactly (checked below).
 */
export function lexicographicWeights(maxPlaceable: number): { coverage: number; person: number } {
  const p = maxPlaceable * MAX_SCORE + 1;
  if (maxPlaceable * (2 * p + MAX_SCORE) * 4 >= Number.MAX_SAFE_INTEGER) {
    throw new Error(`instance too large for exact float64 costs: ${maxPlaceable} placeable`);
  }
  return { coverage: p, person: p };
}

export interface ExactPartResult {
  /** Indexes (into the candidate arcs) of the pairs chosen. */
  readonly chosen: number[];
  /** Primal-dual phases, cost-scaling refines or network-simplex pivots, whichever solver ran. */
  readonly phases: number;
  readonly solver: ExactSolver;
}

export type ExactSolver = 'cost-scaling' | 'network-simplex' | 'primal-dual';

/**
 * The exact plan for one independent part, by min-cost flow on:
 * source → household (a "first member" arc, capacity 1, cost −B, for a zero-employment household, plus
 * an arc at cost 0 for the others) → worker (capacity 1: one job per worker) → vacancy (cost −(P + score))
 * → sink (capacity: remaining openings). Solved by network simplex or cost scaling as a circulation (with
 * a sink → source arc), or by the primal-dual reference solver when asked or when the other solver
 * declines an instance whose magnitudes float64 could not hold exactly.
 */
export function solveExactPart(
  problem: MatchProblem,
  arcs: CandidateArcs,
  partArcs: Int32Array,
  householdOfWorker: Int32Array,
  solver: ExactSolver,
): ExactPartResult {
  if (solver === 'cost-scaling') {
    const part = buildPartNetwork(problem, arcs, partArcs, householdOfWorker, true);
    // The optimum places the most people possible (step 1 of the proof above), so it is a min-cost
    // max-flow: start from a max flow, closed into a circulation by the return arc capped at its value.
    const maxFlow = addMaxFlow(part.net, SOURCE, SINK);
    setArcCapacityAndFlow(part.net, part.returnArc, maxFlow, maxFlow);
    const stats = solveMinCostCirculation(part.net);
    if (stats) return { chosen: chosenPairs(part, partArcs), phases: stats.refines, solver };
  }
  if (solver === 'network-simplex') {
    // The return arc's capacity (one unit per worker) bounds any flow, so the circulation's optimum is
    // the min-cost flow of any value; the solver leaves the network untouched when it declines.
    const part = buildPartNetwork(problem, arcs, partArcs, householdOfWorker, true);
    const stats = solveNetworkSimplex(part.net);
    if (stats) return { chosen: chosenPairs(part, partArcs), phases: stats.pivots, solver };
  }
  const part = buildPartNetwork(problem, arcs, partArcs, householdOfWorker, false);
  const stats = solveMinCostFlow(part.net, SOURCE, SINK);
  return { chosen: chosenPairs(part, partArcs), phases: stats.phases, solver: 'primal-dual' };
}

const SOURCE = 0;
const SINK = 1;

export interface PartNetwork {
  readonly net: FlowNetwork;
  /** Arc number of each pair of the part, in partArcs order. */
  readonly pairArc: Int32Array;
  /** Arc number of sink → source, or -1. */
  readonly returnArc: number;
}

/** The flow network of one part; `returnArc` adds sink → source (cost 0) to make it a circulation. */
export function buildPartNetwork(
  problem: MatchProblem,
  arcs: CandidateArcs,
  partArcs: Int32Array,
  householdOfWorker: Int32Array,
  returnArc: boolean,
): PartNetwork {
  const householdNode = new Map<number, number>();
  const workerNode = new Map<number, number>();
  const vacancyNode = new Map<number, number>();
  const workersOfHousehold = new Map<number, number>();
  const arcsIntoVacancy = new Map<number, number>();
  let next = 2; // SOURCE, SINK
  for (const k of partArcs) {
    const w = arcs.worker[k];
    const v = arcs.vacancy[k];
    if (!workerNode.has(w)) {
      workerNode.set(w, next++);
      const h = householdOfWorker[w];
      workersOfHousehold.set(h, (workersOfHousehold.get(h) ?? 0) + 1);
    }
    if (!vacancyNode.has(v)) vacancyNode.set(v, next++);
    arcsIntoVacancy.set(v, (arcsIntoVacancy.get(v) ?? 0) + 1);
  }
  for (const h of workersOfHousehold.keys()) householdNode.set(h, next++);

  let openings = 0;
  for (const [v, n] of arcsIntoVacancy) openings += Math.min(problem.vacancies[v].remainingOpenings, n);
  const weights = lexicographicWeights(Math.min(workerNode.size, openings));

  const net = new FlowNetworkBuilder(next);
  for (const [h, node] of householdNode) {
    const members = workersOfHousehold.get(h) ?? 0;
    const needsCover = problem.households[h].employed === 0;
    if (needsCover) net.addArc(SOURCE, node, 1, -weights.coverage);
    const rest = needsCover ? members - 1 : members;
    if (rest > 0) net.addArc(SOURCE, node, rest, 0);
  }
  for (const [w, node] of workerNode) net.addArc(householdNode.get(householdOfWorker[w]) ?? -1, node, 1, 0);
  const pairArc = new Int32Array(partArcs.length);
  partArcs.forEach((k, i) => {
    const from = workerNode.get(arcs.worker[k]) ?? -1;
    const to = vacancyNode.get(arcs.vacancy[k]) ?? -1;
    pairArc[i] = net.addArc(from, to, 1, -(weights.person + arcs.score[k]));
  });
  for (const [v, node] of vacancyNode) {
    const cap = Math.min(problem.vacancies[v].remainingOpenings, arcsIntoVacancy.get(v) ?? 0);
    if (cap > 0) net.addArc(node, SINK, cap, 0);
  }
  // At most one unit per worker reaches the sink.
  const returnArcNumber = returnArc ? net.addArc(SINK, SOURCE, workerNode.size, 0) : -1;
  return { net: net.build(), pairArc, returnArc: returnArcNumber };
}

function chosenPairs(part: PartNetwork, partArcs: Int32Array): number[] {
  const chosen: number[] = [];
  partArcs.forEach((k, i) => {
    if (flowOn(part.net, part.pairArc[i]) === 1) chosen.push(k);
  });
  return chosen;
}

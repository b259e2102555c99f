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
 * → sink (capacity: remaining openings); `buildPartNetwork` folds the household layer where it changes
 * nothing. Solved by network simplex or cost scaling as a circulation (with
 * a sink → source arc), or by the primal-dual reference solver when asked or when the other solver
 * declines an instance whose magnitudes float64 could not hold exactly.
 */
export function solveExactPart(
  problem: MatchProblem,
  arcs: CandidateArcs,
  partArcs: Int32Array,
  householdOfWorker: Int32Array,
  solver: ExactSolver,
  pricingCore: PricingCore = DEFAULT_PRICING_CORE,
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
    const tiers = pairTiers(problem, arcs, partArcs, householdOfWorker, pricingCore);
    const part = buildPartNetwork(problem, arcs, partArcs, householdOfWorker, true, tiers);
    const stats = solveNetworkSimplex(part.net, part.pricingTier);
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
  /** Per arc slot, the pricing tier for network simplex (when pair tiers were given). */
  readonly pricingTier?: Uint8Array;
}

/**
 * The flow network of one part; `returnArc` adds sink → source (cost 0) to make it a circulation.
 *
 * Only a zero-employment household with two or more workers in the part gets a node of its own (its
 * "first member" arc carries the coverage weight, a second arc the rest). Any other household's arcs
 * are folded into its workers': a household needing no cover has one arc of capacity = its workers from
 * the source, which never binds, so each worker gets a unit arc from the source instead; a household
 * with one worker has its unit arc in series with the source's, so the two become one (at −B if it needs
 * cover). Same plans, same costs, and on the province a third fewer nodes (1.35× less solver time).
 *
 * With `pairTier` (per pair, in partArcs order) it also returns each arc's pricing tier: a pair its own;
 * a worker's arc in, its best pair's; a household's arcs, its best worker's; the sink's arcs, 0.
 */
export function buildPartNetwork(
  problem: MatchProblem,
  arcs: CandidateArcs,
  partArcs: Int32Array,
  householdOfWorker: Int32Array,
  returnArc: boolean,
  pairTier?: Uint8Array,
): PartNetwork {
  const NONE = -1;
  const workerNode = new Int32Array(problem.workers.length).fill(NONE);
  const vacancyNode = new Int32Array(problem.vacancies.length).fill(NONE);
  const householdNode = new Int32Array(problem.households.length).fill(NONE);
  const workersInPart = new Int32Array(problem.households.length);
  const arcsIntoVacancy = new Int32Array(problem.vacancies.length);
  const workerTier = new Uint8Array(problem.workers.length).fill(255);
  const householdTier = new Uint8Array(problem.households.length).fill(255);
  const workers: number[] = [];
  const vacancies: number[] = [];
  let next = 2; // SOURCE, SINK
  for (let i = 0; i < partArcs.length; i++) {
    const k = partArcs[i];
    const w = arcs.worker[k];
    const v = arcs.vacancy[k];
    if (workerNode[w] === NONE) {
      workerNode[w] = next++;
      workers.push(w);
      workersInPart[householdOfWorker[w]]++;
    }
    if (vacancyNode[v] === NONE) {
      vacancyNode[v] = next++;
      vacancies.push(v);
    }
    arcsIntoVacancy[v]++;
    if (pairTier) workerTier[w] = Math.min(workerTier[w], pairTier[i]);
  }
  const needsCover = (h: number) => problem.households[h].employed === 0;
  const households: number[] = [];
  for (const w of workers) {
    const h = householdOfWorker[w];
    householdTier[h] = Math.min(householdTier[h], workerTier[w]);
    if (householdNode[h] === NONE && needsCover(h) && workersInPart[h] > 1) {
      householdNode[h] = next++;
      households.push(h);
    }
  }

  let openings = 0;
  for (const v of vacancies) openings += Math.min(problem.vacancies[v].remainingOpenings, arcsIntoVacancy[v]);
  const weights = lexicographicWeights(Math.min(workers.length, openings));

  // Arcs: two per household node, one into each worker, the pairs, one per vacancy, the return arc.
  const arcCount = 2 * households.length + workers.length + partArcs.length + vacancies.length + 1;
  const net = new FlowNetworkBuilder(next, arcCount);
  const tierOfArc = new Uint8Array(arcCount);
  const add = (from: number, to: number, capacity: number, cost: number, tier: number): number => {
    const k = net.addArc(from, to, capacity, cost);
    tierOfArc[k] = tier;
    return k;
  };
  for (const h of households) {
    add(SOURCE, householdNode[h], 1, -weights.coverage, householdTier[h]);
    add(SOURCE, householdNode[h], workersInPart[h] - 1, 0, householdTier[h]);
  }
  for (const w of workers) {
    const h = householdOfWorker[w];
    if (householdNode[h] !== NONE) add(householdNode[h], workerNode[w], 1, 0, workerTier[w]);
    else add(SOURCE, workerNode[w], 1, needsCover(h) ? -weights.coverage : 0, workerTier[w]);
  }
  const pairArc = new Int32Array(partArcs.length);
  for (let i = 0; i < partArcs.length; i++) {
    const k = partArcs[i];
    const from = workerNode[arcs.worker[k]];
    const to = vacancyNode[arcs.vacancy[k]];
    pairArc[i] = add(from, to, 1, -(weights.person + arcs.score[k]), pairTier ? pairTier[i] : 0);
  }
  for (const v of vacancies) {
    const cap = Math.min(problem.vacancies[v].remainingOpenings, arcsIntoVacancy[v]);
    if (cap > 0) add(vacancyNode[v], SINK, cap, 0, 0);
  }
  // At most one unit per worker reaches the sink.
  const returnArcNumber = returnArc ? add(SINK, SOURCE, workers.length, 0, 0) : -1;
  const built = net.build();
  let pricingTier: Uint8Array | undefined;
  if (pairTier) {
    pricingTier = new Uint8Array(built.head.length);
    for (let k = 0; k < net.arcCount; k++) pricingTier[built.arcPosition[k]] = tierOfArc[k];
  }
  return { net: built, pairArc, returnArc: returnArcNumber, pricingTier };
}

/** How many pairs per vacancy network simplex prices first: ⌈perOpening · remaining openings⌉ + extra. */
export interface PricingCore {
  readonly perOpening: number;
  readonly extra: number;
}

/** Measured on the province: 8 took less time than 2 or 4; three tiers (1, 4, 16) did no better (ADR 0003). */
const DEFAULT_PRICING_CORE: PricingCore = { perOpening: 8, extra: 5 };

/**
 * Pricing tiers for network simplex: at each vacancy its ⌈8·openings⌉ + 5 most promising pairs (workers
 * of zero-employment households first, then by score) are tier 0, the others tier 1. Only the solver's
 * work depends on this choice, never the plan: it stops only when no pair of either tier prices in. On
 * the province the first tier holds about a third of the arcs, settles the vacancies' prices in about
 * 80 % of the pivots, and the other pairs then mostly price out at once.
 */
export function pairTiers(
  problem: MatchProblem,
  arcs: CandidateArcs,
  partArcs: Int32Array,
  householdOfWorker: Int32Array,
  core: PricingCore = DEFAULT_PRICING_CORE,
): Uint8Array {
  const tier = new Uint8Array(partArcs.length).fill(1);
  // Rank of each pair at its vacancy: needing cover first, then score (0 .. 2·MAX_SCORE + 1).
  const needy = new Uint8Array(problem.workers.length);
  for (let w = 0; w < needy.length; w++) {
    needy[w] = problem.households[householdOfWorker[w]].employed === 0 ? 1 : 0;
  }
  const ranks = 2 * MAX_SCORE + 2;
  const rank = new Uint8Array(partArcs.length);
  // Pair positions grouped by vacancy (counting sort), in position order within a vacancy.
  const first = new Int32Array(problem.vacancies.length + 1);
  for (let i = 0; i < partArcs.length; i++) {
    const k = partArcs[i];
    rank[i] = needy[arcs.worker[k]] * (MAX_SCORE + 1) + Math.min(MAX_SCORE, Math.max(0, arcs.score[k]));
    first[arcs.vacancy[k] + 1]++;
  }
  for (let v = 0; v < problem.vacancies.length; v++) first[v + 1] += first[v];
  const fill = first.slice(0, problem.vacancies.length);
  const grouped = new Int32Array(partArcs.length);
  for (let i = 0; i < partArcs.length; i++) grouped[fill[arcs.vacancy[partArcs[i]]]++] = i;
  // Per vacancy, the best `keep` by rank (ties in position order), by a histogram of the ranks: the
  // threshold rank is the lowest one still needed; of that rank only the first few are taken.
  const histogram = new Int32Array(ranks);
  for (let v = 0; v < problem.vacancies.length; v++) {
    const from = first[v];
    const to = first[v + 1];
    const keep = Math.ceil(core.perOpening * problem.vacancies[v].remainingOpenings) + core.extra;
    if (to - from <= keep) {
      for (let j = from; j < to; j++) tier[grouped[j]] = 0;
      continue;
    }
    histogram.fill(0);
    for (let j = from; j < to; j++) histogram[rank[grouped[j]]]++;
    let threshold = ranks - 1;
    let above = 0; // pairs ranked strictly above the threshold
    while (above + histogram[threshold] < keep) above += histogram[threshold--];
    let atThreshold = keep - above;
    for (let j = from; j < to; j++) {
      const i = grouped[j];
      if (rank[i] > threshold) tier[i] = 0;
      else if (rank[i] === threshold && atThreshold > 0) {
        tier[i] = 0;
        atThreshold--;
      }
    }
  }
  return tier;
}

function chosenPairs(part: PartNetwork, partArcs: Int32Array): number[] {
  const chosen: number[] = [];
  partArcs.forEach((k, i) => {
    if (flowOn(part.net, part.pairArc[i]) === 1) chosen.push(k);
  });
  return chosen;
}

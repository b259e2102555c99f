import { FlowNetwork, FlowNetworkBuilder, flowOn } from './flow-network';
import { CandidateArcs, MatchProblem } from './match-problem';
import { solveMinCostFlow } from './min-cost-flow';
import { solveNetworkSimplex } from './network-simplex';
import { needsCover } from './model';
import { boundedScore, MAX_SCORE } from './score';

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
  /** Network-simplex pivots, primal-dual phases, or what a plugged-in solver counts, whichever ran. */
  readonly phases: number;
  /** The name of the solver that ran: an ExactSolver, or a CirculationSolver's name. */
  readonly solver: string;
}

/** The exact solvers of production: network simplex, and the primal-dual reference it falls back to. */
export type ExactSolver = 'network-simplex' | 'primal-dual';

/**
 * Another exact solver of a part, run on its circulation (the sink → source arc included): the way the
 * cross-checks in testing/ (cost scaling) are plugged in. It solves `part.net` in place and returns what
 * it counts (rounds, refines), or null to decline an instance whose magnitudes float64 could not hold
 * exactly; the part then goes to primal-dual, on a network built anew.
 */
export interface CirculationSolver {
  readonly name: string;
  solve(part: PartNetwork): number | null;
}

/**
 * The exact plan for one independent part, by min-cost flow on:
 * source → household (a "first member" arc, capacity 1, cost −B, for a zero-employment household, plus
 * an arc at cost 0 for the others) → worker (capacity 1: one job per worker) → vacancy (cost −(P + score))
 * → sink (capacity: remaining openings); `buildPartNetwork` folds the household layer where it changes
 * nothing. Solved by network simplex (or a plugged-in CirculationSolver) as a circulation, with a sink →
 * source arc, or by the primal-dual reference solver when asked or when the other solver declines an
 * instance whose magnitudes float64 could not hold exactly.
 */
export function solveExactPart(
  problem: MatchProblem,
  arcs: CandidateArcs,
  partArcs: Int32Array,
  householdOfWorker: Int32Array,
  solver: ExactSolver | CirculationSolver,
  pricingCore: PricingCore = DEFAULT_PRICING_CORE,
): ExactPartResult {
  if (typeof solver === 'object') {
    const part = buildPartNetwork(problem, arcs, partArcs, householdOfWorker, true);
    const phases = solver.solve(part);
    if (phases !== null) return { chosen: chosenPairs(part, partArcs), phases, solver: solver.name };
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

/** The source and the sink of every part's network. */
export const SOURCE = 0;
export const SINK = 1;

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
  // Everything is numbered within the part (a plan may have thousands of small parts: arrays the size of
  // the whole problem, per part, would make that quadratic). Local indexes in order of first appearance.
  const workerIndex = new Map<number, number>();
  const vacancyIndex = new Map<number, number>();
  const householdIndex = new Map<number, number>();
  const workers: number[] = [];
  const vacancies: number[] = [];
  const households: number[] = [];
  const bound = partArcs.length; // more than the workers, vacancies or households of the part
  const workerNode = new Int32Array(bound);
  const vacancyNode = new Int32Array(bound);
  const arcsIntoVacancy = new Int32Array(bound);
  const workerTier = new Uint8Array(bound).fill(255);
  const workerHousehold = new Int32Array(bound);
  const workersInHousehold = new Int32Array(bound);
  const householdTier = new Uint8Array(bound).fill(255);
  const pairWorker = new Int32Array(bound);
  const pairVacancy = new Int32Array(bound);
  let next = 2; // SOURCE, SINK
  for (let i = 0; i < partArcs.length; i++) {
    const k = partArcs[i];
    const w = arcs.worker[k];
    const v = arcs.vacancy[k];
    const seenWorkers = workers.length;
    const wi = localIndex(workerIndex, workers, w);
    if (wi === seenWorkers) {
      workerNode[wi] = next++;
      const hi = localIndex(householdIndex, households, householdOfWorker[w]);
      workerHousehold[wi] = hi;
      workersInHousehold[hi]++;
    }
    const seenVacancies = vacancies.length;
    const vi = localIndex(vacancyIndex, vacancies, v);
    if (vi === seenVacancies) vacancyNode[vi] = next++;
    arcsIntoVacancy[vi]++;
    pairWorker[i] = wi;
    pairVacancy[i] = vi;
    if (pairTier) workerTier[wi] = Math.min(workerTier[wi], pairTier[i]);
  }
  const householdNeedsCover = (hi: number) => needsCover(problem.households[households[hi]]);
  // Household nodes only where folding would change the plan (see above).
  const householdNode = new Int32Array(households.length).fill(-1);
  const withNode: number[] = [];
  for (let hi = 0; hi < households.length; hi++) {
    if (householdNeedsCover(hi) && workersInHousehold[hi] > 1) {
      householdNode[hi] = next++;
      withNode.push(hi);
    }
  }
  if (pairTier) {
    for (let wi = 0; wi < workers.length; wi++) {
      const hi = workerHousehold[wi];
      householdTier[hi] = Math.min(householdTier[hi], workerTier[wi]);
    }
  }

  const remaining = (vi: number) =>
    Math.min(problem.vacancies[vacancies[vi]].remainingOpenings, arcsIntoVacancy[vi]);
  let openings = 0;
  for (let vi = 0; vi < vacancies.length; vi++) openings += remaining(vi);
  const weights = lexicographicWeights(Math.min(workers.length, openings));

  // Arcs: two per household node, one into each worker, the pairs, one per vacancy, the return arc.
  const arcCount = 2 * withNode.length + workers.length + partArcs.length + vacancies.length + 1;
  const net = new FlowNetworkBuilder(next, arcCount);
  // Tiers only for network simplex's pricing (the other solvers pass no pair tiers).
  const tierOfArc = pairTier ? new Uint8Array(arcCount) : undefined;
  const add = (from: number, to: number, capacity: number, cost: number, tier: number): number => {
    const k = net.addArc(from, to, capacity, cost);
    if (tierOfArc) tierOfArc[k] = tier;
    return k;
  };
  for (const hi of withNode) {
    add(SOURCE, householdNode[hi], 1, -weights.coverage, householdTier[hi]);
    add(SOURCE, householdNode[hi], workersInHousehold[hi] - 1, 0, householdTier[hi]);
  }
  for (let wi = 0; wi < workers.length; wi++) {
    const hi = workerHousehold[wi];
    if (householdNode[hi] >= 0) add(householdNode[hi], workerNode[wi], 1, 0, workerTier[wi]);
    else add(SOURCE, workerNode[wi], 1, householdNeedsCover(hi) ? -weights.coverage : 0, workerTier[wi]);
  }
  const pairArc = new Int32Array(partArcs.length);
  for (let i = 0; i < partArcs.length; i++) {
    const cost = -(weights.person + arcs.score[partArcs[i]]);
    const tier = pairTier ? pairTier[i] : 0;
    pairArc[i] = add(workerNode[pairWorker[i]], vacancyNode[pairVacancy[i]], 1, cost, tier);
  }
  for (let vi = 0; vi < vacancies.length; vi++) {
    if (remaining(vi) > 0) add(vacancyNode[vi], SINK, remaining(vi), 0, 0);
  }
  // At most one unit per worker reaches the sink.
  const returnArcNumber = returnArc ? add(SINK, SOURCE, workers.length, 0, 0) : -1;
  const built = net.build();
  let pricingTier: Uint8Array | undefined;
  if (tierOfArc) {
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
  const size = partArcs.length;
  const tier = new Uint8Array(size).fill(1);
  // Rank of each pair at its vacancy: needing cover first, then score (0 .. 2·MAX_SCORE + 1). Vacancies
  // are numbered within the part, in order of first appearance (sized by the part, not the problem).
  const ranks = 2 * MAX_SCORE + 2;
  const rank = new Uint8Array(size);
  const vacancyIndex = new Map<number, number>();
  const vacancies: number[] = [];
  const localVacancy = new Int32Array(size);
  const first = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) {
    const k = partArcs[i];
    const needy = needsCover(problem.households[householdOfWorker[arcs.worker[k]]]) ? 1 : 0;
    rank[i] = needy * (MAX_SCORE + 1) + boundedScore(arcs.score[k]);
    const vi = localIndex(vacancyIndex, vacancies, arcs.vacancy[k]);
    localVacancy[i] = vi;
    first[vi + 1]++;
  }
  // Pair positions grouped by vacancy (counting sort), in position order within a vacancy.
  for (let vi = 0; vi < vacancies.length; vi++) first[vi + 1] += first[vi];
  const fill = first.slice(0, vacancies.length);
  const grouped = new Int32Array(size);
  for (let i = 0; i < size; i++) grouped[fill[localVacancy[i]]++] = i;
  // Per vacancy, the best `keep` by rank (ties in position order), by a histogram of the ranks: the
  // threshold rank is the lowest one still needed; of that rank only the first few are taken.
  const histogram = new Int32Array(ranks);
  for (let vi = 0; vi < vacancies.length; vi++) {
    const from = first[vi];
    const to = first[vi + 1];
    const keep = Math.ceil(core.perOpening * problem.vacancies[vacancies[vi]].remainingOpenings) + core.extra;
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

/** The index of `value` among the part's `list` (order of first appearance), added if new. */
function localIndex(index: Map<number, number>, list: number[], value: number): number {
  let local = index.get(value);
  if (local === undefined) {
    local = list.length;
    index.set(value, local);
    list.push(value);
  }
  return local;
}

function chosenPairs(part: PartNetwork, partArcs: Int32Array): number[] {
  const chosen: number[] = [];
  partArcs.forEach((k, i) => {
    if (flowOn(part.net, part.pairArc[i]) === 1) chosen.push(k);
  });
  return chosen;
}

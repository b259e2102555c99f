import { FlowNetwork } from '../flow-network';
import { MonotoneQueue } from '../monotone-queue';

export interface CirculationStats {
  /** Sum of flow × cost over all arcs: the minimum over every feasible circulation. */
  readonly cost: number;
  /** ε-scaling rounds (one refine each). */
  readonly refines: number;
  readonly relabels: number;
  readonly priceUpdates: number;
}

/**
 * Exactness bounds. Costs are multiplied by K = n + 1 so that ε = 1 on scaled costs means ε < 1/n on the
 * real ones, which makes an ε-optimal integer circulation optimal (Goldberg & Tarjan). Every quantity
 * the solver forms is c·K + p(u) − p(v) or p(v) − c·K − ε: with |c·K| ≤ 2^50 (checked before solving)
 * and every price in [−2^51, 0] (checked at each price change; prices start at 0 and only fall), each
 * is below 2^50 + 2^52 < 2^53 in magnitude, so float64 holds it exactly and comparisons are exact.
 * Past either bound the solver gives up (returns null) and the caller uses the primal-dual solver.
 */
const MAX_SCALED_COST = 2 ** 50;
const MIN_PRICE = -(2 ** 51);
/** ε shrinks by this factor per round: larger means fewer rounds but more work in each. */
const ALPHA = 16;
/** Global price updates follow ranks up to this (within MonotoneQueue's bucket window). */
const MAX_RANK = 1000;

/**
 * Minimum-cost circulation by Goldberg's cost-scaling push-relabel (the method of CS2 and OR-Tools):
 * ε-scaling rounds, each a refine that saturates the arcs of negative reduced cost, then discharges
 * nodes with excess in FIFO order, pushing on admissible arcs (residual, reduced cost < 0) and
 * relabelling a node when it has none. Heuristics: push look-ahead (a node with no admissible arc and no
 * deficit is relabelled instead of receiving flow it would return) and global price updates (distances
 * to the deficits in units of ε, by a bucket-queue Dijkstra over reversed residual arcs).
 * Starts from the flow already in the network and keeps every node's net outflow: give it a
 * circulation (for a flow of any value from s to t, add an arc t → s of cost 0 and capacity ≥ the
 * largest flow), or a flow whose value is to be kept. Measured slower than primal-dual on the province
 * instance (docs/adr/0003-exact-plan-solver.md); kept as the exact cross-check.
 * Returns null when the costs or prices could leave the range float64 holds exactly (see above); the
 * residual capacities are then left mid-solve, so the caller rebuilds the network.
 */
export function solveMinCostCirculation(net: FlowNetwork): CirculationStats | null {
  const n = net.nodeCount;
  const scale = n + 1;
  let maxCost = 0;
  for (let a = 0; a < net.cost.length; a++) maxCost = Math.max(maxCost, Math.abs(net.cost[a]));
  if (maxCost * scale > MAX_SCALED_COST) return null;
  const state = new RefineState(net, scale);
  let epsilon = maxCost * scale;
  let refines = 0;
  while (epsilon > 1) {
    epsilon = Math.max(1, Math.floor(epsilon / ALPHA));
    refines++;
    if (!state.refine(epsilon)) return null;
  }
  let cost = 0;
  for (let a = 0; a < net.head.length; a++) {
    if (net.capacity[a] > 0) cost += (net.capacity[a] - net.residual[a]) * net.cost[a];
  }
  return { cost, refines, relabels: state.relabels, priceUpdates: state.priceUpdates };
}

class RefineState {
  readonly price: Float64Array;
  readonly excess: Float64Array;
  /** Arcs of v before current[v] are not admissible (prices only fall, so they stay so until v is relabelled). */
  readonly current: Int32Array;
  /** Nodes with excess, first in first out (fewer relabels than a stack on the plan instances). */
  private readonly active: Int32Array;
  private activeHead = 0;
  private activeCount = 0;
  private readonly queue: MonotoneQueue;
  private readonly rank: Float64Array;
  private readonly settled: Uint8Array;
  relabels = 0;
  priceUpdates = 0;
  private relabelsSinceUpdate = 0;

  constructor(
    private readonly net: FlowNetwork,
    private readonly scale: number,
  ) {
    const n = net.nodeCount;
    this.price = new Float64Array(n);
    this.excess = new Float64Array(n);
    this.current = new Int32Array(n);
    this.active = new Int32Array(n);
    this.rank = new Float64Array(n);
    this.settled = new Uint8Array(n);
    this.queue = new MonotoneQueue(n + 1024);
  }

  /** Turns a 0-optimal circulation into an ε-optimal one; false if a price left the exact range. */
  refine(epsilon: number): boolean {
    const { firstOut, head, residual, reverse, cost } = this.net;
    const { price, excess, scale } = this;
    const n = this.net.nodeCount;
    for (let u = 0; u < n; u++) {
      const pu = price[u];
      for (let a = firstOut[u], end = firstOut[u + 1]; a < end; a++) {
        const r = residual[a];
        if (r > 0 && cost[a] * scale + pu - price[head[a]] < 0) {
          residual[a] = 0;
          residual[reverse[a]] += r;
          excess[u] -= r;
          excess[head[a]] += r;
        }
      }
    }
    this.current.set(firstOut.subarray(0, n));
    this.activeHead = 0;
    this.activeCount = 0;
    for (let u = 0; u < n; u++) if (excess[u] > 0) this.activate(u);
    if (this.activeCount === 0) return true;
    if (!this.updatePrices(epsilon)) return false;
    while (this.activeCount > 0) {
      const u = this.active[this.activeHead];
      this.activeHead = this.activeHead + 1 === n ? 0 : this.activeHead + 1;
      this.activeCount--;
      if (!this.discharge(u, epsilon)) return false;
      if (this.relabelsSinceUpdate > n) {
        if (!this.updatePrices(epsilon)) return false;
      }
    }
    return true;
  }

  /** A node joins when its excess turns positive and leaves only once discharged: at most n queued. */
  private activate(v: number): void {
    const n = this.active.length;
    const at = this.activeHead + this.activeCount;
    this.active[at >= n ? at - n : at] = v;
    this.activeCount++;
  }

  private discharge(u: number, epsilon: number): boolean {
    const { firstOut, head, residual, reverse, cost } = this.net;
    const { price, excess, current, scale } = this;
    const end = firstOut[u + 1];
    while (excess[u] > 0) {
      let a = current[u];
      for (; a < end; a++) {
        if (residual[a] <= 0) continue;
        const v = head[a];
        if (cost[a] * scale + price[u] - price[v] >= 0) continue;
        if (excess[v] >= 0 && !this.hasAdmissibleArc(v)) {
          // Look-ahead: v would only push the flow back. Relabel it now; the arc may stay admissible.
          if (!this.relabel(v, epsilon)) return false;
          if (cost[a] * scale + price[u] - price[v] >= 0) continue;
        }
        const delta = Math.min(excess[u], residual[a]);
        residual[a] -= delta;
        residual[reverse[a]] += delta;
        excess[u] -= delta;
        if (excess[v] <= 0 && excess[v] + delta > 0) this.activate(v);
        excess[v] += delta;
        if (excess[u] === 0) break;
      }
      current[u] = a;
      if (excess[u] > 0 && !this.relabel(u, epsilon)) return false;
    }
    return true;
  }

  /** Moves current[v] to v's first admissible arc, if it has one. */
  private hasAdmissibleArc(v: number): boolean {
    const { firstOut, head, residual, cost } = this.net;
    const { price, current, scale } = this;
    const pv = price[v];
    for (let a = current[v], end = firstOut[v + 1]; a < end; a++) {
      if (residual[a] > 0 && cost[a] * scale + pv - price[head[a]] < 0) {
        current[v] = a;
        return true;
      }
    }
    current[v] = firstOut[v + 1];
    return false;
  }

  /**
   * Lowers p(v) so that v has an admissible arc and ε-optimality holds: by ε if that is enough (stopping
   * at the first arc it makes admissible, as OR-Tools does: most relabels then read a few arcs), else to
   * max over residual arcs (p(w) − c·K) − ε, the highest such price.
   */
  private relabel(v: number, epsilon: number): boolean {
    const { firstOut, head, residual, cost } = this.net;
    const { price, scale } = this;
    this.relabels++;
    this.relabelsSinceUpdate++;
    const lowered = price[v] - epsilon;
    let best = -Infinity;
    for (let a = firstOut[v], end = firstOut[v + 1]; a < end; a++) {
      if (residual[a] <= 0) continue;
      const value = price[head[a]] - cost[a] * scale;
      if (value > lowered) {
        price[v] = lowered;
        this.current[v] = a;
        return lowered >= MIN_PRICE;
      }
      if (value > best) best = value;
    }
    this.current[v] = firstOut[v];
    // No residual arc at all: v holds no excess and no arc needs its price to change.
    if (best === -Infinity) return true;
    price[v] = best - epsilon;
    return price[v] >= MIN_PRICE;
  }

  /**
   * Global price update: rank(v) = shortest distance from v to a deficit node over residual arcs of
   * length floor(reduced cost / ε) + 1 (0 for admissible arcs), then p(v) −= rank(v)·ε. Keeps
   * ε-optimality (rank(u) ≤ rank(v) + length(u, v)) and makes every excess flow down admissible paths.
   * Stops once every node with excess is ranked; the rest get the last rank reached, a lower bound on
   * their distance, which keeps the inequality. Ranks above MAX_RANK are not followed (those nodes
   * too get the last rank reached, still a lower bound): the queue then never leaves its buckets.
   */
  private updatePrices(epsilon: number): boolean {
    const { firstOut, head, residual, pairCapacity, cost } = this.net;
    const { price, excess, rank, settled, queue, scale } = this;
    const n = this.net.nodeCount;
    this.priceUpdates++;
    this.relabelsSinceUpdate = 0;
    rank.fill(Infinity);
    settled.fill(0);
    queue.clear();
    let activeLeft = 0;
    for (let v = 0; v < n; v++) {
      if (excess[v] < 0) {
        rank[v] = 0;
        queue.push(v, 0);
      } else if (excess[v] > 0) activeLeft++;
    }
    let reached = 0;
    while (activeLeft > 0) {
      const v = queue.popEntry();
      if (v < 0) break;
      const rv = queue.key;
      if (settled[v] === 1 || rank[v] !== rv) continue;
      settled[v] = 1;
      reached = rv;
      if (excess[v] > 0) activeLeft--;
      const pv = price[v];
      // Arc b is v → u; the arc into v is its partner u → v, read through b's own slots (sequential
      // memory): residual(u → v) = pairCapacity[b] − residual[b], cost(u → v) = −cost[b].
      for (let b = firstOut[v], end = firstOut[v + 1]; b < end; b++) {
        const u = head[b];
        if (settled[u] === 1 || pairCapacity[b] - residual[b] <= 0) continue;
        const reduced = -cost[b] * scale + price[u] - pv;
        const length = reduced < 0 ? 0 : Math.floor(reduced / epsilon) + 1;
        const ru = rv + length;
        if (ru < rank[u] && ru <= MAX_RANK) {
          rank[u] = ru;
          queue.push(u, ru);
        }
      }
    }
    for (let v = 0; v < n; v++) {
      const r = settled[v] === 1 ? rank[v] : reached;
      if (r > 0) {
        price[v] -= r * epsilon;
        if (price[v] < MIN_PRICE) return false;
      }
    }
    this.current.set(firstOut.subarray(0, n));
    return true;
  }
}

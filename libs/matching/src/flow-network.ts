/**
 * A directed network in compressed sparse row form on typed arrays: a province instance has about a
 * million arcs, which as objects would cost far more memory and time. Arcs are stored in the order of
 * their tail node, forward and residual arcs alike, so scanning a node's arcs reads memory in sequence
 * (scattered arc arrays made the solver ten times slower from cache misses alone).
 */
export interface FlowNetwork {
  readonly nodeCount: number;
  /** Out-arcs (forward and residual) of node v are firstOut[v] .. firstOut[v+1] - 1. */
  readonly firstOut: Int32Array;
  readonly head: Int32Array;
  /** The partner arc: the residual arc of a forward arc and the other way round. */
  readonly reverse: Int32Array;
  readonly capacity: Int32Array;
  /** capacity[a] + capacity[reverse[a]]: residual[reverse[a]] = pairCapacity[a] - residual[a], read in sequence. */
  readonly pairCapacity: Int32Array;
  /** Residual capacity, changed by the solver. */
  readonly residual: Int32Array;
  /** Integer costs kept in float64: exact below 2^53. Residual arcs carry the negated cost. */
  readonly cost: Float64Array;
  /** Position of the k-th arc added to the builder. */
  readonly arcPosition: Int32Array;
}

export class FlowNetworkBuilder {
  // Typed arrays grown by doubling: a province network has about 1.7M arcs, and plain number arrays of
  // that size cost more to fill and read back than the network's own construction.
  private tails: Int32Array;
  private heads: Int32Array;
  private caps: Int32Array;
  private costs: Float64Array;
  private count = 0;

  /** `expectedArcs`: room reserved up front (it grows past it if needed). */
  constructor(
    readonly nodeCount: number,
    expectedArcs = 16,
  ) {
    const room = Math.max(16, expectedArcs);
    this.tails = new Int32Array(room);
    this.heads = new Int32Array(room);
    this.caps = new Int32Array(room);
    this.costs = new Float64Array(room);
  }

  /** Returns the arc's number, for flowOn once solved. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (!Number.isSafeInteger(cost)) throw new Error(`arc cost must be a safe integer, got ${cost}`);
    if (this.count === this.tails.length) this.grow();
    const k = this.count++;
    this.tails[k] = from;
    this.heads[k] = to;
    this.caps[k] = capacity;
    this.costs[k] = cost;
    return k;
  }

  get arcCount(): number {
    return this.count;
  }

  private grow(): void {
    const room = this.tails.length * 2;
    const grown = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(room);
      b.set(a);
      return b;
    };
    this.tails = grown(this.tails, (n) => new Int32Array(n));
    this.heads = grown(this.heads, (n) => new Int32Array(n));
    this.caps = grown(this.caps, (n) => new Int32Array(n));
    this.costs = grown(this.costs, (n) => new Float64Array(n));
  }

  build(): FlowNetwork {
    const m = this.count;
    const n = this.nodeCount;
    const firstOut = new Int32Array(n + 1);
    for (let k = 0; k < m; k++) {
      firstOut[this.tails[k] + 1]++;
      firstOut[this.heads[k] + 1]++;
    }
    for (let v = 0; v < n; v++) firstOut[v + 1] += firstOut[v];
    const fill = firstOut.slice(0, n);
    const head = new Int32Array(2 * m);
    const reverse = new Int32Array(2 * m);
    const capacity = new Int32Array(2 * m);
    const cost = new Float64Array(2 * m);
    const arcPosition = new Int32Array(m);
    for (let k = 0; k < m; k++) {
      const from = this.tails[k];
      const to = this.heads[k];
      const a = fill[from]++;
      const b = fill[to]++;
      head[a] = to;
      head[b] = from;
      reverse[a] = b;
      reverse[b] = a;
      capacity[a] = this.caps[k];
      cost[a] = this.costs[k];
      cost[b] = -this.costs[k];
      arcPosition[k] = a;
    }
    const pairCapacity = new Int32Array(2 * m);
    for (let a = 0; a < 2 * m; a++) pairCapacity[a] = capacity[a] + capacity[reverse[a]];
    return {
      nodeCount: n,
      firstOut,
      head,
      reverse,
      capacity,
      pairCapacity,
      residual: capacity.slice(),
      cost,
      arcPosition,
    };
  }
}

/** Flow on the k-th arc added. */
export function flowOn(net: FlowNetwork, arc: number): number {
  const a = net.arcPosition[arc];
  return net.capacity[a] - net.residual[a];
}

/**
 * Sets the capacity of the k-th arc added and the flow on it (0 ≤ flow ≤ capacity), keeping the partner
 * slots consistent: for a return arc whose capacity is known only after a max-flow pass.
 */
export function setArcCapacityAndFlow(net: FlowNetwork, arc: number, capacity: number, flow: number): void {
  if (flow < 0 || flow > capacity) throw new Error(`flow ${flow} outside 0..${capacity}`);
  const a = net.arcPosition[arc];
  const b = net.reverse[a];
  net.capacity[a] = capacity;
  net.pairCapacity[a] = capacity + net.capacity[b];
  net.pairCapacity[b] = net.pairCapacity[a];
  net.residual[a] = capacity - flow;
  net.residual[b] = net.capacity[b] + flow;
}

/**
 * Sends the bottleneck of the path `pathArcs[0 .. depth - 1]` along it (the augmenting step of Dinic's
 * blocking flow, shared by the max flow and the primal-dual solver). Returns the units sent and the index
 * of the path's first saturated arc, from whose tail the search resumes.
 */
export function augmentPath(
  net: FlowNetwork,
  pathArcs: Int32Array,
  depth: number,
): { readonly sent: number; readonly firstSaturated: number } {
  const { residual, reverse } = net;
  let sent = Infinity;
  for (let k = 0; k < depth; k++) sent = Math.min(sent, residual[pathArcs[k]]);
  let firstSaturated = -1;
  for (let k = 0; k < depth; k++) {
    const a = pathArcs[k];
    residual[a] -= sent;
    residual[reverse[a]] += sent;
    if (firstSaturated < 0 && residual[a] === 0) firstSaturated = k;
  }
  return { sent, firstSaturated };
}

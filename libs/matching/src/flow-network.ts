/**
 * A directed network in compressed sparse row form on typed arrays: a province instance has about a
 * million arcs, which as objects would cost far more memory and time.
 * Arc 2k is the k-th arc added, arc 2k+1 its reverse (residual) arc: `a ^ 1` is the partner of `a`.
 */
export interface FlowNetwork {
  readonly nodeCount: number;
  readonly tail: Int32Array;
  readonly head: Int32Array;
  readonly capacity: Int32Array;
  /** Residual capacity, changed by the solver. */
  readonly residual: Int32Array;
  /** Integer costs kept in float64: exact below 2^53. Reverse arcs carry the negated cost. */
  readonly cost: Float64Array;
  /** Out-arcs (forward and residual) of node v are outArcs[firstOut[v] .. firstOut[v+1]). */
  readonly firstOut: Int32Array;
  readonly outArcs: Int32Array;
}

export class FlowNetworkBuilder {
  private tails: number[] = [];
  private heads: number[] = [];
  private caps: number[] = [];
  private costs: number[] = [];

  constructor(readonly nodeCount: number) {}

  /** Returns the index of the forward arc in the built network. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (!Number.isSafeInteger(cost)) throw new Error(`arc cost must be a safe integer, got ${cost}`);
    this.tails.push(from);
    this.heads.push(to);
    this.caps.push(capacity);
    this.costs.push(cost);
    return 2 * (this.tails.length - 1);
  }

  get arcCount(): number {
    return this.tails.length;
  }

  build(): FlowNetwork {
    const m = this.tails.length;
    const n = this.nodeCount;
    const tail = new Int32Array(2 * m);
    const head = new Int32Array(2 * m);
    const capacity = new Int32Array(2 * m);
    const cost = new Float64Array(2 * m);
    const degree = new Int32Array(n + 1);
    for (let k = 0; k < m; k++) {
      const a = 2 * k;
      tail[a] = head[a + 1] = this.tails[k];
      head[a] = tail[a + 1] = this.heads[k];
      capacity[a] = this.caps[k];
      cost[a] = this.costs[k];
      cost[a + 1] = -this.costs[k];
      degree[this.tails[k] + 1]++;
      degree[this.heads[k] + 1]++;
    }
    const firstOut = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) firstOut[v + 1] = firstOut[v] + degree[v + 1];
    const fill = firstOut.slice(0, n);
    const outArcs = new Int32Array(2 * m);
    for (let a = 0; a < 2 * m; a++) outArcs[fill[tail[a]]++] = a;
    return { nodeCount: n, tail, head, capacity, residual: capacity.slice(), cost, firstOut, outArcs };
  }
}

export function flowOn(net: FlowNetwork, forwardArc: number): number {
  return net.capacity[forwardArc] - net.residual[forwardArc];
}

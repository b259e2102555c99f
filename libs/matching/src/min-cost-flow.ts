import { FlowNetwork } from './flow-network';

export interface MinCostFlowStats {
  /** Units sent from source to sink. */
  readonly flow: number;
  /** Sum of flow × cost over all arcs: the minimum over every flow value. */
  readonly cost: number;
  /** Shortest-path computations (one per phase). */
  readonly phases: number;
}

/**
 * Minimum-cost flow of any value from `source` to `sink` (flow is sent only while it lowers the cost),
 * by the primal-dual method: Dijkstra on reduced costs gives the shortest augmenting distance, then a
 * Dinic blocking-flow loop saturates every shortest path at once (the admissible arcs, reduced cost 0)
 * before the next Dijkstra. Augmenting one unit per Dijkstra would mean ~100,000 Dijkstras on a province.
 *
 * Exact: costs are integers (float64, |values| < 2^53), so "reduced cost === 0" is an exact test.
 * Requires the arcs with capacity to form no negative cycle; initial potentials come from Bellman-Ford
 * in topological order, so the network must be acyclic (ours is: source → households → workers →
 * vacancies → sink).
 */
export function solveMinCostFlow(net: FlowNetwork, source: number, sink: number): MinCostFlowStats {
  const n = net.nodeCount;
  const pot = acyclicPotentials(net);
  const dist = new Float64Array(n);
  const done = new Uint8Array(n);
  const heap = new IndexedMinHeap(n, dist);
  const level = new Int32Array(n);
  const iter = new Int32Array(n);
  const queue = new Int32Array(n);
  const pathArcs = new Int32Array(n);
  let flow = 0;
  let phases = 0;

  for (;;) {
    phases++;
    if (!shortestDistances(net, pot, source, sink, dist, done, heap)) break;
    const pathCost = dist[sink] + pot[sink] - pot[source];
    if (pathCost >= 0) break;
    const dSink = dist[sink];
    for (let v = 0; v < n; v++) pot[v] += dist[v] < dSink ? dist[v] : dSink;
    for (;;) {
      if (!admissibleLevels(net, pot, done, source, sink, level, queue)) break;
      flow += blockingFlow(net, pot, source, sink, level, iter, pathArcs);
    }
  }

  let cost = 0;
  for (let a = 0; a < net.head.length; a++) cost += (net.capacity[a] - net.residual[a]) * net.cost[a];
  return { flow, cost, phases };
}

/** Shortest distances from a virtual root joined to every node at cost 0, valid as potentials. */
function acyclicPotentials(net: FlowNetwork): Float64Array {
  const n = net.nodeCount;
  const indegree = new Int32Array(n);
  for (let a = 0; a < net.head.length; a++) if (net.residual[a] > 0) indegree[net.head[a]]++;
  const order = new Int32Array(n);
  let tailIx = 0;
  for (let v = 0; v < n; v++) if (indegree[v] === 0) order[tailIx++] = v;
  const pot = new Float64Array(n);
  for (let headIx = 0; headIx < tailIx; headIx++) {
    const u = order[headIx];
    for (let a = net.firstOut[u]; a < net.firstOut[u + 1]; a++) {
      if (net.residual[a] <= 0) continue;
      const v = net.head[a];
      if (pot[u] + net.cost[a] < pot[v]) pot[v] = pot[u] + net.cost[a];
      if (--indegree[v] === 0) order[tailIx++] = v;
    }
  }
  if (tailIx !== n)
    throw new Error('solveMinCostFlow: the network has a cycle; initial potentials need a DAG');
  return pot;
}

/**
 * Dijkstra on reduced costs, stopped once the sink and every node as near as the sink are settled; nodes
 * not settled get the sink's distance (min(d, d_sink) keeps every residual reduced cost non-negative).
 * False if the sink is unreachable.
 */
function shortestDistances(
  net: FlowNetwork,
  pot: Float64Array,
  source: number,
  sink: number,
  dist: Float64Array,
  done: Uint8Array,
  heap: IndexedMinHeap,
): boolean {
  const { firstOut, head, residual, cost } = net;
  dist.fill(Infinity);
  done.fill(0);
  heap.clear();
  dist[source] = 0;
  heap.push(source);
  while (heap.size > 0) {
    if (done[sink] === 1 && dist[heap.top()] > dist[sink]) return true;
    const u = heap.pop();
    done[u] = 1;
    const du = dist[u];
    const base = du + pot[u];
    for (let a = firstOut[u], end = firstOut[u + 1]; a < end; a++) {
      if (residual[a] <= 0) continue;
      const v = head[a];
      if (done[v] === 1) continue;
      const dv = base + cost[a] - pot[v];
      if (dv < dist[v]) {
        const wasInfinite = dist[v] === Infinity;
        dist[v] = dv;
        if (wasInfinite) heap.push(v);
        else heap.decrease(v);
      }
    }
  }
  return done[sink] === 1;
}

/**
 * BFS levels over admissible arcs (residual > 0, reduced cost 0) among the nodes Dijkstra settled, stopped
 * at the sink's level. Other nodes could only lie on shortest paths through ties with the sink's
 * distance; leaving them out keeps a phase's work near the settled region and costs at most another
 * phase at the same distance. False if the sink is not reached.
 */
function admissibleLevels(
  net: FlowNetwork,
  pot: Float64Array,
  settled: Uint8Array,
  source: number,
  sink: number,
  level: Int32Array,
  queue: Int32Array,
): boolean {
  const { firstOut, head, residual, cost } = net;
  level.fill(-1);
  level[source] = 0;
  queue[0] = source;
  let qTail = 1;
  for (let qHead = 0; qHead < qTail; qHead++) {
    const u = queue[qHead];
    const lu = level[u];
    if (level[sink] >= 0 && lu >= level[sink]) break;
    const pu = pot[u];
    for (let a = firstOut[u], end = firstOut[u + 1]; a < end; a++) {
      if (residual[a] <= 0) continue;
      const v = head[a];
      if (level[v] >= 0 || settled[v] !== 1 || cost[a] + pu !== pot[v]) continue;
      level[v] = lu + 1;
      queue[qTail++] = v;
    }
  }
  return level[sink] >= 0;
}

/** Dinic's blocking flow on the level graph, iterative (paths can be thousands of arcs long). */
function blockingFlow(
  net: FlowNetwork,
  pot: Float64Array,
  source: number,
  sink: number,
  level: Int32Array,
  iter: Int32Array,
  pathArcs: Int32Array,
): number {
  const { firstOut, head, residual, cost, reverse } = net;
  for (let v = 0; v < net.nodeCount; v++) iter[v] = firstOut[v];
  const sinkLevel = level[sink];
  let pushed = 0;
  let depth = 0;
  let u = source;
  for (;;) {
    if (u === sink) {
      let bottleneck = Infinity;
      for (let k = 0; k < depth; k++) bottleneck = Math.min(bottleneck, residual[pathArcs[k]]);
      let firstSaturated = -1;
      for (let k = 0; k < depth; k++) {
        const a = pathArcs[k];
        residual[a] -= bottleneck;
        residual[reverse[a]] += bottleneck;
        if (firstSaturated < 0 && residual[a] === 0) firstSaturated = k;
      }
      pushed += bottleneck;
      depth = firstSaturated;
      u = head[reverse[pathArcs[depth]]];
      continue;
    }
    let advanced = false;
    const end = firstOut[u + 1];
    const nextLevel = level[u] + 1;
    const pu = pot[u];
    while (nextLevel <= sinkLevel && iter[u] < end) {
      const a = iter[u];
      const v = head[a];
      if (
        residual[a] > 0 &&
        level[v] === nextLevel &&
        (v === sink || nextLevel < sinkLevel) &&
        cost[a] + pu === pot[v]
      ) {
        pathArcs[depth++] = a;
        u = v;
        advanced = true;
        break;
      }
      iter[u]++;
    }
    if (advanced) continue;
    if (u === source) return pushed;
    level[u] = -1; // dead end for the rest of this blocking flow
    const back = pathArcs[--depth];
    u = head[reverse[back]];
    iter[u]++;
  }
}

/** Binary min-heap of node ids keyed by an external distance array, with decrease-key. */
class IndexedMinHeap {
  private readonly nodes: Int32Array;
  private readonly pos: Int32Array;
  size = 0;

  constructor(
    capacity: number,
    private readonly key: Float64Array,
  ) {
    this.nodes = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.nodes[i]] = -1;
    this.size = 0;
  }

  push(v: number): void {
    this.nodes[this.size] = v;
    this.pos[v] = this.size;
    this.size++;
    this.up(this.size - 1);
  }

  decrease(v: number): void {
    this.up(this.pos[v]);
  }

  top(): number {
    return this.nodes[0];
  }

  pop(): number {
    const top = this.nodes[0];
    this.pos[top] = -1;
    this.size--;
    if (this.size > 0) {
      const last = this.nodes[this.size];
      this.nodes[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  private up(i: number): void {
    const { nodes, pos, key } = this;
    const v = nodes[i];
    const k = key[v];
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (key[nodes[p]] <= k) break;
      nodes[i] = nodes[p];
      pos[nodes[i]] = i;
      i = p;
    }
    nodes[i] = v;
    pos[v] = i;
  }

  private down(i: number): void {
    const { nodes, pos, key } = this;
    const v = nodes[i];
    const k = key[v];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && key[nodes[c + 1]] < key[nodes[c]]) c++;
      if (key[nodes[c]] >= k) break;
      nodes[i] = nodes[c];
      pos[nodes[i]] = i;
      i = c;
    }
    nodes[i] = v;
    pos[v] = i;
  }
}

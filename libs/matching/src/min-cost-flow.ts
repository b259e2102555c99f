import { augmentPath, FlowNetwork } from './flow-network';
import { MonotoneQueue } from './monotone-queue';

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
 * Dinic blocking-flow loop (levels counted backwards from the sink) saturates every shortest path at
 * once (the admissible arcs, reduced cost 0) before the next Dijkstra. Augmenting one unit per Dijkstra would mean ~100,000 Dijkstras on a province.
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
  const dijkstraQueue = new MonotoneQueue(net.head.length + n);
  const labels = new RoundLabels(n);
  const queue = new Int32Array(n);
  const pathArcs = new Int32Array(n);
  let flow = 0;
  let phases = 0;

  for (;;) {
    phases++;
    if (!shortestDistances(net, pot, source, sink, dist, done, dijkstraQueue)) break;
    const pathCost = dist[sink] + pot[sink] - pot[source];
    if (pathCost >= 0) break;
    const dSink = dist[sink];
    for (let v = 0; v < n; v++) pot[v] += dist[v] < dSink ? dist[v] : dSink;
    for (;;) {
      if (!admissibleLevels(net, pot, done, source, sink, labels, queue)) break;
      flow += blockingFlow(net, pot, source, sink, labels, pathArcs);
    }
  }

  let cost = 0;
  // Residual arcs have capacity 0: count each arc once, on its forward slot.
  for (let a = 0; a < net.head.length; a++) {
    if (net.capacity[a] > 0) cost += (net.capacity[a] - net.residual[a]) * net.cost[a];
  }
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
  queue: MonotoneQueue,
): boolean {
  const { firstOut, head, residual, cost } = net;
  dist.fill(Infinity);
  done.fill(0);
  queue.clear();
  dist[source] = 0;
  queue.push(source, 0);
  for (;;) {
    const u = queue.popEntry();
    if (u < 0) break;
    const du = queue.key;
    if (done[u] === 1 || dist[u] !== du) continue; // stale entry
    if (done[sink] === 1 && du > dist[sink]) return true;
    done[u] = 1;
    const base = du + pot[u];
    for (let a = firstOut[u], end = firstOut[u + 1]; a < end; a++) {
      if (residual[a] <= 0) continue;
      const v = head[a];
      if (done[v] === 1) continue;
      const dv = base + cost[a] - pot[v];
      if (dv < dist[v]) {
        dist[v] = dv;
        queue.push(v, dv);
      }
    }
  }
  return done[sink] === 1;
}

/**
 * Per-round labels without clearing arrays of a province's size each round: a label counts only when its
 * stamp is the current round's.
 */
class RoundLabels {
  readonly toSink: Int32Array;
  readonly iter: Int32Array;
  private readonly stamp: Int32Array;
  round = 0;

  constructor(n: number) {
    this.toSink = new Int32Array(n);
    this.iter = new Int32Array(n);
    this.stamp = new Int32Array(n);
  }

  next(): void {
    this.round++;
  }

  has(v: number): boolean {
    return this.stamp[v] === this.round;
  }

  set(v: number, distance: number, firstArc: number): void {
    this.stamp[v] = this.round;
    this.toSink[v] = distance;
    this.iter[v] = firstArc;
  }

  /** A dead end for the rest of the round. */
  kill(v: number): void {
    this.toSink[v] = -1;
  }
}

/**
 * Distances to the sink over admissible arcs (residual > 0, reduced cost 0), by BFS backwards from the
 * sink among the nodes Dijkstra settled, stopped at the source's distance. Backwards, because only the
 * few nodes that can still reach the sink get labelled; forwards, every household and worker would be
 * visited every round. Nodes not settled could only lie on shortest paths through ties with the sink's
 * distance; leaving them out costs at most another phase at the same distance. False if the source is not reached.
 */
function admissibleLevels(
  net: FlowNetwork,
  pot: Float64Array,
  settled: Uint8Array,
  source: number,
  sink: number,
  labels: RoundLabels,
  queue: Int32Array,
): boolean {
  const { firstOut, head, residual, cost, pairCapacity } = net;
  labels.next();
  labels.set(sink, 0, firstOut[sink]);
  queue[0] = sink;
  let qTail = 1;
  for (let qHead = 0; qHead < qTail; qHead++) {
    const v = queue[qHead];
    const lv = labels.toSink[v];
    if (labels.has(source) && lv >= labels.toSink[source]) break;
    const pv = pot[v];
    // Arc b is v → u; its partner u → v is read through b's own slots (sequential memory):
    // cost(u → v) = −cost[b], residual(u → v) = pairCapacity[b] − residual[b].
    for (let b = firstOut[v], end = firstOut[v + 1]; b < end; b++) {
      const u = head[b];
      if (pot[u] - cost[b] !== pv || pairCapacity[b] - residual[b] <= 0) continue;
      if (labels.has(u) || settled[u] !== 1) continue;
      labels.set(u, lv + 1, firstOut[u]);
      queue[qTail++] = u;
    }
  }
  return labels.has(source);
}

/** Dinic's blocking flow along decreasing distance to the sink, iterative (paths can be long). */
function blockingFlow(
  net: FlowNetwork,
  pot: Float64Array,
  source: number,
  sink: number,
  labels: RoundLabels,
  pathArcs: Int32Array,
): number {
  const { firstOut, head, residual, cost, reverse } = net;
  const { toSink, iter } = labels;
  let pushed = 0;
  let depth = 0;
  let u = source;
  for (;;) {
    if (u === sink) {
      const { sent, firstSaturated } = augmentPath(net, pathArcs, depth);
      pushed += sent;
      depth = firstSaturated;
      u = head[reverse[pathArcs[depth]]];
      continue;
    }
    let advanced = false;
    const end = firstOut[u + 1];
    const want = toSink[u] - 1;
    const pu = pot[u];
    while (want >= 0 && iter[u] < end) {
      const a = iter[u];
      const v = head[a];
      if (residual[a] > 0 && labels.has(v) && toSink[v] === want && cost[a] + pu === pot[v]) {
        pathArcs[depth++] = a;
        u = v;
        advanced = true;
        break;
      }
      iter[u]++;
    }
    if (advanced) continue;
    if (u === source) return pushed;
    labels.kill(u);
    const back = pathArcs[--depth];
    u = head[reverse[back]];
    iter[u]++;
  }
}

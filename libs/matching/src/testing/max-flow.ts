import { augmentPath, FlowNetwork } from '../flow-network';

/**
 * Maximum flow from `source` to `sink` by Dinic's algorithm, added to the network's residual capacities;
 * returns the value added. Levels are counted back from the sink (as in the primal-dual solver): only
 * nodes that can still reach the sink get labelled, not every household and worker reachable from the
 * source. Arcs out of the sink are never used, so a sink → source return arc is left alone.
 */
export function addMaxFlow(net: FlowNetwork, source: number, sink: number): number {
  const n = net.nodeCount;
  const level = new Int32Array(n);
  const iter = new Int32Array(n);
  const queue = new Int32Array(n);
  const pathArcs = new Int32Array(n);
  let flow = 0;
  for (;;) {
    if (!levelsToSink(net, source, sink, level, queue)) return flow;
    iter.set(net.firstOut.subarray(0, n));
    flow += blockingFlow(net, source, sink, level, iter, pathArcs);
  }
}

/** BFS backwards from the sink over residual arcs, stopped at the source's level; -1 = unlabelled. */
function levelsToSink(
  net: FlowNetwork,
  source: number,
  sink: number,
  level: Int32Array,
  queue: Int32Array,
): boolean {
  const { firstOut, head, residual, pairCapacity } = net;
  level.fill(-1);
  level[sink] = 0;
  queue[0] = sink;
  let tail = 1;
  for (let q = 0; q < tail; q++) {
    const v = queue[q];
    const lv = level[v];
    if (level[source] >= 0 && lv >= level[source]) break;
    // Arc b is v → u; residual(u → v) = pairCapacity[b] − residual[b], read in sequence.
    for (let b = firstOut[v], end = firstOut[v + 1]; b < end; b++) {
      const u = head[b];
      if (level[u] >= 0 || pairCapacity[b] - residual[b] <= 0 || u === sink) continue;
      level[u] = lv + 1;
      queue[tail++] = u;
    }
  }
  return level[source] >= 0;
}

function blockingFlow(
  net: FlowNetwork,
  source: number,
  sink: number,
  level: Int32Array,
  iter: Int32Array,
  pathArcs: Int32Array,
): number {
  const { firstOut, head, residual, reverse } = net;
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
    const want = level[u] - 1;
    for (const end = firstOut[u + 1]; want >= 0 && iter[u] < end; iter[u]++) {
      const a = iter[u];
      const v = head[a];
      if (residual[a] > 0 && level[v] === want) {
        pathArcs[depth++] = a;
        u = v;
        advanced = true;
        break;
      }
    }
    if (advanced) continue;
    if (u === source) return pushed;
    level[u] = -1; // dead end for this round
    const back = pathArcs[--depth];
    u = head[reverse[back]];
    iter[u]++;
  }
}

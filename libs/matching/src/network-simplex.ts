import { FlowNetwork } from './flow-network';

export interface NetworkSimplexStats {
  /** Sum of flow × cost over all arcs: the minimum over every feasible circulation. */
  readonly cost: number;
  /** Entering arcs taken, degenerate ones (no flow moved) included. */
  readonly pivots: number;
  /** Of those, the pivots taken while pricing only the first tiers (see `pricingTier`). */
  readonly pivotsBeforeLastTier: number;
}

// Arc states: the sign turns a reduced cost into "how much entering this arc would gain".
const STATE_UPPER = -1;
const STATE_TREE = 0;
const STATE_LOWER = 1;
// Direction of a node's tree arc: up when the node is its tail (the arc points to the parent).
const DIR_UP = 1;
const DIR_DOWN = -1;
/**
 * Block size = this × √arcs. LEMON uses 1; on the province plan nearly every pivot is found in the first
 * block read, so pricing is the time: 0.5 took 26.1 s against 32.5 s for 1 and 28.1 s for 0.3 (one process).
 */
const BLOCK_SIZE_FACTOR = 0.5;
/** Capacity of the artificial root arcs: never the bottleneck. */
const INFINITE = 0x7fffffff;

/**
 * Minimum-cost circulation by the primal network simplex, after LEMON's NetworkSimplex: the basis is a
 * spanning tree kept as parent / pred / pred_dir / thread (preorder) / rev_thread / succ_num (subtree size)
 * / last_succ (last node of the subtree in preorder), the entering arc is chosen by block search (the best
 * reduced cost within blocks of about √arcs, starting where the last search stopped), and the tree is
 * strongly feasible (the leaving arc is the last blocking one met along the cycle), which rules out cycling
 * on degenerate pivots.
 *
 * Starts from zero flow (it ignores the flow already in the network) and writes the optimum back into the
 * residual capacities. For a flow of any value from s to t, add an arc t → s of cost 0 and capacity ≥ the
 * largest flow: the circulation then sends flow only while it lowers the cost.
 *
 * Pricing by tiers (optional). `pricingTier[a]` (per arc slot, forward arcs) puts each arc in a tier, 0
 * first. The search for entering arcs first reads only tier 0; when no arc there has a negative reduced
 * cost it takes in tier 1, and so on. At each step the nodes that no arc read so far touches (still
 * leaves under the root) are first hung backwards from the others, at the potentials just reached, as
 * in the initial tree. The optimum is the same, because the solver stops only when no arc of any tier
 * prices in; what changes is the work: a caller that puts the arcs likely to carry flow in tier 0 gets
 * the prices of the crowded nodes from a small problem, and the rest of the network mostly prices out at
 * once (docs/adr/0003-exact-plan-solver.md).
 *
 * Initial tree: every node hangs from an artificial root by an arc node → root of cost 0. All supplies
 * are 0, so these arcs can never carry flow (the root has no arc out), and they never re-enter.
 *
 * Exactness. A potential is the signed sum of costs along the tree path from the root, which holds at
 * most n − 1 real arcs (the root's own arcs cost 0): |π| ≤ (n − 1)·C with C the largest |cost|. Every
 * quantity formed (reduced costs c + π(u) − π(v), the potential shift of a moved subtree, each partial
 * sum on the way) is then at most (2n − 1)·C in magnitude. If (2n + 1)·C could pass 2^53 the solver
 * declines (returns null, network untouched) and the caller falls back to primal-dual.
 */
export function solveNetworkSimplex(net: FlowNetwork, pricingTier?: Uint8Array): NetworkSimplexStats | null {
  const n = net.nodeCount;
  let arcCount = 0;
  let maxCost = 0;
  for (let a = 0; a < net.head.length; a++) {
    if (net.capacity[a] <= 0) continue;
    arcCount++;
    maxCost = Math.max(maxCost, Math.abs(net.cost[a]));
  }
  if (maxCost * (2 * n + 1) > Number.MAX_SAFE_INTEGER) return null;
  // Arcs by tier, and in slot order (grouped by tail) within a tier, so the block search reads π of the
  // tails in sequence. tierEnd[t]: the number of arcs in tiers 0..t.
  const slot = new Int32Array(arcCount);
  const tierEnd: number[] = [];
  const lastTier = pricingTier ? pricingTier.reduce((max, t) => Math.max(max, t), 0) : 0;
  for (let t = 0, k = 0; t <= lastTier; t++) {
    for (let a = 0; a < net.head.length; a++) {
      if (net.capacity[a] > 0 && (pricingTier ? pricingTier[a] : 0) === t) slot[k++] = a;
    }
    if (k > (tierEnd.at(-1) ?? 0)) tierEnd.push(k);
  }

  const tree = new SpanningTree(net, slot, tierEnd);
  const pivots = n === 0 ? 0 : tree.run();

  let cost = 0;
  for (let k = 0; k < arcCount; k++) {
    const a = slot[k];
    const f = tree.flow[k];
    net.residual[a] = net.capacity[a] - f;
    net.residual[net.reverse[a]] = net.capacity[net.reverse[a]] + f;
    cost += f * net.cost[a];
  }
  return { cost, pivots, pivotsBeforeLastTier: tree.pivotsBeforeLastTier };
}

class SpanningTree {
  // Arcs 0..m-1 are the network's, m..m+n-1 the artificial ones (node u → root).
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly cap: Int32Array;
  readonly cost: Float64Array;
  readonly flow: Int32Array;
  readonly state: Int8Array;
  // Per node, the root (index n) included.
  readonly pi: Float64Array;
  readonly parent: Int32Array;
  readonly pred: Int32Array;
  readonly predDir: Int8Array;
  readonly thread: Int32Array;
  readonly revThread: Int32Array;
  readonly succNum: Int32Array;
  readonly lastSucc: Int32Array;
  private readonly dirtyRevs: Int32Array;

  /** Pricing reads arcs 0..searchArcs-1: the tiers taken in so far. */
  private searchArcs = 0;
  private blockSize = 0;
  pivotsBeforeLastTier = 0;
  private nextArc = 0;
  private inArc = -1;
  private join = -1;
  private uIn = -1;
  private vIn = -1;
  private uOut = -1;
  private delta = 0;

  constructor(
    net: FlowNetwork,
    slot: Int32Array,
    private readonly tierEnd: readonly number[],
  ) {
    const n = net.nodeCount;
    const m = slot.length;
    const all = m + n;
    this.source = new Int32Array(all);
    this.target = new Int32Array(all);
    this.cap = new Int32Array(all);
    this.cost = new Float64Array(all);
    this.flow = new Int32Array(all);
    this.state = new Int8Array(all);
    for (let k = 0; k < m; k++) {
      const a = slot[k];
      this.source[k] = net.head[net.reverse[a]];
      this.target[k] = net.head[a];
      this.cap[k] = net.capacity[a];
      this.cost[k] = net.cost[a];
      this.state[k] = STATE_LOWER;
    }
    this.pi = new Float64Array(n + 1);
    this.parent = new Int32Array(n + 1);
    this.pred = new Int32Array(n + 1);
    this.predDir = new Int8Array(n + 1);
    this.thread = new Int32Array(n + 1);
    this.revThread = new Int32Array(n + 1);
    this.succNum = new Int32Array(n + 1);
    this.lastSucc = new Int32Array(n + 1);
    this.dirtyRevs = new Int32Array(n + 1);

    for (let u = 0, e = m; u < n; u++, e++) {
      this.source[e] = u;
      this.target[e] = n;
      this.cap[e] = INFINITE;
      this.state[e] = STATE_LOWER;
    }
    this.searchTiers(tierEnd[0] ?? 0);
    this.buildInitialTree(n, m);
  }

  private searchTiers(arcs: number): void {
    this.searchArcs = arcs;
    this.blockSize = Math.max(10, Math.floor(BLOCK_SIZE_FACTOR * Math.sqrt(arcs)));
    this.nextArc = 0;
  }

  /**
   * The first basis, at zero flow. Each node not yet in the tree starts a breadth-first search backwards
   * along the arcs of the first tier (from an arc's head to its tail) and hangs from the root by its
   * artificial arc; the nodes the search reaches hang as `hangBackwards` says. Every tree arc points
   * towards the root, so the zero-flow tree is strongly feasible. On the plan network the tree is root ←
   * source ← sink ← vacancies ← workers (each at its best-scoring vacancy) ← households. Against hanging
   * every node from the root (LEMON's start) this cut the pivots about fourfold.
   */
  private buildInitialTree(n: number, m: number): void {
    const { parent, pred, predDir, pi, state } = this;
    const root = n;
    const arcs = this.arcsByEnd(n);
    const layer = new Int32Array(n).fill(-1);
    const queue = new Int32Array(n);
    let tail = 0;
    let layers = 0;
    parent[root] = -1;
    pred[root] = -1;
    pi[root] = 0;
    for (let start = 0; start < n; start++) {
      if (layer[start] >= 0) continue;
      layer[start] = layers++;
      parent[start] = root;
      pred[start] = m + start;
      predDir[start] = DIR_UP;
      state[m + start] = STATE_TREE;
      pi[start] = 0;
      queue[tail++] = start;
      ({ tail, layers } = this.hangBackwards(arcs, layer, queue, tail - 1, tail, layers));
    }
    this.threadTree(n);
  }

  /**
   * Takes in the next tier. The nodes no arc of the earlier tiers touches are still leaves hung from the
   * root at zero flow; those the search can now reach backwards from the others are re-hung as in the
   * first tree, at the potentials reached so far, so that most of their arcs start priced out. They hang
   * by arcs at zero flow pointing towards the root, so the tree stays strongly feasible.
   */
  private takeInNextTier(n: number, m: number): void {
    const { source, target, state } = this;
    const earlier = this.searchArcs;
    const touched = new Uint8Array(n);
    for (let e = 0; e < earlier; e++) {
      touched[source[e]] = 1;
      touched[target[e]] = 1;
    }
    this.searchTiers(this.tierEnd.find((end) => end > earlier) ?? m);
    const arcs = this.arcsByEnd(n);
    const layer = new Int32Array(n).fill(-1);
    const queue = new Int32Array(n);
    let tail = 0;
    for (let u = 0; u < n; u++) {
      if (!touched[u]) continue;
      layer[u] = 0;
      queue[tail++] = u;
    }
    const seeds = tail;
    ({ tail } = this.hangBackwards(arcs, layer, queue, 0, tail, 1));
    for (let i = seeds; i < tail; i++) state[m + queue[i]] = STATE_LOWER; // the root arc each one left
    this.threadTree(n);
  }

  /** The search arcs grouped by head (arcs in) and by tail (arcs out). */
  private arcsByEnd(n: number): ArcsByEnd {
    return {
      in: arcsBy(this.target, n, this.searchArcs),
      out: arcsBy(this.source, n, this.searchArcs),
    };
  }

  /**
   * Breadth-first search backwards from queue[from .. tail − 1] (already hung, layer < layers) along the
   * search arcs, a layer at a time. Each node reached hangs, among its arcs into nodes of earlier layers,
   * from the one that makes its potential highest (π(u) = max π(v) − cost): its other arcs into those
   * layers then start with reduced cost ≥ 0. Returns the new queue end and layer count.
   */
  private hangBackwards(
    arcs: ArcsByEnd,
    layer: Int32Array,
    queue: Int32Array,
    from: number,
    tail: number,
    layers: number,
  ): { tail: number; layers: number } {
    const { source, target, cost, parent, pred, predDir, pi, state } = this;
    while (from < tail) {
      const to = tail;
      const next = layers++;
      for (let i = from; i < to; i++) {
        const v = queue[i];
        for (let j = arcs.in.first[v]; j < arcs.in.first[v + 1]; j++) {
          const u = source[arcs.in.arcs[j]];
          if (layer[u] >= 0) continue;
          layer[u] = next;
          queue[tail++] = u;
        }
      }
      for (let i = to; i < tail; i++) {
        const u = queue[i];
        let best = -Infinity;
        let bestArc = -1;
        for (let j = arcs.out.first[u]; j < arcs.out.first[u + 1]; j++) {
          const e = arcs.out.arcs[j];
          const v = target[e];
          if (layer[v] < 0 || layer[v] >= next) continue;
          // Tree arcs have reduced cost 0: cost + π(u) − π(v) = 0.
          const potential = pi[v] - cost[e];
          if (potential > best) {
            best = potential;
            bestArc = e;
          }
        }
        parent[u] = target[bestArc];
        pred[u] = bestArc;
        predDir[u] = DIR_UP;
        state[bestArc] = STATE_TREE;
        pi[u] = best;
      }
      from = to;
    }
    return { tail, layers };
  }

  /** thread (preorder, closed through the root), rev_thread, succ_num and last_succ from parent. */
  private threadTree(n: number): void {
    const { parent, thread, revThread, succNum, lastSucc } = this;
    const root = n;
    const firstChild = new Int32Array(n + 2);
    for (let u = 0; u < n; u++) firstChild[parent[u] + 1]++;
    for (let v = 0; v <= n; v++) firstChild[v + 1] += firstChild[v];
    const fill = firstChild.slice(0, n + 1);
    const children = new Int32Array(n);
    for (let u = 0; u < n; u++) children[fill[parent[u]]++] = u;

    const preorder = new Int32Array(n + 1);
    const stack = new Int32Array(n + 1);
    let top = 0;
    let count = 0;
    stack[top++] = root;
    while (top > 0) {
      const v = stack[--top];
      preorder[count++] = v;
      for (let i = firstChild[v + 1] - 1; i >= firstChild[v]; i--) stack[top++] = children[i];
    }
    for (let i = 0; i <= n; i++) {
      const u = preorder[i];
      const next = preorder[(i + 1) % (n + 1)];
      thread[u] = next;
      revThread[next] = u;
      succNum[u] = 1;
    }
    for (let i = n; i > 0; i--) succNum[parent[preorder[i]]] += succNum[preorder[i]];
    const position = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) position[preorder[i]] = i;
    for (let u = 0; u <= n; u++) lastSucc[u] = preorder[position[u] + succNum[u] - 1];
  }

  /**
   * Pivots until no arc has a negative reduced cost; returns the number of pivots. Strongly feasible
   * trees do not cycle, so the pivot budget (far above the ~0.8 pivots per arc measured on the province)
   * only turns a defect into an error instead of a hung request or test.
   */
  run(): number {
    const budget = 50 * this.flow.length + 10_000; // flow: one entry per arc, the root arcs included
    const n = this.pi.length - 1;
    const m = this.flow.length - n;
    let pivots = 0;
    for (;;) {
      if (!this.findEnteringArc()) {
        if (this.searchArcs >= m) break;
        this.takeInNextTier(n, m);
        this.pivotsBeforeLastTier = pivots;
        continue;
      }
      if (pivots >= budget) throw new Error(`network simplex: no optimum after ${pivots} pivots`);
      this.findJoinNode();
      const change = this.findLeavingArc();
      if (this.delta >= INFINITE) throw new Error('network simplex: unbounded cycle');
      this.changeFlow(change);
      if (change) {
        this.updateTreeStructure();
        this.updatePotential();
      }
      pivots++;
    }
    return pivots;
  }

  /** Block search: the most negative reduced cost of the first block (from nextArc on) that has one. */
  private findEnteringArc(): boolean {
    const { state, cost, pi, source, target, blockSize } = this;
    const m = this.searchArcs;
    let min = 0;
    let count = blockSize;
    let e = this.nextArc;
    // Two loops (from nextArc to the end, then from 0) rather than one with a wrap-around index: this is
    // the solver's hottest loop, and the second loop body is the first's without a branch per arc.
    for (; e < m; e++) {
      const c = state[e] * (cost[e] + pi[source[e]] - pi[target[e]]);
      if (c < min) {
        min = c;
        this.inArc = e;
      }
      if (--count === 0) {
        if (min < 0) {
          this.nextArc = e;
          return true;
        }
        count = blockSize;
      }
    }
    for (e = 0; e < this.nextArc; e++) {
      const c = state[e] * (cost[e] + pi[source[e]] - pi[target[e]]);
      if (c < min) {
        min = c;
        this.inArc = e;
      }
      if (--count === 0) {
        if (min < 0) {
          this.nextArc = e;
          return true;
        }
        count = blockSize;
      }
    }
    return min < 0;
  }

  /** The nearest common ancestor of the entering arc's ends: subtree sizes grow towards the root. */
  private findJoinNode(): void {
    const { succNum, parent } = this;
    let u = this.source[this.inArc];
    let v = this.target[this.inArc];
    while (u !== v) {
      if (succNum[u] < succNum[v]) u = parent[u];
      else v = parent[v];
    }
    this.join = u;
  }

  /**
   * The bottleneck of the cycle, taking the last blocking arc in the cycle's direction (`<` on the first
   * side, `<=` on the second) to keep the tree strongly feasible. False if the entering arc itself blocks.
   */
  private findLeavingArc(): boolean {
    const { parent, pred, predDir, flow, cap, join } = this;
    const inArc = this.inArc;
    let first: number;
    let second: number;
    if (this.state[inArc] === STATE_LOWER) {
      first = this.source[inArc];
      second = this.target[inArc];
    } else {
      first = this.target[inArc];
      second = this.source[inArc];
    }
    let delta = cap[inArc];
    let result = 0;
    for (let u = first; u !== join; u = parent[u]) {
      const e = pred[u];
      const d = predDir[u] === DIR_DOWN ? (cap[e] >= INFINITE ? INFINITE : cap[e] - flow[e]) : flow[e];
      if (d < delta) {
        delta = d;
        this.uOut = u;
        result = 1;
      }
    }
    for (let u = second; u !== join; u = parent[u]) {
      const e = pred[u];
      const d = predDir[u] === DIR_UP ? (cap[e] >= INFINITE ? INFINITE : cap[e] - flow[e]) : flow[e];
      if (d <= delta) {
        delta = d;
        this.uOut = u;
        result = 2;
      }
    }
    this.delta = delta;
    if (result === 1) {
      this.uIn = first;
      this.vIn = second;
    } else {
      this.uIn = second;
      this.vIn = first;
    }
    return result !== 0;
  }

  private changeFlow(change: boolean): void {
    const { parent, pred, predDir, flow, state, inArc, join } = this;
    if (this.delta > 0) {
      const val = state[inArc] * this.delta;
      flow[inArc] += val;
      for (let u = this.source[inArc]; u !== join; u = parent[u]) flow[pred[u]] -= predDir[u] * val;
      for (let u = this.target[inArc]; u !== join; u = parent[u]) flow[pred[u]] += predDir[u] * val;
    }
    if (change) {
      state[inArc] = STATE_TREE;
      const out = pred[this.uOut];
      state[out] = flow[out] === 0 ? STATE_LOWER : STATE_UPPER;
    } else {
      state[inArc] = -state[inArc];
    }
  }

  /**
   * Replaces the leaving arc (pred of uOut) by the entering one: the subtree of uOut is re-hung from vIn
   * through uIn, reversing the stem uIn → … → uOut, and thread / last_succ / succ_num are patched.
   */
  private updateTreeStructure(): void {
    const { parent, pred, predDir, thread, revThread, succNum, lastSucc, dirtyRevs } = this;
    const { uIn, vIn, uOut, join, inArc } = this;
    const oldRevThread = revThread[uOut];
    const oldSuccNum = succNum[uOut];
    const oldLastSucc = lastSucc[uOut];
    const vOut = parent[uOut];

    if (uIn === uOut) {
      parent[uIn] = vIn;
      pred[uIn] = inArc;
      predDir[uIn] = uIn === this.source[inArc] ? DIR_UP : DIR_DOWN;
      if (thread[vIn] !== uOut) {
        let after = thread[oldLastSucc];
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
        after = thread[vIn];
        thread[vIn] = uOut;
        revThread[uOut] = vIn;
        thread[oldLastSucc] = after;
        revThread[after] = oldLastSucc;
      }
    } else {
      // When oldRevThread is vIn, join and vOut coincide.
      const threadContinue = oldRevThread === vIn ? thread[oldLastSucc] : thread[vIn];
      let stem = uIn;
      let parStem = vIn;
      let last = lastSucc[uIn];
      let after = thread[last];
      thread[vIn] = uIn;
      let dirty = 0;
      dirtyRevs[dirty++] = vIn;
      while (stem !== uOut) {
        const nextStem = parent[stem];
        thread[last] = nextStem;
        dirtyRevs[dirty++] = last;
        const before = revThread[stem];
        thread[before] = after;
        revThread[after] = before;
        parent[stem] = parStem;
        parStem = stem;
        stem = nextStem;
        last = lastSucc[stem] === lastSucc[parStem] ? revThread[parStem] : lastSucc[stem];
        after = thread[last];
      }
      parent[uOut] = parStem;
      thread[last] = threadContinue;
      revThread[threadContinue] = last;
      lastSucc[uOut] = last;
      if (oldRevThread !== vIn) {
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
      }
      for (let i = 0; i < dirty; i++) {
        const u = dirtyRevs[i];
        revThread[thread[u]] = u;
      }
      let subtree = 0;
      const tmpLastSucc = lastSucc[uOut];
      for (let u = uOut, p = parent[u]; u !== uIn; u = p, p = parent[u]) {
        pred[u] = pred[p];
        predDir[u] = -predDir[p];
        subtree += succNum[u] - succNum[p];
        succNum[u] = subtree;
        lastSucc[p] = tmpLastSucc;
      }
      pred[uIn] = inArc;
      predDir[uIn] = uIn === this.source[inArc] ? DIR_UP : DIR_DOWN;
      succNum[uIn] = oldSuccNum;
    }

    const upLimitOut = lastSucc[join] === vIn ? join : -1;
    const lastSuccOut = lastSucc[uOut];
    for (let u = vIn; u !== -1 && lastSucc[u] === vIn; u = parent[u]) lastSucc[u] = lastSuccOut;
    if (join !== oldRevThread && vIn !== oldRevThread) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]) {
        lastSucc[u] = oldRevThread;
      }
    } else if (lastSuccOut !== oldLastSucc) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]) {
        lastSucc[u] = lastSuccOut;
      }
    }
    for (let u = vIn; u !== join; u = parent[u]) succNum[u] += oldSuccNum;
    for (let u = vOut; u !== join; u = parent[u]) succNum[u] -= oldSuccNum;
  }

  /** Shifts the potentials of the moved subtree so the entering arc's reduced cost becomes 0. */
  private updatePotential(): void {
    const { pi, thread, uIn } = this;
    const sigma = pi[this.vIn] - pi[uIn] - this.predDir[uIn] * this.cost[this.inArc];
    const end = thread[this.lastSucc[uIn]];
    for (let u = uIn; u !== end; u = thread[u]) pi[u] += sigma;
  }
}

interface ArcsByEnd {
  readonly in: { first: Int32Array; arcs: Int32Array };
  readonly out: { first: Int32Array; arcs: Int32Array };
}

/** The arcs 0..m-1 grouped by an end node (counting sort): those of v are arcs[first[v] .. first[v+1] - 1]. */
function arcsBy(end: Int32Array, n: number, m: number): { first: Int32Array; arcs: Int32Array } {
  const first = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) first[end[e] + 1]++;
  for (let v = 0; v < n; v++) first[v + 1] += first[v];
  const fill = first.slice(0, n);
  const arcs = new Int32Array(m);
  for (let e = 0; e < m; e++) arcs[fill[end[e]]++] = e;
  return { first, arcs };
}

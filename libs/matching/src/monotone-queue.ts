/**
 * Priority queue for Dijkstra on integer keys that never go below the last key popped (reduced costs are
 * non-negative integers). Keys within WINDOW of the last popped key go to a circular array of buckets
 * (push and pop in O(1): most reduced costs are score differences, 0..100); farther keys (the coverage and
 * person weights, millions) go to a binary heap. Lazy: a node pushed again with a smaller key leaves its
 * old entry behind, and the caller skips entries whose key is no longer the node's distance.
 */
const WINDOW = 1024;
const MASK = WINDOW - 1;

export class MonotoneQueue {
  private readonly bucketHead = new Int32Array(WINDOW).fill(-1);
  private entryNode: Int32Array;
  private entryNext: Int32Array;
  private freeEntry = 0;
  private inBuckets = 0;
  /** The last key popped: bucket keys lie in [cursor, cursor + WINDOW). */
  private cursor = 0;
  private heapKey: Float64Array;
  private heapNode: Int32Array;
  private heapSize = 0;
  /** Key of the entry popEntry returned last. */
  key = 0;

  constructor(expectedEntries: number) {
    this.entryNode = new Int32Array(Math.max(16, expectedEntries));
    this.entryNext = new Int32Array(this.entryNode.length);
    this.heapKey = new Float64Array(1024);
    this.heapNode = new Int32Array(1024);
  }

  get isEmpty(): boolean {
    return this.inBuckets === 0 && this.heapSize === 0;
  }

  clear(): void {
    this.bucketHead.fill(-1);
    this.freeEntry = 0;
    this.inBuckets = 0;
    this.cursor = 0;
    this.heapSize = 0;
  }

  push(node: number, key: number): void {
    if (key - this.cursor < WINDOW) {
      if (this.freeEntry === this.entryNode.length) this.growEntries();
      const e = this.freeEntry++;
      const b = key & MASK;
      this.entryNode[e] = node;
      this.entryNext[e] = this.bucketHead[b];
      this.bucketHead[b] = e;
      this.inBuckets++;
    } else {
      this.heapPush(node, key);
    }
  }

  /** The node of an entry with the smallest key (in `key`), possibly stale; -1 when empty. */
  popEntry(): number {
    if (this.inBuckets > 0) {
      let k = this.cursor;
      while (this.bucketHead[k & MASK] < 0) k++;
      if (this.heapSize === 0 || this.heapKey[0] >= k) {
        const b = k & MASK;
        const e = this.bucketHead[b];
        this.bucketHead[b] = this.entryNext[e];
        this.inBuckets--;
        this.cursor = k;
        this.key = k;
        return this.entryNode[e];
      }
    }
    if (this.heapSize === 0) return -1;
    // Keys pushed to the heap when the cursor was lower may now lie inside the window: still exact,
    // because the smaller of the two fronts is taken.
    this.key = this.heapKey[0];
    this.cursor = this.key;
    return this.heapPop();
  }

  private growEntries(): void {
    const node = new Int32Array(this.entryNode.length * 2);
    const next = new Int32Array(this.entryNode.length * 2);
    node.set(this.entryNode);
    next.set(this.entryNext);
    this.entryNode = node;
    this.entryNext = next;
  }

  private heapPush(node: number, key: number): void {
    if (this.heapSize === this.heapKey.length) {
      const keys = new Float64Array(this.heapSize * 2);
      const nodes = new Int32Array(this.heapSize * 2);
      keys.set(this.heapKey);
      nodes.set(this.heapNode);
      this.heapKey = keys;
      this.heapNode = nodes;
    }
    const { heapKey, heapNode } = this;
    let i = this.heapSize++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heapKey[p] <= key) break;
      heapKey[i] = heapKey[p];
      heapNode[i] = heapNode[p];
      i = p;
    }
    heapKey[i] = key;
    heapNode[i] = node;
  }

  private heapPop(): number {
    const { heapKey, heapNode } = this;
    const top = heapNode[0];
    const size = --this.heapSize;
    const key = heapKey[size];
    const node = heapNode[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && heapKey[c + 1] < heapKey[c]) c++;
      if (heapKey[c] >= key) break;
      heapKey[i] = heapKey[c];
      heapNode[i] = heapNode[c];
      i = c;
    }
    heapKey[i] = key;
    heapNode[i] = node;
    return top;
  }
}

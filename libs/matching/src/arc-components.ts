import { CandidateArcs } from './match-problem';

/**
 * Splits the candidate arcs into independent parts: households and vacancies linked by an arc (through
 * a worker) fall in one part. Counties sharing no vacancy end in different parts and are solved apart.
 * Returns, per part, the indexes of its arcs.
 */
export function arcComponents(
  arcs: CandidateArcs,
  householdOfWorker: Int32Array,
  householdCount: number,
  vacancyCount: number,
): Int32Array[] {
  const parent = new Int32Array(householdCount + vacancyCount);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let k = 0; k < arcs.length; k++) {
    const a = find(householdOfWorker[arcs.worker[k]]);
    const b = find(householdCount + arcs.vacancy[k]);
    if (a !== b) parent[a] = b;
  }
  const partOfRoot = new Map<number, number>();
  const sizes: number[] = [];
  const partOfArc = new Int32Array(arcs.length);
  for (let k = 0; k < arcs.length; k++) {
    const root = find(householdOfWorker[arcs.worker[k]]);
    let part = partOfRoot.get(root);
    if (part === undefined) {
      part = sizes.length;
      partOfRoot.set(root, part);
      sizes.push(0);
    }
    partOfArc[k] = part;
    sizes[part]++;
  }
  const parts = sizes.map((n) => new Int32Array(n));
  const fill = new Int32Array(sizes.length);
  for (let k = 0; k < arcs.length; k++) parts[partOfArc[k]][fill[partOfArc[k]]++] = k;
  return parts;
}

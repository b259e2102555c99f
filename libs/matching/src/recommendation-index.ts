import { diversifyFirst } from './diversify';
import { isEligible } from './hard-constraints';
import { vacancyBucketsFor, vacancyKeys, workerBucketsFor, workerKeys } from './index-keys';
import { MatchingContext, MatchingHousehold, MatchingVacancy, MatchingWorker } from './model';
import { MatchReason } from './reasons';
import { scoreMatch, scorePoints } from './score';

export interface Recommendation {
  readonly workerId: string;
  readonly vacancyId: string;
  readonly score: number;
  readonly reasons: readonly MatchReason[];
}

export interface RecommendationOptions {
  /**
   * How many candidates a query looks at, at most, walking the buckets from the most specific (own
   * relocation site, county, partner station, skills) to the broadest. Ranking is exact among them.
   */
  readonly scanLimit?: number;
}

/**
 * Buckets of small integer slots (one per id, see SlotIds): the walk tests "seen" on a stamped typed array
 * instead of a per-query Set of strings; a province plan walks 300,000 workers × 120 vacancies.
 */
class Buckets {
  private readonly map = new Map<string, Set<number>>();
  private seen: Int32Array = new Int32Array(1024);
  private round = 0;
  private found: Int32Array = new Int32Array(64);

  add(keys: readonly string[], slot: number): void {
    for (const k of keys) {
      let set = this.map.get(k);
      if (!set) this.map.set(k, (set = new Set()));
      set.add(slot);
    }
  }

  remove(keys: readonly string[], slot: number): void {
    for (const k of keys) this.map.get(k)?.delete(slot);
  }

  /**
   * The slots of the buckets in order, each once, until `limit` were seen: the first `count` entries of
   * `slots` (a buffer reused by the next call).
   */
  walk(keys: readonly string[], limit: number): { slots: Int32Array; count: number } {
    if (++this.round === 0x7fffffff) {
      this.seen.fill(0);
      this.round = 1;
    }
    const round = this.round;
    let count = 0;
    for (const k of keys) {
      const bucket = this.map.get(k);
      if (!bucket) continue;
      for (const slot of bucket) {
        if (slot >= this.seen.length) this.seen = grow(this.seen, slot);
        if (this.seen[slot] === round) continue;
        this.seen[slot] = round;
        if (count === this.found.length) this.found = grow(this.found, count);
        this.found[count++] = slot;
        if (count >= limit) return { slots: this.found, count };
      }
    }
    return { slots: this.found, count };
  }
}

function grow(a: Int32Array, index: number): Int32Array {
  const out = new Int32Array(Math.max(2 * a.length, index + 1));
  out.set(a);
  return out;
}

/** A small integer per id, kept for good (an id upserted again gets its old slot back). */
class SlotIds<T extends { readonly id: string }> {
  private readonly slotOf = new Map<string, number>();
  /** The current item of each slot; undefined once removed. */
  readonly items: (T | undefined)[] = [];

  slot(id: string): number {
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.items.length;
      this.slotOf.set(id, slot);
      this.items.push(undefined);
    }
    return slot;
  }
}

interface Ranked {
  readonly v: MatchingVacancy;
  readonly score: number;
}

/** Orders by score descending, then id: the same total order a full sort would give. */
function before(scoreA: number, idA: string, scoreB: number, idB: string): boolean {
  return scoreA > scoreB || (scoreA === scoreB && idA < idB);
}

/**
 * In-memory indexes (capacity × region / skill / occupation) answering the top vacancies for a worker and
 * the top candidates for a vacancy without scanning everything. Pure and incrementally updated: the
 * application feeds it from its projections.
 */
export class RecommendationIndex {
  private readonly vacancies = new Map<string, MatchingVacancy>();
  private readonly workers = new Map<string, MatchingWorker>();
  private readonly households = new Map<string, MatchingHousehold>();
  private readonly vacancyBuckets = new Buckets();
  private readonly workerBuckets = new Buckets();
  private readonly vacancySlots = new SlotIds<MatchingVacancy>();
  private readonly workerSlots = new SlotIds<MatchingWorker>();
  private readonly scanLimit: number;

  constructor(options: RecommendationOptions = {}) {
    this.scanLimit = options.scanLimit ?? 1500;
  }

  get vacancyCount(): number {
    return this.vacancies.size;
  }

  upsertVacancy(v: MatchingVacancy): void {
    this.removeVacancy(v.id);
    this.vacancies.set(v.id, v);
    const slot = this.vacancySlots.slot(v.id);
    this.vacancySlots.items[slot] = v;
    this.vacancyBuckets.add(vacancyKeys(v), slot);
  }

  removeVacancy(id: string): void {
    const old = this.vacancies.get(id);
    if (!old) return;
    const slot = this.vacancySlots.slot(id);
    this.vacancyBuckets.remove(vacancyKeys(old), slot);
    this.vacancySlots.items[slot] = undefined;
    this.vacancies.delete(id);
  }

  /** Openings change on every placement: no re-filing needed, the keys do not depend on them. */
  setRemainingOpenings(id: string, remainingOpenings: number): void {
    const v = this.vacancies.get(id);
    if (!v) return;
    const updated = { ...v, remainingOpenings };
    this.vacancies.set(id, updated);
    this.vacancySlots.items[this.vacancySlots.slot(id)] = updated;
  }

  upsertHousehold(h: MatchingHousehold): void {
    this.households.set(h.id, h);
  }

  upsertWorker(w: MatchingWorker): void {
    this.removeWorker(w.id);
    this.workers.set(w.id, w);
    const slot = this.workerSlots.slot(w.id);
    this.workerSlots.items[slot] = w;
    this.workerBuckets.add(workerKeys(w), slot);
  }

  removeWorker(id: string): void {
    const old = this.workers.get(id);
    if (!old) return;
    const slot = this.workerSlots.slot(id);
    this.workerBuckets.remove(workerKeys(old), slot);
    this.workerSlots.items[slot] = undefined;
    this.workers.delete(id);
  }

  /** The best vacancies for a worker; the first three diversified by poster ("131" service). */
  vacanciesFor(workerId: string, k: number, ctx: MatchingContext): Recommendation[] {
    const w = this.workers.get(workerId);
    const h = w && this.households.get(w.householdId);
    if (!w || !h) return [];
    const scored = this.rankVacancies(w, h, ctx, this.scanLimit, Math.max(k * 4, 12));
    const ranked = diversifyFirst(scored, (s) => s.v.posterId).slice(0, k);
    return ranked.map(({ v }) => this.explain(w, h, v, ctx));
  }

  /** Scores only, no reasons and no diversifying: the candidate pairs of a match plan. */
  topVacancyScores(
    workerId: string,
    k: number,
    ctx: MatchingContext,
    scanLimit = this.scanLimit,
  ): { vacancyId: string; score: number }[] {
    const w = this.workers.get(workerId);
    const h = w && this.households.get(w.householdId);
    if (!w || !h) return [];
    return this.rankVacancies(w, h, ctx, scanLimit, k).map(({ v, score }) => ({ vacancyId: v.id, score }));
  }

  /** The best `k` eligible vacancies among those scanned, best first (kept sorted by insertion: k is small). */
  private rankVacancies(
    w: MatchingWorker,
    h: MatchingHousehold,
    ctx: MatchingContext,
    scanLimit: number,
    k: number,
  ): Ranked[] {
    const top: Ranked[] = [];
    if (k <= 0) return top;
    const { slots, count } = this.vacancyBuckets.walk(vacancyBucketsFor(w), scanLimit);
    const items = this.vacancySlots.items;
    for (let i = 0; i < count; i++) {
      const v = items[slots[i]];
      if (!v || !isEligible(w, v, ctx)) continue;
      const score = scorePoints(w, h, v, ctx);
      if (top.length === k) {
        const last = top[k - 1];
        if (!before(score, v.id, last.score, last.v.id)) continue;
        top.pop();
      }
      let at = top.length;
      while (at > 0 && before(score, v.id, top[at - 1].score, top[at - 1].v.id)) at--;
      top.splice(at, 0, { v, score });
    }
    return top;
  }

  /** The best candidates for a vacancy. */
  candidatesFor(vacancyId: string, k: number, ctx: MatchingContext): Recommendation[] {
    const v = this.vacancies.get(vacancyId);
    if (!v) return [];
    const scored: { w: MatchingWorker; h: MatchingHousehold; score: number }[] = [];
    const { slots, count } = this.workerBuckets.walk(workerBucketsFor(v), this.scanLimit);
    for (let i = 0; i < count; i++) {
      const w = this.workerSlots.items[slots[i]];
      const h = w && this.households.get(w.householdId);
      if (w && h && isEligible(w, v, ctx)) scored.push({ w, h, score: scorePoints(w, h, v, ctx) });
    }
    scored.sort((a, b) => b.score - a.score || (a.w.id < b.w.id ? -1 : 1));
    return scored.slice(0, k).map(({ w, h }) => this.explain(w, h, v, ctx));
  }

  private explain(
    w: MatchingWorker,
    h: MatchingHousehold,
    v: MatchingVacancy,
    ctx: MatchingContext,
  ): Recommendation {
    const { total, reasons } = scoreMatch(w, h, v, ctx);
    return { workerId: w.id, vacancyId: v.id, score: total, reasons };
  }
}

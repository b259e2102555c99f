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

class Buckets {
  private readonly map = new Map<string, Set<string>>();

  add(keys: readonly string[], id: string): void {
    for (const k of keys) {
      let set = this.map.get(k);
      if (!set) this.map.set(k, (set = new Set()));
      set.add(id);
    }
  }

  remove(keys: readonly string[], id: string): void {
    for (const k of keys) this.map.get(k)?.delete(id);
  }

  /** Visits the ids of the buckets in order, each once, until `limit` ids were seen. */
  walk(keys: readonly string[], limit: number, visit: (id: string) => void): void {
    const seen = new Set<string>();
    for (const k of keys) {
      const bucket = this.map.get(k);
      if (!bucket) continue;
      for (const id of bucket) {
        if (seen.has(id)) continue;
        seen.add(id);
        visit(id);
        if (seen.size >= limit) return;
      }
    }
  }
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
    this.vacancyBuckets.add(vacancyKeys(v), v.id);
  }

  removeVacancy(id: string): void {
    const old = this.vacancies.get(id);
    if (!old) return;
    this.vacancyBuckets.remove(vacancyKeys(old), id);
    this.vacancies.delete(id);
  }

  /** Openings change on every placement: no re-filing needed, the keys do not depend on them. */
  setRemainingOpenings(id: string, remainingOpenings: number): void {
    const v = this.vacancies.get(id);
    if (v) this.vacancies.set(id, { ...v, remainingOpenings });
  }

  upsertHousehold(h: MatchingHousehold): void {
    this.households.set(h.id, h);
  }

  upsertWorker(w: MatchingWorker): void {
    this.removeWorker(w.id);
    this.workers.set(w.id, w);
    this.workerBuckets.add(workerKeys(w), w.id);
  }

  removeWorker(id: string): void {
    const old = this.workers.get(id);
    if (!old) return;
    this.workerBuckets.remove(workerKeys(old), id);
    this.workers.delete(id);
  }

  /** The best vacancies for a worker; the first three diversified by poster ("131" service). */
  vacanciesFor(workerId: string, k: number, ctx: MatchingContext): Recommendation[] {
    const w = this.workers.get(workerId);
    const h = w && this.households.get(w.householdId);
    if (!w || !h) return [];
    const scored = this.rankVacancies(w, h, ctx, this.scanLimit);
    const ranked = diversifyFirst(scored.slice(0, Math.max(k * 4, 12)), (s) => s.v.posterId).slice(0, k);
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
    return this.rankVacancies(w, h, ctx, scanLimit)
      .slice(0, k)
      .map(({ v, score }) => ({ vacancyId: v.id, score }));
  }

  private rankVacancies(
    w: MatchingWorker,
    h: MatchingHousehold,
    ctx: MatchingContext,
    scanLimit: number,
  ): { v: MatchingVacancy; score: number }[] {
    const scored: { v: MatchingVacancy; score: number }[] = [];
    this.vacancyBuckets.walk(vacancyBucketsFor(w), scanLimit, (id) => {
      const v = this.vacancies.get(id);
      if (v && isEligible(w, v, ctx)) scored.push({ v, score: scorePoints(w, h, v, ctx) });
    });
    return scored.sort((a, b) => b.score - a.score || (a.v.id < b.v.id ? -1 : 1));
  }

  /** The best candidates for a vacancy. */
  candidatesFor(vacancyId: string, k: number, ctx: MatchingContext): Recommendation[] {
    const v = this.vacancies.get(vacancyId);
    if (!v) return [];
    const scored: { w: MatchingWorker; h: MatchingHousehold; score: number }[] = [];
    this.workerBuckets.walk(workerBucketsFor(v), this.scanLimit, (id) => {
      const w = this.workers.get(id);
      const h = w && this.households.get(w.householdId);
      if (w && h && isEligible(w, v, ctx)) scored.push({ w, h, score: scorePoints(w, h, v, ctx) });
    });
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

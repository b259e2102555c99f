import { isEligible } from './hard-constraints';
import { MatchingContext, MatchingHousehold, MatchingVacancy, MatchingWorker } from './model';
import { scorePoints } from './score';

/** Everything a plan is computed from. Workers and vacancies are referred to by their index here. */
export interface MatchProblem {
  readonly workers: readonly MatchingWorker[];
  readonly households: readonly MatchingHousehold[];
  readonly vacancies: readonly MatchingVacancy[];
  readonly ctx: MatchingContext;
}

/**
 * The worker–vacancy pairs a plan may use, each eligible under every hard constraint, with its score.
 * Struct of arrays: a province has about a million of them.
 */
export interface CandidateArcs {
  readonly length: number;
  readonly worker: Int32Array;
  readonly vacancy: Int32Array;
  readonly score: Int32Array;
}

export function householdIndexOf(problem: MatchProblem): Int32Array {
  const byId = new Map<string, number>();
  problem.households.forEach((h, i) => byId.set(h.id, i));
  const out = new Int32Array(problem.workers.length);
  problem.workers.forEach((w, i) => {
    const h = byId.get(w.householdId);
    if (h === undefined) throw new Error(`worker ${w.id}: unknown household ${w.householdId}`);
    out[i] = h;
  });
  return out;
}

export class CandidateArcsBuilder {
  private w: number[] = [];
  private v: number[] = [];
  private s: number[] = [];

  add(worker: number, vacancy: number, score: number): void {
    this.w.push(worker);
    this.v.push(vacancy);
    this.s.push(score);
  }

  build(): CandidateArcs {
    return {
      length: this.w.length,
      worker: Int32Array.from(this.w),
      vacancy: Int32Array.from(this.v),
      score: Int32Array.from(this.s),
    };
  }
}

/** Every eligible pair, by a full scan: for tests and county-sized problems. */
export function allEligibleArcs(problem: MatchProblem): CandidateArcs {
  const householdOf = householdIndexOf(problem);
  const out = new CandidateArcsBuilder();
  problem.workers.forEach((w, wi) => {
    const h = problem.households[householdOf[wi]];
    problem.vacancies.forEach((v, vi) => {
      if (isEligible(w, v, problem.ctx)) out.add(wi, vi, scorePoints(w, h, v, problem.ctx));
    });
  });
  return out.build();
}

/** What indexedArcs needs of the recommendation index (kept structural to avoid an import cycle). */
export interface VacancyRanker {
  topVacancyScores(
    workerId: string,
    k: number,
    ctx: MatchingContext,
    scanLimit?: number,
  ): { vacancyId: string; score: number }[];
}

/**
 * Each worker's best `perWorker` vacancies, found through the recommendation index: the candidate pairs
 * of a province plan (a full scan would be 200,000 × 20,000 pairs). The plan is exact over these pairs.
 */
export function indexedArcs(
  problem: MatchProblem,
  index: VacancyRanker,
  perWorker: number,
  scanLimit?: number,
): CandidateArcs {
  const vacancyIndex = new Map<string, number>();
  problem.vacancies.forEach((v, i) => vacancyIndex.set(v.id, i));
  const out = new CandidateArcsBuilder();
  problem.workers.forEach((w, wi) => {
    if (w.employed) return;
    for (const { vacancyId, score } of index.topVacancyScores(w.id, perWorker, problem.ctx, scanLimit)) {
      const vi = vacancyIndex.get(vacancyId);
      if (vi !== undefined) out.add(wi, vi, score);
    }
  });
  return out.build();
}

/** The problem for a set of counties: their households and job-seekers, every vacancy they may take. */
export function restrictToCounties(problem: MatchProblem, countyCodes: readonly string[]): MatchProblem {
  const counties = new Set(countyCodes);
  return {
    ...problem,
    households: problem.households.filter((h) => counties.has(h.countyCode)),
    workers: problem.workers.filter((w) => counties.has(w.countyCode)),
  };
}

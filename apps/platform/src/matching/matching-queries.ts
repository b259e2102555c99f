import {
  ageAt,
  CandidateArcsBuilder,
  isEligible,
  scoreMatch,
  type MatchingContext,
  type MatchingHousehold,
  type MatchingVacancy,
  type MatchingWorker,
  type MatchReason,
  type MatchPlan,
} from '@lib/matching';
import type { MatchingProjection } from './matching-projection';
import { toMatchingHousehold } from './matching-state';
import { INLINE_SOLVE_MAX_PAIRS, solvePlan } from './plan-solver';

/** A reason in the answer: the engine's (code, points, zh, en) and `message` (the Chinese text) for older clients. */
export interface ReasonView {
  readonly code: string;
  readonly points: number;
  readonly zh: string;
  readonly en: string;
  readonly message: string;
}

export const reasonViews = (reasons: readonly MatchReason[]): ReasonView[] =>
  reasons.map(({ code, points, zh, en }) => ({ code, points, zh, en, message: zh }));

export interface RecommendationView {
  readonly rank: number;
  readonly vacancyId: string;
  readonly score: number;
  readonly reasons: ReasonView[];
}

/** Personal data minimised: ids, age, capacity, skills; never a name or an ID number. */
export interface CandidateView {
  readonly rank: number;
  readonly workerId: string;
  readonly householdId: string;
  readonly zeroEmploymentHousehold: boolean;
  readonly age: number;
  readonly labourCapacity: string;
  readonly skills: string[];
  readonly score: number;
  readonly reasons: ReasonView[];
}

/**
 * How many vacancies of each worker a plan considers (the plan is exact over these pairs). Ranking them
 * (scoring every pair the index walks) is most of a county plan's time.
 */
export const PLAN_VACANCIES_PER_WORKER = 25;
/**
 * The build yields to the event loop once it has run this long, so reads are answered between its slices: a
 * read waits at most about one slice per plan being built (a fixed count of workers was 10-100 ms a slice,
 * depending on how many vacancies each can take).
 */
const SLICE_MS = 4;

/** Resolves at once while the current slice is young, else after the event loop has had its turn. */
function slicer(): () => Promise<void> | undefined {
  let sliceStarted = performance.now();
  return () => {
    if (performance.now() - sliceStarted < SLICE_MS) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        sliceStarted = performance.now();
        resolve();
      }),
    );
  };
}

export interface PlanInstance {
  readonly plan: MatchPlan;
  readonly workers: number;
  readonly households: number;
  readonly vacancies: number;
  readonly candidatePairs: number;
  readonly buildMs: number;
  readonly solveMs: number;
}

/**
 * The matching answers over the in-memory state. Every pair is checked twice: by libs/matching's hard
 * constraints (inside the index) and by the placement command's own rules, so nothing recommended or
 * planned is refused at placement.
 */
export class MatchingQueries {
  constructor(
    private readonly state: MatchingProjection,
    private readonly inlineSolveMaxPairs = INLINE_SOLVE_MAX_PAIRS,
  ) {}

  recommendations(workerId: string, limit: number, now: string): RecommendationView[] {
    const ctx = { now: Date.parse(now) };
    return this.state.index
      .vacanciesFor(workerId, limit, ctx)
      .filter((r) => this.state.placementAllows(workerId, r.vacancyId, now))
      .map((r, i) => ({
        rank: i + 1,
        vacancyId: r.vacancyId,
        score: r.score,
        reasons: reasonViews(r.reasons),
      }));
  }

  /**
   * Zero-employment households first (dynamic clearing), then by score. Without `counties`, among the
   * index's best (a wider pool than asked); with them (a broker's scope), among every worker of those
   * counties, so a broker of one county is not left with the remains of a province-wide list.
   */
  candidates(vacancyId: string, limit: number, now: string, counties?: readonly string[]): CandidateView[] {
    const ctx = { now: Date.parse(now) };
    const ranked = counties
      ? this.scanCounties(vacancyId, counties, ctx)
      : this.state.index.candidatesFor(vacancyId, Math.max(limit * 5, 50), ctx);
    const pool = ranked
      .filter((r) => this.state.placementAllows(r.workerId, vacancyId, now))
      .map((r) => {
        const household = this.state.household(r.workerId.slice(0, r.workerId.lastIndexOf('.')));
        const worker = household?.workers.get(r.workerId);
        const zero = household ? [...household.workers.values()].every((w) => !w.activeEmployment) : false;
        return { r, household, worker, zero };
      });
    // Stable: the engine's score order is kept within each group.
    pool.sort((a, b) => Number(b.zero) - Number(a.zero));
    return pool.slice(0, limit).map(({ r, household, worker, zero }, i) => ({
      rank: i + 1,
      workerId: r.workerId,
      householdId: household?.householdId ?? '',
      zeroEmploymentHousehold: zero,
      age: worker ? ageAt(worker, ctx) : 0,
      labourCapacity: worker?.labourCapacity ?? 'none',
      skills: [...(worker?.skills ?? [])],
      score: r.score,
      reasons: reasonViews(r.reasons),
    }));
  }

  /** Every eligible worker of the counties with the score and reasons, best first (a county is thousands). */
  private scanCounties(vacancyId: string, counties: readonly string[], ctx: MatchingContext) {
    const vacancy = this.state.mappedVacancy(vacancyId);
    if (!vacancy) return [];
    const out: { workerId: string; score: number; reasons: readonly MatchReason[] }[] = [];
    for (const county of counties) {
      for (const id of this.state.householdIdsIn(county)) {
        const household = this.state.household(id);
        if (!household) continue;
        const h = toMatchingHousehold(household);
        for (const w of this.state.mappedWorkers(household)) {
          if (!isEligible(w, vacancy, ctx)) continue;
          const { total, reasons } = scoreMatch(w, h, vacancy, ctx);
          out.push({ workerId: w.id, score: total, reasons });
        }
      }
    }
    return out.sort((a, b) => b.score - a.score || (a.workerId < b.workerId ? -1 : 1));
  }

  /**
   * The instance of the counties (their households' workers; every vacancy one of them may take, wherever
   * it is), then the exact coverage-first plan and the greedy one over the same candidate pairs.
   */
  async plan(counties: readonly string[], now: string): Promise<PlanInstance> {
    const started = performance.now();
    const nextSlice = slicer();
    const ctx: MatchingContext = { now: Date.parse(now) };
    const households: MatchingHousehold[] = [];
    const workers: MatchingWorker[] = [];
    for (const county of counties) {
      for (const id of this.state.householdIdsIn(county)) {
        const pause = nextSlice();
        if (pause) await pause;
        const household = this.state.household(id);
        if (!household) continue;
        const mapped = this.state.mappedWorkers(household);
        if (mapped.length === 0) continue;
        households.push(toMatchingHousehold(household));
        workers.push(...mapped);
      }
    }
    const vacancies: MatchingVacancy[] = [];
    const vacancyIndex = new Map<string, number>();
    const arcs = new CandidateArcsBuilder();
    let pairs = 0;
    for (let wi = 0; wi < workers.length; wi++) {
      // Events applied meanwhile may move openings; the plan is a proposal and each placement re-checks.
      const pause = nextSlice();
      if (pause) await pause;
      const w = workers[wi];
      if (w.employed) continue;
      const top = this.state.index.topVacancyScores(w.id, PLAN_VACANCIES_PER_WORKER, ctx);
      for (const { vacancyId, score } of top) {
        if (!this.state.placementAllows(w.id, vacancyId, now)) continue;
        let vi = vacancyIndex.get(vacancyId);
        if (vi === undefined) {
          const v = this.state.mappedVacancy(vacancyId);
          if (!v) continue;
          vi = vacancies.push(v) - 1;
          vacancyIndex.set(vacancyId, vi);
        }
        arcs.add(wi, vi, score);
        pairs++;
      }
    }
    const built = performance.now();
    const plan = await solvePlan(
      { workers, households, vacancies, ctx },
      arcs.build(),
      this.inlineSolveMaxPairs,
    );
    const solved = performance.now();
    return {
      plan,
      workers: workers.length,
      households: households.length,
      vacancies: vacancies.length,
      candidatePairs: pairs,
      buildMs: Math.round(built - started),
      solveMs: Math.round(solved - built),
    };
  }
}

import { ageAt, MatchingContext, MatchingHousehold, MatchingVacancy, MatchingWorker } from './model';
import { MatchReason, reason } from './reasons';

/** Scores are integers in 0..MAX_SCORE: the match plan relies on integer costs and this bound. */
export const MAX_SCORE = 100;

/** Points of each component; they sum to a little over MAX_SCORE and the total is capped. */
export const WEIGHTS = {
  skillsFull: 35,
  trainingMatched: 5,
  noSkillRequired: 10,
  sameRelocationSite: 25,
  sameCounty: 20,
  samePrefecture: 10,
  inProvince: 3,
  partnerCityStation: 15,
  outOfProvince: 5,
  wageMeets: 15,
  wageRangeReaches: 10,
  wageBelowMax: 5,
  noWageExpectation: 5,
  zeroEmploymentHousehold: 15,
  householdLowEmploymentMax: 10,
  returnee: 5,
  olderWorker: 5,
} as const;

export const OLDER_WORKER_AGE = 50;

export interface MatchScore {
  readonly total: number;
  /** Largest first. */
  readonly reasons: readonly MatchReason[];
}

/** The score and, when `reasons` is given, why. One function so the plan and the explanation never disagree. */
function computeScore(
  worker: MatchingWorker,
  household: MatchingHousehold,
  vacancy: MatchingVacancy,
  ctx: MatchingContext,
  reasons?: MatchReason[],
): number {
  let total = 0;
  const add = (points: number, make: () => MatchReason): void => {
    if (points <= 0) return;
    total += points;
    if (reasons) reasons.push(make());
  };

  const required = vacancy.requiredSkills;
  if (required.length === 0) {
    add(WEIGHTS.noSkillRequired, () => reason('no_skill_required', WEIGHTS.noSkillRequired));
  } else {
    const matched = required.filter((s) => worker.skills.includes(s) || worker.trainings.includes(s));
    const points = Math.round((WEIGHTS.skillsFull * matched.length) / required.length);
    add(points, () => reason('skills_matched', points, { matched, required: required.length }));
  }
  const trained = worker.trainings.filter((t) => t === vacancy.occupation || required.includes(t));
  if (trained.length > 0) {
    add(WEIGHTS.trainingMatched, () =>
      reason('training_matched', WEIGHTS.trainingMatched, { matched: trained }),
    );
  }

  const loc = vacancy.location;
  if (loc.provinceIsGuizhou) {
    if (loc.relocationSiteId !== undefined && loc.relocationSiteId === worker.relocationSiteId) {
      add(WEIGHTS.sameRelocationSite, () => reason('same_relocation_site', WEIGHTS.sameRelocationSite));
    } else if (loc.countyCode === worker.countyCode) {
      add(WEIGHTS.sameCounty, () => reason('same_county', WEIGHTS.sameCounty));
    } else if (loc.prefectureCode === worker.prefectureCode) {
      add(WEIGHTS.samePrefecture, () => reason('same_prefecture', WEIGHTS.samePrefecture));
    } else {
      add(WEIGHTS.inProvince, () => reason('in_province', WEIGHTS.inProvince));
    }
  } else if (loc.partnerPrefectureCode !== undefined && loc.partnerPrefectureCode === worker.prefectureCode) {
    add(WEIGHTS.partnerCityStation, () => reason('partner_city_station', WEIGHTS.partnerCityStation));
  } else {
    add(WEIGHTS.outOfProvince, () => reason('out_of_province', WEIGHTS.outOfProvince));
  }

  const expected = worker.expectedMonthlyWage;
  const wage = { expected, wageMin: vacancy.wageMin, wageMax: vacancy.wageMax };
  if (expected === undefined || expected <= 0) {
    add(WEIGHTS.noWageExpectation, () => reason('no_wage_expectation', WEIGHTS.noWageExpectation));
  } else if (vacancy.wageMin >= expected) {
    add(WEIGHTS.wageMeets, () => reason('wage_meets_expectation', WEIGHTS.wageMeets, wage));
  } else if (vacancy.wageMax >= expected) {
    add(WEIGHTS.wageRangeReaches, () =>
      reason('wage_range_reaches_expectation', WEIGHTS.wageRangeReaches, wage),
    );
  } else {
    const points = Math.max(0, Math.round(WEIGHTS.wageBelowMax * (1 - 2 * (1 - vacancy.wageMax / expected))));
    add(points, () => reason('wage_below_expectation', points, wage));
  }

  if (household.employed === 0) {
    add(WEIGHTS.zeroEmploymentHousehold, () =>
      reason('zero_employment_household', WEIGHTS.zeroEmploymentHousehold),
    );
  } else {
    const capable = Math.max(household.labourCapable, 1);
    const points = Math.round(
      WEIGHTS.householdLowEmploymentMax * Math.max(0, 1 - household.employed / capable),
    );
    add(points, () =>
      reason('household_low_employment', points, {
        employed: household.employed,
        labourCapable: household.labourCapable,
      }),
    );
  }

  if (worker.returnee) add(WEIGHTS.returnee, () => reason('returnee', WEIGHTS.returnee));
  const age = ageAt(worker, ctx);
  if (age >= OLDER_WORKER_AGE)
    add(WEIGHTS.olderWorker, () => reason('older_worker', WEIGHTS.olderWorker, { age }));

  return Math.min(MAX_SCORE, total);
}

/** The score only, without building reasons: the plan scores every candidate pair. */
export function scorePoints(
  worker: MatchingWorker,
  household: MatchingHousehold,
  vacancy: MatchingVacancy,
  ctx: MatchingContext,
): number {
  return computeScore(worker, household, vacancy, ctx);
}

export function scoreMatch(
  worker: MatchingWorker,
  household: MatchingHousehold,
  vacancy: MatchingVacancy,
  ctx: MatchingContext,
): MatchScore {
  const reasons: MatchReason[] = [];
  const total = computeScore(worker, household, vacancy, ctx, reasons);
  reasons.sort((a, b) => b.points - a.points);
  return { total, reasons };
}

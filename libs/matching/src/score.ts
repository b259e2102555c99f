import {
  ageAt,
  MatchingContext,
  MatchingHousehold,
  MatchingVacancy,
  MatchingWorker,
  needsCover,
} from './model';
import { MatchReason, reason, ReasonCode, ReasonDetail } from './reasons';

/** Scores are integers in 0..MAX_SCORE: the match plan relies on integer costs and this bound. */
export const MAX_SCORE = 100;

/** A score forced into 0..MAX_SCORE: for keys packed on that range (scores are built within it). */
export const boundedScore = (score: number): number => Math.min(MAX_SCORE, Math.max(0, score));

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

/**
 * The score and, when `reasons` is given, why. One function so the plan and the explanation never
 * disagree; reasons (and their texts) are built only when asked for: the plan scores a million pairs.
 */
function computeScore(
  worker: MatchingWorker,
  household: MatchingHousehold,
  vacancy: MatchingVacancy,
  ctx: MatchingContext,
  reasons?: MatchReason[],
): number {
  let total = 0;
  const note = (code: ReasonCode, points: number, detail?: ReasonDetail): void => {
    if (points <= 0) return;
    total += points;
    if (reasons) reasons.push(reason(code, points, detail));
  };

  const required = vacancy.requiredSkills;
  if (required.length === 0) {
    note('no_skill_required', WEIGHTS.noSkillRequired);
  } else {
    let matchedCount = 0;
    for (const s of required) if (worker.skills.includes(s) || worker.trainings.includes(s)) matchedCount++;
    const points = Math.round((WEIGHTS.skillsFull * matchedCount) / required.length);
    const matched = reasons
      ? required.filter((s) => worker.skills.includes(s) || worker.trainings.includes(s))
      : undefined;
    note('skills_matched', points, { matched, required: required.length });
  }
  let trainedCount = 0;
  for (const t of worker.trainings) if (t === vacancy.occupation || required.includes(t)) trainedCount++;
  if (trainedCount > 0) {
    const matched = reasons
      ? worker.trainings.filter((t) => t === vacancy.occupation || required.includes(t))
      : undefined;
    note('training_matched', WEIGHTS.trainingMatched, { matched });
  }

  const loc = vacancy.location;
  if (loc.provinceIsGuizhou) {
    if (loc.relocationSiteId !== undefined && loc.relocationSiteId === worker.relocationSiteId) {
      note('same_relocation_site', WEIGHTS.sameRelocationSite);
    } else if (loc.countyCode === worker.countyCode) {
      note('same_county', WEIGHTS.sameCounty);
    } else if (loc.prefectureCode === worker.prefectureCode) {
      note('same_prefecture', WEIGHTS.samePrefecture);
    } else {
      note('in_province', WEIGHTS.inProvince);
    }
  } else if (loc.partnerPrefectureCode !== undefined && loc.partnerPrefectureCode === worker.prefectureCode) {
    note('partner_city_station', WEIGHTS.partnerCityStation);
  } else {
    note('out_of_province', WEIGHTS.outOfProvince);
  }

  const expected = worker.expectedMonthlyWage;
  if (expected === undefined || expected <= 0) {
    note('no_wage_expectation', WEIGHTS.noWageExpectation);
  } else {
    const wage = reasons ? { expected, wageMin: vacancy.wageMin, wageMax: vacancy.wageMax } : undefined;
    if (vacancy.wageMin >= expected) {
      note('wage_meets_expectation', WEIGHTS.wageMeets, wage);
    } else if (vacancy.wageMax >= expected) {
      note('wage_range_reaches_expectation', WEIGHTS.wageRangeReaches, wage);
    } else {
      const points = Math.max(
        0,
        Math.round(WEIGHTS.wageBelowMax * (1 - 2 * (1 - vacancy.wageMax / expected))),
      );
      note('wage_below_expectation', points, wage);
    }
  }

  if (needsCover(household)) {
    note('zero_employment_household', WEIGHTS.zeroEmploymentHousehold);
  } else {
    const capable = Math.max(household.labourCapable, 1);
    const points = Math.round(
      WEIGHTS.householdLowEmploymentMax * Math.max(0, 1 - household.employed / capable),
    );
    note('household_low_employment', points, {
      employed: household.employed,
      labourCapable: household.labourCapable,
    });
  }

  if (worker.returnee) note('returnee', WEIGHTS.returnee);
  const age = ageAt(worker, ctx);
  if (age >= OLDER_WORKER_AGE) note('older_worker', WEIGHTS.olderWorker, { age });

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

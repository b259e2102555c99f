import {
  ageAt,
  MatchingContext,
  MatchingVacancy,
  MatchingWorker,
  WorkPreference,
  VacancyLocation,
} from './model';

/** Why a worker may not take a vacancy. These rules are never traded against a score. */
export type HardConstraintViolation =
  | 'vacancy_not_open'
  | 'vacancy_expired'
  | 'no_openings_left'
  | 'worker_already_employed'
  | 'age_out_of_range'
  | 'capacity_not_accepted'
  | 'weak_capacity_market_job'
  | 'preference_mismatch'
  | 'welfare_post_other_county';

/** Weak labour capacity is placed only in public-welfare posts and flexible work, whatever a poster accepts. */
const SOURCES_FOR_WEAK_CAPACITY = new Set(['public_welfare', 'flexible']);

export function locationFitsPreference(
  preference: WorkPreference,
  workerCountyCode: string,
  location: VacancyLocation,
): boolean {
  switch (preference) {
    case 'any':
      return true;
    case 'out_of_province':
      return !location.provinceIsGuizhou;
    case 'in_province':
      return location.provinceIsGuizhou;
    case 'local':
      return location.provinceIsGuizhou && location.countyCode === workerCountyCode;
  }
}

export function hardConstraintViolations(
  worker: MatchingWorker,
  vacancy: MatchingVacancy,
  ctx: MatchingContext,
): HardConstraintViolation[] {
  const out: HardConstraintViolation[] = [];
  if (vacancy.status !== 'open') out.push('vacancy_not_open');
  if (vacancy.expiresAt <= ctx.now) out.push('vacancy_expired');
  if (vacancy.remainingOpenings <= 0) out.push('no_openings_left');
  if (worker.employed) out.push('worker_already_employed');
  const age = ageAt(worker, ctx);
  if (age < vacancy.ageMin || age > vacancy.ageMax) out.push('age_out_of_range');
  if (!vacancy.acceptedCapacities.includes(worker.labourCapacity)) out.push('capacity_not_accepted');
  if (worker.labourCapacity === 'weak' && !SOURCES_FOR_WEAK_CAPACITY.has(vacancy.source)) {
    out.push('weak_capacity_market_job');
  }
  if (!locationFitsPreference(worker.preference, worker.countyCode, vacancy.location)) {
    out.push('preference_mismatch');
  }
  // Public-welfare posts are county-run for the county's own residents.
  if (vacancy.source === 'public_welfare' && vacancy.location.countyCode !== worker.countyCode) {
    out.push('welfare_post_other_county');
  }
  return out;
}

/** Same rules as hardConstraintViolations, without allocating: it runs for every candidate pair. */
export function isEligible(worker: MatchingWorker, vacancy: MatchingVacancy, ctx: MatchingContext): boolean {
  if (vacancy.status !== 'open' || vacancy.expiresAt <= ctx.now || vacancy.remainingOpenings <= 0)
    return false;
  if (worker.employed) return false;
  const age = ageAt(worker, ctx);
  if (age < vacancy.ageMin || age > vacancy.ageMax) return false;
  if (!vacancy.acceptedCapacities.includes(worker.labourCapacity)) return false;
  if (worker.labourCapacity === 'weak' && !SOURCES_FOR_WEAK_CAPACITY.has(vacancy.source)) return false;
  if (!locationFitsPreference(worker.preference, worker.countyCode, vacancy.location)) return false;
  return !(vacancy.source === 'public_welfare' && vacancy.location.countyCode !== worker.countyCode);
}

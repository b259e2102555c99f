import {
  GUIZHOU_PROVINCE_NAME,
  type LabourCapacity,
  type WorkLocation,
  type WorkPreference,
} from '@contracts';
import type { Rejection } from '../shared/decider';
import type { VacancyState } from './vacancy.state';

/** What the placement rules need to know of a worker (from the household state). */
export interface PlacementCandidate {
  readonly workerId: string;
  readonly birthYear: number;
  readonly labourCapacity: LabourCapacity;
  readonly preference: WorkPreference;
  /** The county of the worker's household (where the relocation site is). */
  readonly countyCode: string;
}

export type PlacementRule =
  'labour_capacity' | 'age' | 'capacity_accepted' | 'weak_capacity' | 'preference' | 'welfare_county';

export interface ConstraintViolation {
  readonly rule: PlacementRule;
  readonly message: string;
}

const GUIZHOU_NAMES = new Set([GUIZHOU_PROVINCE_NAME, '贵州', 'guizhou', 'guizhou province']);

/** A work location is in Guizhou when its county code is (52xxxx), or, without one, by its province name. */
export function isInGuizhou(location: WorkLocation): boolean {
  if (location.countyCode) return location.countyCode.startsWith('52');
  return GUIZHOU_NAMES.has(location.province.trim().toLowerCase());
}

/**
 * Whether a location suits a preference. `local` is the worker's own county (the "15-minute employment
 * circle" around the relocation site), not the prefecture: a workshop in the next county is `in_province`.
 * This is the rule libs/matching applies, so a recommended vacancy is never refused here.
 */
export function locationFitsPreference(
  preference: WorkPreference,
  workerCountyCode: string,
  location: WorkLocation,
): boolean {
  switch (preference) {
    case 'any':
      return true;
    case 'out_of_province':
      return !isInGuizhou(location);
    case 'in_province':
      return isInGuizhou(location);
    case 'local':
      return isInGuizhou(location) && location.countyCode === workerCountyCode;
  }
}

/** Age as the matching engine counts it: calendar year of `now` minus birth year. */
export const ageInYear = (birthYear: number, now: string): number =>
  new Date(now).getUTCFullYear() - birthYear;

/** The county a posting is in: its location's, or for a public-welfare post the county that runs it (its source id). */
export const postingCountyOf = (posting: {
  readonly location: { readonly countyCode?: string };
  readonly source: { readonly type: string; readonly id: string };
}): string | undefined =>
  posting.location.countyCode ?? (posting.source.type === 'public_welfare' ? posting.source.id : undefined);

/**
 * The hard constraints a placement must meet that follow from the vacancy and the worker alone. Whether
 * openings are left and whether the worker is already employed are decided on their own streams.
 */
export function placementViolations(
  vacancy: Exclude<VacancyState, { status: 'none' }>,
  worker: PlacementCandidate,
  now: string,
): ConstraintViolation[] {
  const { posting } = vacancy;
  const out: ConstraintViolation[] = [];
  const capacity = worker.labourCapacity;
  if (capacity === 'none') {
    out.push({ rule: 'labour_capacity', message: `Worker ${worker.workerId} has no labour capacity` });
  }
  const age = ageInYear(worker.birthYear, now);
  if (age < posting.ageRange.min || age > posting.ageRange.max) {
    out.push({
      rule: 'age',
      message: `Worker ${worker.workerId} is ${age} in ${now.slice(0, 4)}; the vacancy takes ages ${posting.ageRange.min}-${posting.ageRange.max}`,
    });
  }
  if (capacity !== 'none' && !posting.labourCapacities.includes(capacity)) {
    out.push({
      rule: 'capacity_accepted',
      message: `The vacancy takes labour capacity ${posting.labourCapacities.join(', ')}, not ${capacity}`,
    });
  }
  // Weak capacity is placed only where the work can bend to it: public-welfare posts or flexible hours.
  if (capacity === 'weak' && posting.source.type !== 'public_welfare' && posting.flexibleHours !== true) {
    out.push({
      rule: 'weak_capacity',
      message:
        'A worker with weak labour capacity is placed only in a public-welfare post or a post with flexible hours',
    });
  }
  // A public-welfare post is in the county that runs it even when its location names no county.
  const location = { ...posting.location, countyCode: postingCountyOf(posting) };
  if (!locationFitsPreference(worker.preference, worker.countyCode, location)) {
    const where = location.countyCode ?? `${location.province} ${location.city}`;
    out.push({
      rule: 'preference',
      message: `Worker ${worker.workerId} prefers ${worker.preference} work; the vacancy is in ${where}`,
    });
  }
  // Public-welfare posts are county-run for the county's own residents.
  const welfareCounty = location.countyCode;
  if (posting.source.type === 'public_welfare' && welfareCounty !== worker.countyCode) {
    out.push({
      rule: 'welfare_county',
      message: `Public-welfare post of county ${welfareCounty} is for its residents; the worker's household is in ${worker.countyCode}`,
    });
  }
  return out;
}

/** The first-class answer: undefined when the placement may go ahead, else a `constraint_violated` rejection. */
export function checkPlacementConstraints(
  vacancy: VacancyState,
  worker: PlacementCandidate,
  now: string,
): Rejection | undefined {
  if (vacancy.status === 'none') return { code: 'not_found', message: 'The vacancy does not exist' };
  const violations = placementViolations(vacancy, worker, now);
  if (violations.length === 0) return undefined;
  return {
    code: 'constraint_violated',
    message: violations.map((v) => v.message).join('; '),
    details: { violations },
  };
}

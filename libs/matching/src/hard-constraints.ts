import {
  isPlacementAllowed,
  placementRulesBroken,
  type PlacementRule,
} from '@lib/domain/placements/placement-rules';
import { MatchingContext, MatchingVacancy, MatchingWorker, yearAt } from './model';

/**
 * Why a worker may not take a vacancy. These rules are never traded against a score. The first four are
 * states of the vacancy's and the worker's streams; the others are the placement rules the placement
 * saga checks too (libs/domain/src/placements/placement-rules.ts), read from the same facts: a
 * MatchingWorker and a MatchingVacancy are placement facts as they are.
 */
export type HardConstraintViolation =
  | 'vacancy_not_open'
  | 'vacancy_expired'
  | 'no_openings_left'
  | 'worker_already_employed'
  | 'no_labour_capacity'
  | 'age_out_of_range'
  | 'capacity_not_accepted'
  | 'weak_capacity_market_job'
  | 'preference_mismatch'
  | 'welfare_post_other_county';

/** Matching's name for each placement rule (`no_labour_capacity` cannot happen: matching has no such worker). */
const VIOLATION_OF_RULE: Record<PlacementRule, HardConstraintViolation> = {
  labour_capacity: 'no_labour_capacity',
  age: 'age_out_of_range',
  capacity_accepted: 'capacity_not_accepted',
  weak_capacity: 'weak_capacity_market_job',
  preference: 'preference_mismatch',
  welfare_county: 'welfare_post_other_county',
};

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
  for (const { rule } of placementRulesBroken(worker, vacancy, yearAt(ctx)))
    out.push(VIOLATION_OF_RULE[rule]);
  return out;
}

/** Same rules as hardConstraintViolations, without allocating: it runs for every candidate pair. */
export function isEligible(worker: MatchingWorker, vacancy: MatchingVacancy, ctx: MatchingContext): boolean {
  if (vacancy.status !== 'open' || vacancy.expiresAt <= ctx.now || vacancy.remainingOpenings <= 0)
    return false;
  if (worker.employed) return false;
  return isPlacementAllowed(worker, vacancy, yearAt(ctx));
}

import {
  placementRulesBroken,
  placementVacancyFacts,
  postingCountyOf,
  type BrokenPlacementRule,
  type PlacementWorkerFacts,
} from '../placements/placement-rules';
import { yearOf } from '../shared/business-dates';
import type { Rejection } from '../shared/decider';
import type { VacancyState } from './vacancy.state';

// The rules themselves are in placements/placement-rules.ts; these names stay importable from here.
export { isInGuizhou, postingCountyOf, type PlacementRule } from '../placements/placement-rules';

/** The worker a placement is for: the facts the placement rules read (from the household state), and who. */
export interface PlacementCandidate extends PlacementWorkerFacts {
  readonly workerId: string;
}

export type ConstraintViolation = BrokenPlacementRule;

/**
 * The hard constraints a placement must meet that follow from the vacancy and the worker alone, checked in
 * the calendar year of `now`. Whether openings are left and whether the worker is already employed are
 * decided on their own streams.
 */
export function placementViolations(
  vacancy: Exclude<VacancyState, { status: 'none' }>,
  worker: PlacementCandidate,
  now: string,
): ConstraintViolation[] {
  const { posting } = vacancy;
  return placementRulesBroken(worker, placementVacancyFacts(posting), yearOf(Date.parse(now)), {
    worker: `Worker ${worker.workerId}`,
    place: postingCountyOf(posting) ?? `${posting.location.province} ${posting.location.city}`,
  });
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

/**
 * The pure logic of the placement saga (docs/adr/0002-placement-saga.md): which step comes next for a
 * placement, what recovery does with a pending reservation, and the derived event ids that make every
 * step idempotent. The I/O shell is libs/event-store/src/command-handling/placement-flow.ts.
 */
import type { Channel } from '@contracts';
import { isInGuizhou, postingCountyOf, type PlacementCandidate } from '../postings/placement-constraints';
import type { VacancyState } from '../postings/vacancy.state';
import type { HouseholdState } from '../workforce/household.state';
import { nameBasedUuid } from '../shared/name-based-id';
import { welfareTermEnd } from '../workforce/welfare-term';

export type SagaStepName = 'reserve' | 'place' | 'confirm' | 'void' | 'release';

export type PlacementStep =
  | { readonly step: 'reserve' }
  | { readonly step: 'place' }
  | { readonly step: 'confirm' }
  | { readonly step: 'release' }
  | { readonly step: 'done'; readonly outcome: 'placed' | 'released' }
  /** The streams disagree in a way the protocol never produces (e.g. placed but released): a bug to report. */
  | { readonly step: 'inconsistent'; readonly message: string };

type HouseholdSide = 'placed' | 'voided' | 'neither';

function householdSide(household: HouseholdState, placementId: string): HouseholdSide {
  if (household.status === 'none') return 'neither';
  if (household.placements.has(placementId)) return 'placed';
  return household.voidedPlacements.has(placementId) ? 'voided' : 'neither';
}

/**
 * The next step of a placement from what both streams say. A household that refused WorkerPlaced leaves
 * no trace, so "pending and neither" reads as `place`: the flow that got the refusal releases at once.
 */
export function nextPlacementStep(
  vacancy: VacancyState,
  household: HouseholdState,
  placementId: string,
): PlacementStep {
  const reservation = vacancy.status === 'none' ? undefined : vacancy.reservations.get(placementId);
  const side = householdSide(household, placementId);
  const status = reservation?.status ?? 'absent';
  switch (side) {
    case 'placed':
      if (status === 'pending') return { step: 'confirm' };
      if (status === 'confirmed') return { step: 'done', outcome: 'placed' };
      return {
        step: 'inconsistent',
        message: `Placement ${placementId} is placed but its reservation is ${status}`,
      };
    case 'voided':
      if (status === 'pending') return { step: 'release' };
      if (status === 'released' || status === 'absent') return { step: 'done', outcome: 'released' };
      return {
        step: 'inconsistent',
        message: `Placement ${placementId} is voided but its reservation is confirmed`,
      };
    case 'neither':
      if (status === 'absent') return { step: 'reserve' };
      if (status === 'pending') return { step: 'place' };
      if (status === 'released') return { step: 'done', outcome: 'released' };
      return {
        step: 'inconsistent',
        message: `Placement ${placementId} is confirmed but the household has no WorkerPlaced`,
      };
  }
}

/**
 * What recovery does with a reservation left pending: confirm when the household committed; otherwise void
 * the placement on the household (racing a late WorkerPlaced on the revision just read), then release.
 */
export function recoveryStep(
  household: HouseholdState,
  placementId: string,
): 'confirm' | 'void_then_release' | 'release' {
  switch (householdSide(household, placementId)) {
    case 'placed':
      return 'confirm';
    case 'voided':
      return 'release';
    case 'neither':
      return 'void_then_release';
  }
}

// A fixed namespace for the saga's name-based ids (a random v4, chosen once).
const SAGA_NAMESPACE = '6f1c2a4e-8b9d-4f3a-a7c5-e2d1b0f9e8c7';

/** The event id of one step of one placement, so a retried step offers the store the same id. */
export const sagaEventId = (placementId: string, step: SagaStepName): string =>
  nameBasedUuid(SAGA_NAMESPACE, `${placementId}/${step}`);

/**
 * The channel follows from the vacancy: a labour-station post is out_of_province, or in_province when the
 * station collected a post inside Guizhou; workshop and public-welfare posts are their own channels.
 */
export function placementChannel(vacancy: Exclude<VacancyState, { status: 'none' }>): Channel {
  const { source, location } = vacancy.posting;
  switch (source.type) {
    case 'labour_station':
      return isInGuizhou(location) ? 'in_province' : 'out_of_province';
    case 'workshop':
      return 'workshop';
    case 'public_welfare':
      return 'public_welfare';
  }
}

/**
 * What a placement into a public-welfare post records of its term (有序退岗): the day the term ends (the start
 * date plus the post's term in months) and the county that runs the post. Nothing for any other post.
 */
export function welfareTermOf(
  vacancy: Exclude<VacancyState, { status: 'none' }>,
  startDate: string,
): { readonly welfareTermEndsOn: string; readonly welfareCountyCode: string } | Record<string, never> {
  const { posting } = vacancy;
  const county = postingCountyOf(posting);
  if (posting.source.type !== 'public_welfare' || !posting.welfare || !county) return {};
  return {
    welfareTermEndsOn: welfareTermEnd(startDate, posting.welfare.termMonths),
    welfareCountyCode: county,
  };
}

/** The worker as the placement rules see it, or undefined when the household has no such worker. */
export function placementCandidateOf(
  household: HouseholdState,
  workerId: string,
): PlacementCandidate | undefined {
  if (household.status === 'none') return undefined;
  const worker = household.workers.get(workerId);
  if (!worker) return undefined;
  const { birthYear, labourCapacity, preference } = worker;
  return { workerId, birthYear, labourCapacity, preference, countyCode: household.countyCode };
}

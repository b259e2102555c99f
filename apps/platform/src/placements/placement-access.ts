import { householdStream, vacancyStream, type EventData } from '@contracts';
import { canActForCounty, isCountyOffice, requireScope, type Principal } from '@lib/auth';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { RegisteredHousehold } from '@lib/domain/workforce/household.state';
import { loadState, type EventStore } from '@lib/event-store';
import { rejectWith } from '../command-handling/rejection';
import { mayActForSource } from '../postings/vacancy-poster';
import { householdOfPlacement } from './placement-id';

export interface PlacedOnHousehold {
  readonly household: RegisteredHousehold;
  readonly placement: EventData<'WorkerPlaced'>;
}

/**
 * A placement from its id (`<householdId>:<uuid>`: the household's stream, no lookup), 404 when no household
 * holds it, then 403 unless the caller may act on it: a broker or the office of the household's county, the
 * station whose vacancy the worker was placed in, or the admin.
 */
export async function placementForCommand(
  store: EventStore,
  placementId: string,
  principal: Principal,
  action: string,
): Promise<PlacedOnHousehold> {
  const householdId = householdOfPlacement(placementId);
  const { state } = householdId
    ? await loadState(store, householdStream(householdId), householdDecider)
    : { state: undefined };
  const placement = state?.status === 'registered' ? state.placements.get(placementId) : undefined;
  if (state?.status !== 'registered' || !placement) {
    return rejectWith({ code: 'not_found', message: `Placement ${placementId} does not exist` });
  }
  requireScope(
    await mayActOnPlacement(store, principal, state, placement.vacancyId),
    `Only a broker or county office of the household’s county, or the placing station, may ${action}`,
  );
  return { household: state, placement };
}

async function mayActOnPlacement(
  store: EventStore,
  principal: Principal,
  household: RegisteredHousehold,
  vacancyId: string,
): Promise<boolean> {
  if (principal.role === 'broker') return canActForCounty(principal, household.countyCode);
  if (principal.role !== 'station') return isCountyOffice(principal, household.countyCode);
  const { state: vacancy } = await loadState(store, vacancyStream(vacancyId), vacancyDecider);
  return vacancy.status !== 'none' && mayActForSource(principal, vacancy.posting.source);
}

import { householdStream, vacancyStream, type EventData } from '@contracts';
import { canActForCounty, isCountyOffice, requireScope, type Principal } from '@lib/auth';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { HouseholdCommand } from '@lib/domain/workforce/household.commands';
import type { RegisteredHousehold } from '@lib/domain/workforce/household.state';
import { loadState, type EventStore } from '@lib/event-store';
import { withPosition, type WithPosition } from '@lib/http';
import type { CommandContext } from '../command-handling/command-context';
import { decideOnHousehold } from '../command-handling/decide-and-append';
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
async function placementForCommand(
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

/**
 * A command on a placement (end it, record a follow-up): the placement found and the caller checked as
 * placementForCommand does (`action` names what is refused), then `commandFor` it decided on its household's
 * stream. Answers the position of what was appended.
 */
export async function decideOnPlacement(
  store: EventStore,
  placementId: string,
  ctx: CommandContext,
  action: string,
  commandFor: (found: PlacedOnHousehold) => HouseholdCommand,
): Promise<WithPosition<object>> {
  const found = await placementForCommand(store, placementId, ctx.principal, action);
  const { position } = await decideOnHousehold(store, found.household.householdId, commandFor(found), ctx);
  return withPosition({}, position);
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

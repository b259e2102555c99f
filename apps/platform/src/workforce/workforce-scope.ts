import { isCountyOffice, requireScope } from '@lib/auth';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { RegisteredHousehold } from '@lib/domain/workforce/household.state';
import { loadState, type EventStore } from '@lib/event-store';
import type { CommandContext } from '../command-handling/command-context';
import { rejectWith } from '../command-handling/rejection';
import { householdStream, parseWorkerId } from '@contracts';

/**
 * Loads a household for a command on it or its members: 404 when it does not exist, 403 unless the caller
 * is the office of the household's county (or the admin).
 */
export async function requireHouseholdOffice(
  store: EventStore,
  householdId: string,
  ctx: CommandContext,
): Promise<RegisteredHousehold> {
  const { state } = await loadState(store, householdStream(householdId), householdDecider);
  if (state.status === 'none') {
    return rejectWith({ code: 'not_found', message: `Household ${householdId} does not exist` });
  }
  requireScope(
    isCountyOffice(ctx.principal, state.countyCode),
    'A county office acts on households of its own county only',
  );
  return state;
}

/** A worker's household from its id (`<householdId>.<memberNo>`): 404 for an id that names none, then the check above. */
export async function workerHousehold(
  store: EventStore,
  workerId: string,
  ctx: CommandContext,
): Promise<string> {
  const parsed = parseWorkerId(workerId);
  if (!parsed) return rejectWith({ code: 'not_found', message: `Worker ${workerId} does not exist` });
  await requireHouseholdOffice(store, parsed.householdId, ctx);
  return parsed.householdId;
}

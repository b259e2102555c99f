import { householdOfScopedId, newHouseholdScopedId } from '../command-handling/household-scoped-id';

/**
 * A placement id carries its household: `<householdId>:<uuid>` (household-scoped-id.ts). Ending a placement or
 * recording its follow-up then finds the one stream that holds it without a lookup that could lag.
 */
export const newPlacementId = newHouseholdScopedId;

export const householdOfPlacement = householdOfScopedId;

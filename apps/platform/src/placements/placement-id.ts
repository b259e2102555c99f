import { randomUUID } from 'node:crypto';

/**
 * A placement id carries its household: `<householdId>:<uuid>`. Ending a placement then finds the one
 * stream that holds it without a lookup that could lag behind the write (the same reasoning as worker ids
 * `<householdId>.<memberNo>`, ADR 0001). A uuid has no ':', so the last ':' splits the two.
 */
export const newPlacementId = (householdId: string): string => `${householdId}:${randomUUID()}`;

export function householdOfPlacement(placementId: string): string | undefined {
  const colon = placementId.lastIndexOf(':');
  return colon > 0 ? placementId.slice(0, colon) : undefined;
}

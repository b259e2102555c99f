import { randomUUID } from 'node:crypto';

/**
 * An id that carries its household: `<householdId>:<uuid>`. A placement, an employment report and a current
 * employment at registration get one, so a command on them finds the one stream that holds them without a
 * lookup that could lag behind the write (the same reasoning as worker ids `<householdId>.<memberNo>`,
 * ADR 0001). A uuid has no ':', so the last ':' splits the two.
 */
export const newHouseholdScopedId = (householdId: string): string => `${householdId}:${randomUUID()}`;

/** The household part of a household-scoped id; undefined for an id without one. */
export function householdOfScopedId(id: string): string | undefined {
  const colon = id.lastIndexOf(':');
  return colon > 0 ? id.slice(0, colon) : undefined;
}

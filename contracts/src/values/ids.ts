import { z } from 'zod';

/**
 * Ids are uuids, except derived ones (worker ids) and seeded ones (stations, sites); so an id is a short
 * token of safe characters, and the worker id has its own shape.
 */
export const entityId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_:-]{0,99}$/, 'An id is 1-100 letters, digits, "_", ":" or "-"');

export const householdId = entityId;
export const vacancyId = entityId;
export const placementId = entityId;
export const employmentId = entityId;
export const stationId = entityId;
export const workshopId = entityId;
export const relocationSiteId = entityId;
export const actorId = z.string().min(1).max(200);

/** `<householdId>.<memberNo>`, memberNo from 1. */
export const workerId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_:-]{0,99}\.[1-9]\d?$/, 'A worker id is "<householdId>.<memberNo>"');

export const memberNo = z.number().int().min(1).max(20);

export const workerIdOf = (household: string, member: number): string => `${household}.${member}`;

/** Splits a worker id; undefined when it is not one. */
export function parseWorkerId(id: string): { householdId: string; memberNo: number } | undefined {
  if (!workerId.safeParse(id).success) return undefined;
  const dot = id.lastIndexOf('.');
  return { householdId: id.slice(0, dot), memberNo: Number(id.slice(dot + 1)) };
}

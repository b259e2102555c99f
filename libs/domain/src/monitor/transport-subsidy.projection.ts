import type { KeyedProjection } from '../shared/keyed-projection';

/**
 * The cross-province transport subsidy: a worker placed out of the province earns it once per calendar year
 * (the year the placement starts). The rule lives in the household projection (each member's
 * `transportSubsidyYears`) and the process manager appends `TransportSubsidyEligible`; this projection lists
 * those grants, one document per worker and year.
 */
export interface TransportSubsidyGrant {
  readonly workerId: string;
  readonly householdId: string;
  readonly countyCode: string;
  readonly year: number;
  readonly placementId: string;
  readonly eligibleAt: string;
  readonly lastRevision: number;
}

export const transportSubsidyKey = (workerId: string, year: number): string => `${workerId}#${year}`;

export const transportSubsidyProjection: KeyedProjection<TransportSubsidyGrant, 'TransportSubsidyEligible'> =
  {
    name: 'transport-subsidy',
    handles: ['TransportSubsidyEligible'],
    keyOf: (event) => transportSubsidyKey(event.data.workerId, event.data.year),
    // The first grant of a worker and year stands; a second one (impossible from the process manager) is ignored.
    evolve: (doc, event) =>
      doc ?? { ...event.data, eligibleAt: event.occurredAt, lastRevision: event.revision },
  };

/** Whether a worker already has the subsidy of a year, from the grants. */
export const hasTransportSubsidy = (
  grants: Readonly<Record<string, TransportSubsidyGrant>>,
  workerId: string,
  year: number,
): boolean => transportSubsidyKey(workerId, year) in grants;

import type { Channel } from '@contracts';
import { dayOf } from '../shared/business-dates';
import type { KeyedProjection } from '../shared/keyed-projection';

/**
 * Every placement a household's members were given, kept after it ended or was voided: the reports by labour
 * station and by workshop count placements made, ended and retained, which the household-employment document
 * (current employment only) forgets. One document per household, fed by the household stream alone, so its
 * revision guard makes a replay harmless; the county comes from the registration.
 */
export interface ReportPlacement {
  readonly placementId: string;
  readonly workerId: string;
  readonly vacancyId: string;
  readonly channel: Channel;
  /** The day the work starts, `YYYY-MM-DD`. */
  readonly startDate: string;
  /** The day in Guizhou the employment ended (EmploymentEnded with employmentId = placementId); null while on. */
  readonly endedOn: string | null;
  /** PlacementVoided: the placement never happened and counts nowhere. */
  readonly voided: boolean;
}

export interface HouseholdPlacements {
  readonly householdId: string;
  readonly countyCode: string;
  readonly placements: readonly ReportPlacement[];
  readonly lastRevision: number;
}

type HouseholdPlacementsEventType =
  'HouseholdRegistered' | 'WorkerPlaced' | 'EmploymentEnded' | 'PlacementVoided';

const withPlacement = (
  doc: HouseholdPlacements,
  placementId: string,
  change: (p: ReportPlacement) => ReportPlacement,
): HouseholdPlacements => {
  const index = doc.placements.findIndex((p) => p.placementId === placementId);
  if (index < 0) return doc;
  const before = doc.placements[index];
  const after = change(before);
  if (after === before) return doc;
  return { ...doc, placements: doc.placements.map((p, i) => (i === index ? after : p)) };
};

export const householdPlacementsProjection: KeyedProjection<
  HouseholdPlacements,
  HouseholdPlacementsEventType
> = {
  name: 'report-household-placements',
  handles: ['HouseholdRegistered', 'WorkerPlaced', 'EmploymentEnded', 'PlacementVoided'],
  keyOf: (event) => event.data.householdId,
  evolve(doc, event) {
    if (event.type === 'HouseholdRegistered') {
      if (doc) return doc;
      const { householdId, countyCode } = event.data;
      return { householdId, countyCode, placements: [], lastRevision: event.revision };
    }
    // Nothing of a household is stored before its registration (revision 0); ignoring keeps evolve total.
    if (doc === undefined) return doc;
    switch (event.type) {
      case 'WorkerPlaced': {
        const { placementId, workerId, vacancyId, channel, startDate } = event.data;
        if (doc.placements.some((p) => p.placementId === placementId)) return doc;
        const placement = {
          placementId,
          workerId,
          vacancyId,
          channel,
          startDate,
          endedOn: null,
          voided: false,
        };
        return { ...doc, placements: [...doc.placements, placement] };
      }
      case 'EmploymentEnded': {
        const endedOn = dayOf(event.data.endedAt);
        // Reported employment has no placement here; an end of an ended placement keeps the first end.
        return withPlacement(doc, event.data.employmentId, (p) =>
          p.endedOn === null ? { ...p, endedOn } : p,
        );
      }
      case 'PlacementVoided':
        return withPlacement(doc, event.data.placementId, (p) => (p.voided ? p : { ...p, voided: true }));
    }
  },
};

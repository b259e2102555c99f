import type { Channel } from '@contracts';
import type { KeyedProjection } from '../shared/keyed-projection';

export interface WorkerEmploymentStatus {
  readonly workerId: string;
  readonly householdId: string;
  readonly employed: boolean;
  readonly employmentId: string | null;
  readonly channel: Channel | null;
  /** Start date of the current employment. */
  readonly since: string | null;
  /** Every placement that put this worker in a job, oldest first (ended ones included). */
  readonly placementIds: readonly string[];
  /** Placements voided by the saga's recovery (never became employment). */
  readonly voidedPlacementIds: readonly string[];
  readonly lastRevision: number;
}

type WorkerEventType =
  'WorkerRegistered' | 'EmploymentReported' | 'WorkerPlaced' | 'EmploymentEnded' | 'PlacementVoided';

const unemployed = { employed: false, employmentId: null, channel: null, since: null } as const;

/**
 * One document per worker, fed by the household stream; evolve stamps `lastRevision` itself (no second copy
 * in applyProjection). Same edge cases as the household projection: a new
 * employment replaces the current one; an end or a void of another employment changes nothing.
 */
export const workerEmploymentStatusProjection: KeyedProjection<WorkerEmploymentStatus, WorkerEventType> = {
  name: 'worker-employment-status',
  handles: ['WorkerRegistered', 'EmploymentReported', 'WorkerPlaced', 'EmploymentEnded', 'PlacementVoided'],
  keyOf: (event) => event.data.workerId,
  evolve(doc, event) {
    if (event.type === 'WorkerRegistered') {
      const { workerId, householdId } = event.data;
      return (
        doc ?? {
          workerId,
          householdId,
          ...unemployed,
          placementIds: [],
          voidedPlacementIds: [],
          lastRevision: event.revision,
        }
      );
    }
    if (doc === undefined) return doc;
    switch (event.type) {
      case 'EmploymentReported': {
        const { employmentId, channel, startDate } = event.data;
        return {
          ...doc,
          employed: true,
          employmentId,
          channel,
          since: startDate,
          lastRevision: event.revision,
        };
      }
      case 'WorkerPlaced': {
        const { placementId, channel, startDate } = event.data;
        const placementIds = [...doc.placementIds, placementId];
        const lastRevision = event.revision;
        return {
          ...doc,
          employed: true,
          employmentId: placementId,
          channel,
          since: startDate,
          placementIds,
          lastRevision,
        };
      }
      case 'EmploymentEnded':
        return doc.employmentId === event.data.employmentId
          ? { ...doc, ...unemployed, lastRevision: event.revision }
          : doc;
      case 'PlacementVoided': {
        const voidedPlacementIds = [...doc.voidedPlacementIds, event.data.placementId];
        const ends = doc.employmentId === event.data.placementId;
        return { ...doc, ...(ends ? unemployed : {}), voidedPlacementIds, lastRevision: event.revision };
      }
    }
  },
};

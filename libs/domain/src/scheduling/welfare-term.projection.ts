import type { KeyedProjection } from '../shared/keyed-projection';
import { termEndInstant } from '../workforce/welfare-term';
import type { DueItem } from './due-item';

/**
 * A public-welfare placement's term end: due at the start of its end day while the placement is active;
 * moved by a renewal; done once the placement ended (at its term end or otherwise).
 */
export interface WelfareTermDue extends DueItem {
  readonly kind: 'welfare_term_end';
  readonly placementId: string;
  readonly workerId: string;
  readonly householdId: string;
  readonly vacancyId: string;
  /** The term's current end (YYYY-MM-DD). */
  readonly termEndsOn: string;
  readonly renewals: number;
  /** The end of the placement, once it ended. */
  readonly ended: { readonly reason: string; readonly endedAt: string } | null;
}

type Handled = 'WorkerPlaced' | 'WelfareTermRenewed' | 'EmploymentEnded';

/** Key: placementId; fed by the household's stream only. A placement without a term has no document. */
export const welfareTermProjection: KeyedProjection<WelfareTermDue, Handled> = {
  name: 'welfare-terms',
  handles: ['WorkerPlaced', 'WelfareTermRenewed', 'EmploymentEnded'],
  keyOf(event) {
    switch (event.type) {
      case 'WorkerPlaced':
        return event.data.welfareTermEndsOn === undefined ? undefined : event.data.placementId;
      case 'WelfareTermRenewed':
        return event.data.placementId;
      case 'EmploymentEnded':
        return event.data.employmentId;
    }
  },
  evolve(doc, event) {
    if (event.type === 'WorkerPlaced') {
      const { placementId, workerId, householdId, vacancyId, welfareTermEndsOn, welfareCountyCode } =
        event.data;
      if (doc || welfareTermEndsOn === undefined) return doc;
      return {
        kind: 'welfare_term_end',
        placementId,
        workerId,
        householdId,
        vacancyId,
        countyCode: welfareCountyCode ?? '',
        termEndsOn: welfareTermEndsOn,
        dueAt: termEndInstant(welfareTermEndsOn),
        pending: true,
        renewals: 0,
        ended: null,
        lastRevision: event.revision,
      };
    }
    if (doc === undefined || doc.ended !== null) return doc;
    if (event.type === 'WelfareTermRenewed') {
      const { termEndsOn } = event.data;
      const moved = { termEndsOn, dueAt: termEndInstant(termEndsOn), renewals: doc.renewals + 1 };
      return { ...doc, ...moved, lastRevision: event.revision };
    }
    const ended = { reason: event.data.reason, endedAt: event.data.endedAt };
    return { ...doc, pending: false, ended, lastRevision: event.revision };
  },
};

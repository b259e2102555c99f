import { postingCountyOf } from '../postings/placement-constraints';
import type { KeyedProjection } from '../shared/keyed-projection';
import { canonicalInstant, type DueItem } from './due-item';

/** A vacancy's expiry: due at its expiresAt while it is open; done once it expired or was withdrawn. */
export interface VacancyExpiryDue extends DueItem {
  readonly kind: 'vacancy_expiry';
  readonly vacancyId: string;
  /** The expiresAt as the vacancy's stream has it (dueAt is its canonical form). */
  readonly expiresAt: string;
  /** How the vacancy closed, once it did. */
  readonly closed: 'expired' | 'withdrawn' | null;
}

type Handled = 'VacancyPosted' | 'VacancyExpiryExtended' | 'VacancyWithdrawn' | 'VacancyExpired';

/** Key: vacancyId; fed by the vacancy's stream only. */
export const vacancyExpiryProjection: KeyedProjection<VacancyExpiryDue, Handled> = {
  name: 'vacancy-expiries',
  handles: ['VacancyPosted', 'VacancyExpiryExtended', 'VacancyWithdrawn', 'VacancyExpired'],
  keyOf: (event) => event.data.vacancyId,
  evolve(doc, event) {
    if (event.type === 'VacancyPosted') {
      if (doc) return doc;
      const { vacancyId, expiresAt } = event.data;
      return {
        kind: 'vacancy_expiry',
        vacancyId,
        countyCode: postingCountyOf(event.data) ?? '',
        expiresAt,
        dueAt: canonicalInstant(expiresAt),
        pending: true,
        closed: null,
        lastRevision: event.revision,
      };
    }
    if (doc === undefined || doc.closed !== null) return doc;
    switch (event.type) {
      case 'VacancyExpiryExtended': {
        const { expiresAt } = event.data;
        return { ...doc, expiresAt, dueAt: canonicalInstant(expiresAt), lastRevision: event.revision };
      }
      case 'VacancyWithdrawn':
        return { ...doc, pending: false, closed: 'withdrawn', lastRevision: event.revision };
      case 'VacancyExpired':
        return { ...doc, pending: false, closed: 'expired', lastRevision: event.revision };
    }
  },
};

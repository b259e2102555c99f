import type { VacancySource } from '@contracts';
import type { KeyedProjection } from '../shared/keyed-projection';

/**
 * Who posted a vacancy and which households had a placement through it: the way from a labour station or a
 * workshop to the placements it made (they live in the households' streams). One document per vacancy, fed
 * by the vacancy stream alone. A reservation released or voided leaves its household listed: the
 * household's placement document says whether the placement counts.
 */
export interface VacancyPlacements {
  readonly vacancyId: string;
  readonly source: VacancySource;
  /** Households that held an opening of the vacancy, in the order they first did. */
  readonly householdIds: readonly string[];
  readonly lastRevision: number;
}

/** The indexed key of a poster: `labour_station:<id>`, `workshop:<id>`, `public_welfare:<county>`. */
export const posterKey = (source: VacancySource): string => `${source.type}:${source.id}`;

export const vacancyPlacementsProjection: KeyedProjection<
  VacancyPlacements,
  'VacancyPosted' | 'VacancyOpeningReserved'
> = {
  name: 'report-vacancy-placements',
  handles: ['VacancyPosted', 'VacancyOpeningReserved'],
  keyOf: (event) => event.data.vacancyId,
  evolve(doc, event) {
    if (event.type === 'VacancyPosted') {
      return (
        doc ?? {
          vacancyId: event.data.vacancyId,
          source: event.data.source,
          householdIds: [],
          lastRevision: event.revision,
        }
      );
    }
    if (doc === undefined || doc.householdIds.includes(event.data.householdId)) return doc;
    return { ...doc, householdIds: [...doc.householdIds, event.data.householdId] };
  },
};

import type { LabourCapacity, VacancySource, WageRange, WorkLocation, AgeRange } from '@contracts';
import type { DocumentMap, KeyedProjection } from './projection';

export type VacancyStatus = 'open' | 'filled' | 'expired' | 'withdrawn';

export interface OpenVacancy {
  readonly vacancyId: string;
  readonly source: VacancySource;
  readonly title: string;
  readonly occupation: string;
  readonly skills: readonly string[];
  readonly location: WorkLocation;
  /** The work location's county, when it has one (every Guizhou post does). */
  readonly countyCode: string | null;
  readonly wage: WageRange;
  readonly ageRange: AgeRange;
  readonly labourCapacities: readonly LabourCapacity[];
  readonly accommodation: boolean;
  readonly openings: number;
  /** Placements holding an opening, not yet confirmed or released (saga step 1 done, step 3 not yet). */
  readonly reservedPlacementIds: readonly string[];
  readonly confirmedPlacementIds: readonly string[];
  /** openings - reserved - confirmed, never below 0 (openings may be lowered under what is taken). */
  readonly remainingOpenings: number;
  readonly status: VacancyStatus;
  readonly expiresAt: string;
  readonly postedAt: string;
  readonly lastRevision: number;
}

type VacancyEventType =
  | 'VacancyPosted'
  | 'VacancyOpeningsChanged'
  | 'VacancyExpiryExtended'
  | 'VacancyWithdrawn'
  | 'VacancyExpired'
  | 'VacancyOpeningReserved'
  | 'VacancyReservationConfirmed'
  | 'VacancyReservationReleased';

/** Withdrawn and expired are final and win over filled; filled (no opening left) is reversible. */
function settle(doc: Omit<OpenVacancy, 'remainingOpenings'> & { remainingOpenings?: number }): OpenVacancy {
  const taken = doc.reservedPlacementIds.length + doc.confirmedPlacementIds.length;
  const remainingOpenings = Math.max(0, doc.openings - taken);
  const status: VacancyStatus =
    doc.status === 'withdrawn' || doc.status === 'expired'
      ? doc.status
      : remainingOpenings === 0
        ? 'filled'
        : 'open';
  return { ...doc, remainingOpenings, status };
}

const without = (ids: readonly string[], id: string): readonly string[] => ids.filter((x) => x !== id);

/** Every event of a vacancy stream. */
export const VACANCY_EVENT_TYPES = [
  'VacancyPosted',
  'VacancyOpeningsChanged',
  'VacancyExpiryExtended',
  'VacancyWithdrawn',
  'VacancyExpired',
  'VacancyOpeningReserved',
  'VacancyReservationConfirmed',
  'VacancyReservationReleased',
] as const satisfies readonly VacancyEventType[];

export const openVacanciesProjection: KeyedProjection<OpenVacancy, VacancyEventType> = {
  name: 'open-vacancies',
  handles: VACANCY_EVENT_TYPES,
  keyOf: (event) => event.data.vacancyId,
  evolve(doc, event) {
    if (event.type === 'VacancyPosted') {
      if (doc) return doc;
      const d = event.data;
      return settle({
        ...{
          vacancyId: d.vacancyId,
          source: d.source,
          title: d.title,
          occupation: d.occupation,
          skills: d.skills,
        },
        ...{
          location: d.location,
          countyCode: d.location.countyCode ?? null,
          wage: d.wage,
          ageRange: d.ageRange,
        },
        ...{ labourCapacities: d.labourCapacities, accommodation: d.accommodation, openings: d.openings },
        ...{ reservedPlacementIds: [], confirmedPlacementIds: [], status: 'open' },
        ...{ expiresAt: d.expiresAt, postedAt: d.postedAt, lastRevision: -1 },
      });
    }
    if (doc === undefined) return doc;
    switch (event.type) {
      case 'VacancyOpeningsChanged':
        return settle({ ...doc, openings: event.data.openings });
      case 'VacancyExpiryExtended':
        return { ...doc, expiresAt: event.data.expiresAt };
      case 'VacancyWithdrawn':
        return settle({ ...doc, status: 'withdrawn' });
      case 'VacancyExpired':
        return doc.status === 'withdrawn' ? doc : settle({ ...doc, status: 'expired' });
      case 'VacancyOpeningReserved': {
        const id = event.data.placementId;
        if (doc.reservedPlacementIds.includes(id) || doc.confirmedPlacementIds.includes(id)) return doc;
        return settle({ ...doc, reservedPlacementIds: [...doc.reservedPlacementIds, id] });
      }
      case 'VacancyReservationConfirmed': {
        const id = event.data.placementId;
        if (!doc.reservedPlacementIds.includes(id)) return doc;
        const reservedPlacementIds = without(doc.reservedPlacementIds, id);
        return settle({
          ...doc,
          reservedPlacementIds,
          confirmedPlacementIds: [...doc.confirmedPlacementIds, id],
        });
      }
      case 'VacancyReservationReleased':
        return settle({
          ...doc,
          reservedPlacementIds: without(doc.reservedPlacementIds, event.data.placementId),
        });
    }
  },
};

export interface VacancyQuery {
  readonly countyCode?: string;
  readonly sourceType?: VacancySource['type'];
  readonly status?: VacancyStatus;
}

/** Vacancies matching a query, newest first (ties by id, so pages are stable). */
export function listVacancies(docs: DocumentMap<OpenVacancy>, query: VacancyQuery = {}): OpenVacancy[] {
  return Object.values(docs)
    .filter((v) => query.countyCode === undefined || v.countyCode === query.countyCode)
    .filter((v) => query.sourceType === undefined || v.source.type === query.sourceType)
    .filter((v) => query.status === undefined || v.status === query.status)
    .sort((a, b) => b.postedAt.localeCompare(a.postedAt) || a.vacancyId.localeCompare(b.vacancyId));
}

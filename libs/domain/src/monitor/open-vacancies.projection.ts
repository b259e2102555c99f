import {
  eventTypesOf,
  type AgeRange,
  type EventData,
  type EventsOfStream,
  type LabourCapacity,
  type VacancyDetails,
  type VacancySource,
  type WelfareTerms,
  type WageRange,
  type WorkLocation,
} from '@contracts';
import type { DocumentMap, KeyedProjection } from '../shared/keyed-projection';

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
  /** What a worker asks before going (employer, hours, contract, insurance, meals, contact), as posted. */
  readonly details: VacancyDetails & { readonly welfare?: WelfareTerms; readonly flexibleHours?: boolean };
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

type VacancyEventType = EventsOfStream<'vacancy'>['type'];

type VacancyChange = Partial<
  Pick<OpenVacancy, 'openings' | 'reservedPlacementIds' | 'confirmedPlacementIds' | 'status'>
>;

/**
 * The vacancy with `change` applied, its remaining openings and status settled and the revision stamped, in
 * one new document. Withdrawn and expired are final and win over filled; filled (no opening left) is
 * reversible.
 */
function settle(doc: OpenVacancy, change: VacancyChange, revision: number): OpenVacancy {
  const reserved = change.reservedPlacementIds ?? doc.reservedPlacementIds;
  const confirmed = change.confirmedPlacementIds ?? doc.confirmedPlacementIds;
  const remainingOpenings = Math.max(
    0,
    (change.openings ?? doc.openings) - reserved.length - confirmed.length,
  );
  const current = change.status ?? doc.status;
  const status: VacancyStatus =
    current === 'withdrawn' || current === 'expired' ? current : remainingOpenings === 0 ? 'filled' : 'open';
  // Every field written out: spreading `change` over `doc` was the projection's main cost in a rebuild.
  return {
    vacancyId: doc.vacancyId,
    source: doc.source,
    title: doc.title,
    occupation: doc.occupation,
    skills: doc.skills,
    location: doc.location,
    countyCode: doc.countyCode,
    wage: doc.wage,
    ageRange: doc.ageRange,
    labourCapacities: doc.labourCapacities,
    accommodation: doc.accommodation,
    details: doc.details,
    openings: change.openings ?? doc.openings,
    reservedPlacementIds: reserved,
    confirmedPlacementIds: confirmed,
    remainingOpenings,
    status,
    expiresAt: doc.expiresAt,
    postedAt: doc.postedAt,
    lastRevision: revision,
  };
}

/** The posting's optional details, only those it has (a document stays as small as the posting). */
function detailsOf(d: EventData<'VacancyPosted'>): OpenVacancy['details'] {
  const { employerId, description, workingHours, contractTerms, socialInsurance, meals, contact } = d;
  const all = { employerId, description, workingHours, contractTerms, socialInsurance, meals, contact };
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({ ...all, welfare: d.welfare, flexibleHours: d.flexibleHours })) {
    if (value !== undefined) details[key] = value;
  }
  return details as OpenVacancy['details'];
}

const without = (ids: readonly string[], id: string): readonly string[] => ids.filter((x) => x !== id);

/** Every event of a vacancy stream. */
export const VACANCY_EVENT_TYPES = eventTypesOf('vacancy');

export const openVacanciesProjection: KeyedProjection<OpenVacancy, VacancyEventType> = {
  name: 'open-vacancies',
  handles: VACANCY_EVENT_TYPES,
  keyOf: (event) => event.data.vacancyId,
  // Every document evolve returns carries the event's revision (no second copy in applyProjection).
  evolve(doc, event) {
    const revision = event.revision;
    if (event.type === 'VacancyPosted') {
      if (doc) return doc;
      const d = event.data;
      const posted: OpenVacancy = {
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
        details: detailsOf(d),
        ...{ reservedPlacementIds: [], confirmedPlacementIds: [], remainingOpenings: 0 },
        ...{ status: 'open', expiresAt: d.expiresAt, postedAt: d.postedAt, lastRevision: revision },
      };
      return settle(posted, {}, revision);
    }
    if (doc === undefined) return doc;
    switch (event.type) {
      case 'VacancyOpeningsChanged':
        return settle(doc, { openings: event.data.openings }, revision);
      case 'VacancyExpiryExtended':
        return { ...doc, expiresAt: event.data.expiresAt, lastRevision: revision };
      case 'VacancyWithdrawn':
        return settle(doc, { status: 'withdrawn' }, revision);
      case 'VacancyExpired':
        return doc.status === 'withdrawn' ? doc : settle(doc, { status: 'expired' }, revision);
      case 'VacancyOpeningReserved': {
        const id = event.data.placementId;
        if (doc.reservedPlacementIds.includes(id) || doc.confirmedPlacementIds.includes(id)) return doc;
        return settle(doc, { reservedPlacementIds: [...doc.reservedPlacementIds, id] }, revision);
      }
      case 'VacancyReservationConfirmed': {
        const id = event.data.placementId;
        if (!doc.reservedPlacementIds.includes(id)) return doc;
        const reservedPlacementIds = without(doc.reservedPlacementIds, id);
        const confirmedPlacementIds = [...doc.confirmedPlacementIds, id];
        return settle(doc, { reservedPlacementIds, confirmedPlacementIds }, revision);
      }
      case 'VacancyReservationReleased': {
        const reservedPlacementIds = without(doc.reservedPlacementIds, event.data.placementId);
        return settle(doc, { reservedPlacementIds }, revision);
      }
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

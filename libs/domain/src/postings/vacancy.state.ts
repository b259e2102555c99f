import type { EventData, EventsOfStream } from '@contracts';
import { assertNever } from '../shared/decider';

/** Every event of a vacancy stream. */
export type VacancyEvent = EventsOfStream<'vacancy'>;

export type ReservationStatus = 'pending' | 'confirmed' | 'released';

export interface Reservation {
  readonly placementId: string;
  readonly workerId: string;
  readonly householdId: string;
  readonly reservedAt: string;
  readonly status: ReservationStatus;
}

/** What a posted vacancy is, whatever its status. */
export interface PostedVacancy {
  readonly posting: EventData<'VacancyPosted'>;
  readonly openings: number;
  readonly expiresAt: string;
  /** Every reservation ever made, by placement id: the saga's book. */
  readonly reservations: ReadonlyMap<string, Reservation>;
  readonly pending: number;
  readonly confirmed: number;
}

/**
 * A withdrawn or expired vacancy keeps its reservation book: a pending reservation must still be confirmed
 * (the household already committed) or released (compensation) after the post closed.
 */
export type VacancyState =
  | { readonly status: 'none' }
  | ({ readonly status: 'open' } & PostedVacancy)
  | ({ readonly status: 'withdrawn' } & PostedVacancy)
  | ({ readonly status: 'expired' } & PostedVacancy);

export type PostedVacancyState = Exclude<VacancyState, { status: 'none' }>;

export const initialVacancyState = (): VacancyState => ({ status: 'none' });

/** Openings held by pending or confirmed reservations. */
export const takenOpenings = (vacancy: PostedVacancy): number => vacancy.pending + vacancy.confirmed;

export function evolveVacancy(state: VacancyState, event: VacancyEvent): VacancyState {
  if (event.type === 'VacancyPosted') {
    const { openings, expiresAt } = event.data;
    return {
      status: 'open',
      posting: event.data,
      openings,
      expiresAt,
      reservations: new Map(),
      pending: 0,
      confirmed: 0,
    };
  }
  // Every other event follows VacancyPosted in a well-formed stream.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'VacancyOpeningsChanged':
      return { ...state, openings: event.data.openings };
    case 'VacancyExpiryExtended':
      return { ...state, expiresAt: event.data.expiresAt };
    case 'VacancyWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'VacancyExpired':
      return { ...state, status: 'expired' };
    case 'VacancyOpeningReserved': {
      const { placementId, workerId, householdId, reservedAt } = event.data;
      const reservation: Reservation = { placementId, workerId, householdId, reservedAt, status: 'pending' };
      return {
        ...state,
        reservations: withEntry(state.reservations, placementId, reservation),
        pending: state.pending + 1,
      };
    }
    case 'VacancyReservationConfirmed':
      return settle(state, event.data.placementId, 'confirmed');
    case 'VacancyReservationReleased':
      return settle(state, event.data.placementId, 'released');
    default:
      return assertNever(event);
  }
}

function settle<S extends PostedVacancyState>(
  state: S,
  placementId: string,
  status: 'confirmed' | 'released',
): S {
  const reservation = state.reservations.get(placementId);
  if (!reservation || reservation.status !== 'pending') return state;
  return {
    ...state,
    reservations: withEntry(state.reservations, placementId, { ...reservation, status }),
    pending: state.pending - 1,
    confirmed: state.confirmed + (status === 'confirmed' ? 1 : 0),
  };
}

/**
 * Copy-on-write keeps states immutable; folding n reservations costs O(n²) map copies, which is fine for
 * vacancies of up to a few thousand openings (a snapshot would be the next step beyond that).
 */
function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
  const copy = new Map(map);
  copy.set(key, value);
  return copy;
}

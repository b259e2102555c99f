import { EVENT_EXAMPLES, type EventData } from '@contracts';
import type { PostVacancy, VacancyCommand } from './vacancy.commands';
import type { VacancyEvent } from './vacancy.state';

/** Test data for vacancy specs (used by the saga specs too). */
export const POSTED_AT = '2026-03-01T08:00:00Z';

/** When the posting of postVacancyCommand expires. */
export const EXPIRES_AT = '2026-06-01T00:00:00Z';

/** Anshun's Xixiu district, in Guizhou: where the specs' workshops and public-welfare posts are. */
export const ANSHUN = { province: '贵州省', city: '安顺市', countyCode: '520402' };

/** A posting: the contracts' example (a Guangzhou station's post) with the given changes. */
export const postingData = (
  overrides: Partial<EventData<'VacancyPosted'>> = {},
): EventData<'VacancyPosted'> => ({ ...EVENT_EXAMPLES.VacancyPosted, ...overrides });

export function postVacancyCommand(overrides: Partial<PostVacancy> = {}): PostVacancy {
  const { postedAt: _postedAt, ...posting } = postingData();
  return {
    type: 'PostVacancy',
    ...posting,
    vacancyId: 'v-1',
    openings: 2,
    expiresAt: EXPIRES_AT,
    now: POSTED_AT,
    ...overrides,
  };
}

export function vacancyPosted(overrides: Partial<PostVacancy> = {}): VacancyEvent {
  const { type: _type, now, skills, labourCapacities, ...rest } = postVacancyCommand(overrides);
  const data: EventData<'VacancyPosted'> = {
    ...rest,
    skills: [...skills],
    labourCapacities: [...labourCapacities],
    postedAt: now,
  };
  return { type: 'VacancyPosted', data };
}

export const reserved = (
  placementId: string,
  { workerId = `h-${placementId}.1`, vacancyId = 'v-1', reservedAt = POSTED_AT } = {},
): VacancyEvent => ({
  type: 'VacancyOpeningReserved',
  data: { vacancyId, placementId, workerId, householdId: workerId.split('.')[0], reservedAt },
});

export const confirmed = (placementId: string, vacancyId = 'v-1'): VacancyEvent => ({
  type: 'VacancyReservationConfirmed',
  data: { vacancyId, placementId, confirmedAt: POSTED_AT },
});

export const released = (
  placementId: string,
  reason = 'worker_already_employed',
  vacancyId = 'v-1',
): VacancyEvent => ({
  type: 'VacancyReservationReleased',
  data: { vacancyId, placementId, reason, releasedAt: POSTED_AT },
});

/** v-1's expiry moved to `expiresAt` at `now`. */
export const extendExpiry = (expiresAt: string, now: string): VacancyCommand => ({
  type: 'ExtendExpiry',
  vacancyId: 'v-1',
  expiresAt,
  now,
});

/** What that decides on the posted v-1: its expiry moved from EXPIRES_AT. */
export const expiryExtended = (expiresAt: string, extendedAt: string): VacancyEvent => ({
  type: 'VacancyExpiryExtended',
  data: { vacancyId: 'v-1', expiresAt, previousExpiresAt: EXPIRES_AT, extendedAt },
});

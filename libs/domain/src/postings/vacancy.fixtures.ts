import type { EventData } from '@contracts';
import type { PostVacancy } from './vacancy.commands';
import type { VacancyEvent } from './vacancy.state';

/** Test data for vacancy specs (used by the saga specs too). */
export const POSTED_AT = '2026-03-01T08:00:00Z';

export function postVacancyCommand(overrides: Partial<PostVacancy> = {}): PostVacancy {
  return {
    type: 'PostVacancy',
    vacancyId: 'v-1',
    source: { type: 'labour_station', id: 'station-gz-1' },
    title: 'Sewing machinist',
    occupation: 'sewing_machinist',
    skills: ['sewing'],
    location: { province: '广东省', city: '广州市', countyCode: '440106' },
    openings: 2,
    wage: { min: 4500, max: 6000, period: 'month' },
    ageRange: { min: 18, max: 50 },
    labourCapacities: ['full', 'partial'],
    accommodation: true,
    expiresAt: '2026-06-01T00:00:00Z',
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

import { EVENT_EXAMPLES } from '@contracts';
import { openVacanciesProjection } from './open-vacancies.projection';
import { projectAll, type AnyEnvelope } from '../shared/keyed-projection';
import { vacancyStream } from '@contracts';
import { EventLogBuilder } from './testing/event-log';

const V = EVENT_EXAMPLES.VacancyPosted.vacancyId;
const at = '2026-03-02T00:00:00Z';

function vacancyLog() {
  const log = new EventLogBuilder();
  const stream = vacancyStream(V);
  log.append(stream, 'VacancyPosted', { ...EVENT_EXAMPLES.VacancyPosted, openings: 2 });
  const reserve = (placementId: string) =>
    log.append(stream, 'VacancyOpeningReserved', {
      vacancyId: V,
      placementId,
      workerId: 'hh.1',
      householdId: 'hh',
      reservedAt: at,
    });
  return { log, stream, reserve };
}

const project = (events: readonly AnyEnvelope[]) => projectAll(openVacanciesProjection, events);

describe('open-vacancies projection', () => {
  it('counts reserved and confirmed placements against the openings and is filled when none remain', () => {
    const { log, stream, reserve } = vacancyLog();
    reserve('p-1');
    reserve('p-2');
    log.append(stream, 'VacancyReservationConfirmed', { vacancyId: V, placementId: 'p-1', confirmedAt: at });
    expect(project(log.events)[V]).toMatchObject({
      remainingOpenings: 0,
      status: 'filled',
      countyCode: '440106',
    });
    log.append(stream, 'VacancyReservationReleased', {
      vacancyId: V,
      placementId: 'p-2',
      reason: 'worker_already_employed',
      releasedAt: at,
    });
    expect(project(log.events)[V]).toMatchObject({
      remainingOpenings: 1,
      status: 'open',
      confirmedPlacementIds: ['p-1'],
    });
    expect(project(log.events.flatMap((e) => [e, e]))).toEqual(project(log.events));
  });

  it('stays withdrawn whatever follows, and never shows negative openings', () => {
    const { log, stream, reserve } = vacancyLog();
    reserve('p-1');
    log.append(stream, 'VacancyOpeningsChanged', {
      vacancyId: V,
      openings: 0,
      previousOpenings: 2,
      changedAt: at,
    });
    expect(project(log.events)[V]).toMatchObject({ remainingOpenings: 0, status: 'filled' });
    log.append(stream, 'VacancyWithdrawn', { vacancyId: V, withdrawnAt: at });
    log.append(stream, 'VacancyExpired', { vacancyId: V, expiredAt: at });
    expect(project(log.events)[V].status).toBe('withdrawn');
  });

  it('keeps the posting’s details through every later change', () => {
    const log = new EventLogBuilder();
    const stream = vacancyStream(V);
    const details = {
      employerId: 'employer-1',
      workingHours: '每天 8 小时',
      socialInsurance: 'five_insurances_one_fund' as const,
      meals: true,
      contact: { name: '陈经理', phone: '020-36061234' },
    };
    log.append(stream, 'VacancyPosted', { ...EVENT_EXAMPLES.VacancyPosted, ...details });
    log.append(stream, 'VacancyOpeningsChanged', {
      vacancyId: V,
      openings: 9,
      previousOpenings: 5,
      changedAt: at,
    });
    expect(project(log.events)[V]).toMatchObject({ openings: 9, details });
    expect(project(log.events)[V].details).not.toHaveProperty('description');
  });
});

import { householdStream, vacancyStream, workshopStream } from '@contracts';
import { HouseholdScript } from '../monitor/testing/fixtures';
import { EventLogBuilder } from '../monitor/testing/event-log';
import { projectAll } from '../shared/keyed-projection';
import { householdPlacementsProjection } from './household-placements.projection';
import { vacancyPlacementsProjection } from './vacancy-placements.projection';
import { workshopRegisterProjection } from './workshop-register.projection';

/** Given a household's events, when they are projected (twice over: a replay changes nothing), then … */
const project = (script: HouseholdScript) => {
  const once = projectAll(householdPlacementsProjection, script.log.events);
  expect(projectAll(householdPlacementsProjection, script.log.events, once)).toBe(once);
  return once[script.householdId];
};

describe('the reports’ placements of a household', () => {
  it('given a registration, holds the county and no placement', () => {
    const script = new HouseholdScript('hh-a', '520402').register('2026-03-01T00:00:00Z', ['full']);
    expect(project(script)).toEqual({
      householdId: 'hh-a',
      countyCode: '520402',
      placements: [],
      lastRevision: 0,
    });
  });

  it('given a placement then its end, keeps the placement with the day it ended in Guizhou', () => {
    const script = new HouseholdScript()
      .register('2026-03-01T00:00:00Z', ['full'])
      .place('2026-03-02T09:00:00Z', 1, 'p1', 'out_of_province')
      .end('2026-05-01T16:30:00Z', 1, 'p1'); // 00:30 on 2 May in Guizhou
    expect(project(script).placements).toEqual([
      {
        placementId: 'p1',
        workerId: 'hh-a.1',
        vacancyId: 'v-1',
        channel: 'out_of_province',
        startDate: '2026-03-02',
        endedOn: '2026-05-02',
        voided: false,
      },
    ]);
  });

  it('given reported employment ended, records nothing: it is no placement', () => {
    const script = new HouseholdScript()
      .register('2026-03-01T00:00:00Z', ['full'])
      .report('2026-03-02T09:00:00Z', 1, 'e1', 'flexible')
      .end('2026-04-02T09:00:00Z', 1, 'e1');
    expect(project(script).placements).toEqual([]);
  });

  it('given a placement voided, keeps it marked voided (it counts nowhere)', () => {
    const script = new HouseholdScript()
      .register('2026-03-01T00:00:00Z', ['full'])
      .place('2026-03-02T09:00:00Z', 1, 'p1', 'workshop');
    script.log.append(householdStream('hh-a'), 'PlacementVoided', {
      ...{ placementId: 'p1', workerId: 'hh-a.1', householdId: 'hh-a', vacancyId: 'v-1' },
      ...{ reason: 'reservation_recovery', voidedAt: '2026-03-02T10:00:00Z' },
    });
    expect(project(script).placements).toMatchObject([{ placementId: 'p1', voided: true, endedOn: null }]);
  });
});

describe('the reports’ vacancies and workshops', () => {
  it('given a posting and two reservations of one household, names the poster and the household once', () => {
    const log = new EventLogBuilder();
    const vacancy = vacancyStream('v-1');
    log.append(vacancy, 'VacancyPosted', {
      ...{ vacancyId: 'v-1', source: { type: 'labour_station', id: 'st-1' }, title: '缝纫工' },
      ...{
        occupation: '6-05-01-03',
        skills: ['6-05-01-03'],
        location: { province: '广东省', city: '广州市' },
      },
      ...{ openings: 3, wage: { min: 4000, max: 5000, period: 'month' }, ageRange: { min: 18, max: 50 } },
      ...{ labourCapacities: ['full'], accommodation: true, expiresAt: '2027-01-31T00:00:00Z' },
      postedAt: '2026-03-01T00:00:00Z',
    });
    for (const placementId of ['p1', 'p2']) {
      log.append(vacancy, 'VacancyOpeningReserved', {
        ...{ vacancyId: 'v-1', placementId, workerId: 'hh-a.1', householdId: 'hh-a' },
        reservedAt: '2026-03-02T00:00:00Z',
      });
    }
    expect(projectAll(vacancyPlacementsProjection, log.events)['v-1']).toEqual({
      vacancyId: 'v-1',
      source: { type: 'labour_station', id: 'st-1' },
      householdIds: ['hh-a'],
      lastRevision: 1,
    });
  });

  it('given a workshop certified then decertified, keeps it with the day it lost its certificate', () => {
    const log = new EventLogBuilder();
    const stream = workshopStream('w-1');
    log.append(stream, 'WorkshopCertified', {
      ...{ workshopId: 'w-1', name: '绣娘车间', countyCode: '520402', relocationSiteId: 'site-520402-01' },
      ...{ sector: 'garments', certifiedAt: '2026-01-01T00:00:00Z' },
    });
    log.append(stream, 'WorkshopDecertified', {
      ...{ workshopId: 'w-1', reason: '停产', decertifiedAt: '2026-06-01T00:00:00Z' },
    });
    expect(projectAll(workshopRegisterProjection, log.events)['w-1']).toEqual({
      workshopId: 'w-1',
      name: '绣娘车间',
      countyCode: '520402',
      relocationSiteId: 'site-520402-01',
      decertifiedAt: '2026-06-01T00:00:00Z',
      lastRevision: 1,
    });
  });
});

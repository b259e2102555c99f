import type { VacancySource } from '@contracts';
import type { HouseholdEmployment } from '../monitor/household-employment';
import type { ReportPlacement } from './household-placements.projection';
import { retentionAt } from './retention';
import { siteReport } from './site-report';
import { stationOwnReport, stationReport, type PlacementOfHousehold } from './station-report';
import { workshopReport } from './workshop-report';
import type { WorkshopRecord } from './workshop-register.projection';

const placement = (over: Partial<ReportPlacement> & { placementId: string }): ReportPlacement => ({
  workerId: 'hh.1',
  vacancyId: 'v-st',
  channel: 'out_of_province',
  startDate: '2026-01-10',
  endedOn: null,
  voided: false,
  ...over,
});
const ofCounty = (p: ReportPlacement, countyCode = '520402'): PlacementOfHousehold => ({
  countyCode,
  placement: p,
});

const SOURCES = new Map<string, VacancySource>([
  ['v-st', { type: 'labour_station', id: 'st-1' }],
  ['v-st2', { type: 'labour_station', id: 'st-2' }],
  ['v-ws', { type: 'workshop', id: 'w-1' }],
  ['v-far', { type: 'workshop', id: 'w-far' }],
]);

describe('retention at N months (稳岗)', () => {
  it('is not due before N months have passed, and counts an end on the due day as retained', () => {
    const p = placement({ placementId: 'p', startDate: '2026-01-31' });
    expect(retentionAt(p, 3, '2026-04-29')).toEqual({ eligible: false, retained: false });
    expect(retentionAt(p, 3, '2026-04-30')).toEqual({ eligible: true, retained: true });
    expect(retentionAt({ ...p, endedOn: '2026-04-30' }, 3, '2026-05-01').retained).toBe(true);
    expect(retentionAt({ ...p, endedOn: '2026-04-29' }, 3, '2026-05-01').retained).toBe(false);
  });
});

describe('the report by labour station', () => {
  const today = '2026-08-01';
  const placements = [
    ofCounty(placement({ placementId: 'kept', startDate: '2026-01-10' })),
    // Ended at 2 months: eligible at 3 and 6, retained at neither.
    ofCounty(placement({ placementId: 'left', startDate: '2026-01-10', endedOn: '2026-03-10' })),
    // Ended at 4 months: retained at 3, not at 6.
    ofCounty(placement({ placementId: 'four', startDate: '2026-01-15', endedOn: '2026-05-20' })),
    ofCounty(placement({ placementId: 'void', voided: true })),
    ofCounty(placement({ placementId: 'young', startDate: '2026-06-01' })),
    ofCounty(placement({ placementId: 'other', vacancyId: 'v-st2', startDate: '2026-07-01' })),
    ofCounty(placement({ placementId: 'ws', vacancyId: 'v-ws' })),
  ];

  it('given placements through two stations, when reported, then counts each with its retention', () => {
    const rows = stationReport(placements, SOURCES, new Map([['st-1', '驻广州站']]), today);
    expect(rows).toEqual([
      {
        stationId: 'st-1',
        stationName: '驻广州站',
        placements: 4,
        eligibleAt3: 3,
        retainedAt3: 2,
        eligibleAt6: 3,
        retainedAt6: 1,
        retentionRateAt3: 2 / 3,
        retentionRateAt6: 1 / 3,
      },
      {
        stationId: 'st-2',
        stationName: null,
        placements: 1,
        eligibleAt3: 0,
        retainedAt3: 0,
        eligibleAt6: 0,
        retainedAt6: 0,
        retentionRateAt3: null,
        retentionRateAt6: null,
      },
    ]);
  });

  it('given a window of start months, counts only the placements started within it', () => {
    const rows = stationReport(placements, SOURCES, new Map(), today, { from: '2026-06', to: '2026-07' });
    expect(rows.map((r) => [r.stationId, r.placements])).toEqual([
      ['st-1', 1],
      ['st-2', 1],
    ]);
  });

  it('gives a station its own figures across counties', () => {
    const across = [...placements, ofCounty(placement({ placementId: 'zj' }), '520524')];
    const own = stationOwnReport('st-1', '驻广州站', across, SOURCES, today);
    expect(own).toMatchObject({ stationId: 'st-1', placements: 5, eligibleAt3: 4, retainedAt3: 3 });
    expect(own.byCounty.map((c) => [c.countyCode, c.placements])).toEqual([
      ['520402', 4],
      ['520524', 1],
    ]);
  });
});

describe('the report by workshop (吸纳)', () => {
  const workshop = (over: Partial<WorkshopRecord> & { workshopId: string }): WorkshopRecord => ({
    name: '绣娘车间',
    countyCode: '520402',
    relocationSiteId: 'site-520402-01',
    decertifiedAt: null,
    lastRevision: 0,
    ...over,
  });
  const workshops = new Map([
    ['w-1', workshop({ workshopId: 'w-1' })],
    ['w-idle', workshop({ workshopId: 'w-idle', name: '停产车间', decertifiedAt: '2026-05-01T00:00:00Z' })],
    ['w-far', workshop({ workshopId: 'w-far', name: '织金车间', countyCode: '520524' })],
  ]);

  it('given placements of this and another county, counts people employed now, placements and ends', () => {
    const rows = workshopReport(
      '520402',
      workshops,
      [
        ofCounty(placement({ placementId: 'a', vacancyId: 'v-ws' })),
        ofCounty(placement({ placementId: 'b', vacancyId: 'v-ws' }), '520524'),
        ofCounty(placement({ placementId: 'c', vacancyId: 'v-ws', endedOn: '2026-02-01' })),
        ofCounty(placement({ placementId: 'd', vacancyId: 'v-ws', voided: true })),
        ofCounty(placement({ placementId: 'e', vacancyId: 'v-ws', startDate: '2026-09-01' })),
        ofCounty(placement({ placementId: 'f', vacancyId: 'v-far' })),
        ofCounty(placement({ placementId: 'g', vacancyId: 'v-far' }), '520524'),
        ofCounty(placement({ placementId: 'h', vacancyId: 'v-st' })),
      ],
      SOURCES,
      '2026-08-01',
    );
    expect(rows).toEqual([
      {
        ...{ workshopId: 'w-idle', workshopName: '停产车间', countyCode: '520402' },
        ...{ decertified: true, decertifiedAt: '2026-05-01T00:00:00Z' },
        ...{ employedNow: 0, employedNowFromCounty: 0, placements: 0, ended: 0 },
      },
      {
        ...{ workshopId: 'w-1', workshopName: '绣娘车间', countyCode: '520402', decertified: false },
        ...{ decertifiedAt: null, employedNow: 2, employedNowFromCounty: 1, placements: 4, ended: 1 },
      },
      {
        ...{ workshopId: 'w-far', workshopName: '织金车间', countyCode: '520524', decertified: false },
        ...{ decertifiedAt: null, employedNow: 2, employedNowFromCounty: 1, placements: 2, ended: 0 },
      },
    ]);
  });
});

describe('the report by relocation site', () => {
  const household = (over: Partial<HouseholdEmployment>): HouseholdEmployment =>
    ({
      householdId: 'h',
      countyCode: '520402',
      prefectureCode: '520400',
      relocationSiteId: 'site-1',
      members: [],
      labourCapableMembers: 2,
      employedMembers: 1,
      employedLabourCapableMembers: 1,
      channels: [],
      status: 'covered',
      openCase: null,
      lastStatusChangeAt: '',
      casesOpened: 0,
      lastRevision: 0,
      ...over,
    }) as HouseholdEmployment;

  it('gives every site of the register a row, and a site only households name its own', () => {
    const rows = siteReport(
      [
        { id: 'site-1', name: '彩虹社区' },
        { id: 'site-2', name: '幸福家园' },
      ],
      [
        household({ householdId: 'a' }),
        household({
          ...{ householdId: 'b', status: 'zero_employment', employedMembers: 0 },
          openCase: { caseNo: 1, openedAt: '' },
        }),
        household({
          householdId: 'c',
          relocationSiteId: 'site-x',
          status: 'no_labour',
          labourCapableMembers: 0,
          employedMembers: 0,
        }),
      ],
    );
    expect(rows).toEqual([
      {
        ...{ siteId: 'site-1', siteName: '彩虹社区', households: 2, householdsWithLabour: 2 },
        ...{ labourCapableWorkers: 4, employedWorkers: 1, coveredHouseholds: 1, zeroEmploymentHouseholds: 1 },
        openCases: 1,
      },
      {
        ...{ siteId: 'site-2', siteName: '幸福家园', households: 0, householdsWithLabour: 0 },
        ...{ labourCapableWorkers: 0, employedWorkers: 0, coveredHouseholds: 0, zeroEmploymentHouseholds: 0 },
        openCases: 0,
      },
      {
        ...{ siteId: 'site-x', siteName: null, households: 1, householdsWithLabour: 0 },
        ...{ labourCapableWorkers: 0, employedWorkers: 0, coveredHouseholds: 0, zeroEmploymentHouseholds: 0 },
        openCases: 0,
      },
    ]);
  });
});

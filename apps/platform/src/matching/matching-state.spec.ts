import fc from 'fast-check';
import type { EventData, LabourCapacity } from '@contracts';
import { placementVacancyFacts } from '@lib/domain/placements/placement-rules';
import { ANSHUN, postingData } from '@lib/domain/postings/vacancy.fixtures';
import { employmentReported } from '@lib/domain/workforce/household.fixtures';
import type { MatchingVacancy } from '@lib/matching';
import {
  evolveVacancy,
  type PostedVacancyState,
  type VacancyEvent,
} from '@lib/domain/postings/vacancy.state';
import {
  evolveHousehold,
  initialHouseholdState,
  type HouseholdEvent,
  type RegisteredHousehold,
} from '@lib/domain/workforce/household.state';
import {
  monthlyWage,
  prefectureOf,
  toMatchingHousehold,
  toMatchingVacancy,
  toMatchingWorker,
  withTraining,
  type PosterDirectory,
} from './matching-state';

const T = '2026-03-01T00:00:00.000Z';
const POSTERS: PosterDirectory = {
  workshops: new Map([['w1', { countyCode: '520402', relocationSiteId: 'site-9' }]]),
  stations: new Map([['s1', '520400']]),
};

const member = (memberNo: number, o: Partial<EventData<'WorkerRegistered'>> = {}): HouseholdEvent => ({
  type: 'WorkerRegistered',
  data: {
    workerId: `h1.${memberNo}`,
    householdId: 'h1',
    memberNo,
    name: '测试',
    idNumberHash: 'x'.repeat(64),
    idNumberLast4: '1234',
    birthYear: 1980,
    gender: 'male',
    labourCapacity: 'full',
    skills: ['6-05-01-03'],
    preference: 'any',
    expectedMonthlyWage: null,
    registeredAt: T,
    ...o,
  },
});

function household(...events: HouseholdEvent[]): RegisteredHousehold {
  const registered: HouseholdEvent = {
    type: 'HouseholdRegistered',
    data: { householdId: 'h1', countyCode: '520402', relocationSiteId: 'site-1', registeredAt: T },
  };
  const state = [registered, ...events].reduce(evolveHousehold, initialHouseholdState());
  if (state.status !== 'registered') throw new Error('not registered');
  return state;
}

const posting = (o: Partial<EventData<'VacancyPosted'>> = {}): EventData<'VacancyPosted'> =>
  postingData({
    vacancyId: 'v1',
    source: { type: 'workshop', id: 'w1' },
    location: ANSHUN,
    openings: 3,
    expiresAt: '2026-12-31T00:00:00.000Z',
    postedAt: T,
    ...o,
  });

function vacancy(p: EventData<'VacancyPosted'>, ...more: VacancyEvent[]): PostedVacancyState {
  const state = [{ type: 'VacancyPosted', data: p } as VacancyEvent, ...more].reduce(evolveVacancy, {
    status: 'none',
  });
  if (state.status === 'none') throw new Error('not posted');
  return state;
}

describe('matching-state mappings', () => {
  it('maps a worker with the household’s place, the extras, and employment', () => {
    const h = household(member(1, { expectedMonthlyWage: 3500, preference: 'local' }));
    const w = toMatchingWorker(h, h.workers.get('h1.1')!, { trainings: ['4-03-02-01'], returnee: true });
    expect(w).toEqual({
      id: 'h1.1',
      householdId: 'h1',
      birthYear: 1980,
      labourCapacity: 'full',
      preference: 'local',
      skills: ['6-05-01-03'],
      trainings: ['4-03-02-01'],
      expectedMonthlyWage: 3500,
      returnee: true,
      relocationSiteId: 'site-1',
      countyCode: '520402',
      prefectureCode: '520400',
      employed: false,
    });
    const employed = household(member(1), employmentReported({ reportedAt: T }));
    expect(toMatchingWorker(employed, employed.workers.get('h1.1')!)?.employed).toBe(true);
  });

  it('leaves out a member without labour capacity but counts households right', () => {
    const h = household(member(1, { labourCapacity: 'none' }), member(2, { labourCapacity: 'weak' }));
    expect(toMatchingWorker(h, h.workers.get('h1.1')!)).toBeUndefined();
    expect(toMatchingWorker(h, h.workers.get('h1.2')!)?.labourCapacity).toBe('weak');
    expect(toMatchingHousehold(h)).toEqual({ id: 'h1', countyCode: '520402', labourCapable: 1, employed: 0 });
  });

  it('maps a workshop post: its site, prefecture, openings left after reservations, monthly wages', () => {
    const v = vacancy(posting({ wage: { min: 150, max: 200, period: 'day' } }), {
      type: 'VacancyOpeningReserved',
      data: { vacancyId: 'v1', placementId: 'p1', workerId: 'x.1', householdId: 'x', reservedAt: T },
    });
    expect(toMatchingVacancy(v, POSTERS)).toMatchObject({
      posterId: 'workshop:w1',
      source: 'workshop',
      location: {
        provinceIsGuizhou: true,
        countyCode: '520402',
        prefectureCode: '520400',
        relocationSiteId: 'site-9',
      },
      remainingOpenings: 2,
      wageMin: 3263,
      wageMax: 4350,
      status: 'open',
      expiresAt: Date.parse('2026-12-31T00:00:00.000Z'),
    });
  });

  it('maps a station post out of the province with its partner prefecture; closed when withdrawn', () => {
    const v = vacancy(
      posting({
        source: { type: 'labour_station', id: 's1' },
        location: { province: '广东省', city: '广州市', countyCode: '440106' },
      }),
      { type: 'VacancyWithdrawn', data: { vacancyId: 'v1', withdrawnAt: T } },
    );
    expect(toMatchingVacancy(v, POSTERS)).toMatchObject({
      source: 'labour_station',
      location: { provinceIsGuizhou: false, partnerPrefectureCode: '520400', prefectureCode: undefined },
      status: 'closed',
    });
  });

  it('calls a post with flexible hours `flexible` and gives a welfare post its county from the source', () => {
    expect(toMatchingVacancy(vacancy(posting({ flexibleHours: true })), POSTERS).source).toBe('flexible');
    const welfare = toMatchingVacancy(
      vacancy(
        posting({
          source: { type: 'public_welfare', id: '520424' },
          location: { province: '贵州省', city: '毕节市' },
          flexibleHours: true,
          labourCapacities: ['weak', 'none'],
          welfare: { monthlySubsidy: 800, termMonths: 12 },
        }),
      ),
      POSTERS,
    );
    expect(welfare).toMatchObject({
      source: 'public_welfare',
      acceptedCapacities: ['weak'],
      location: { countyCode: '520424', prefectureCode: '520400' },
    });
  });

  it('counts pending and confirmed reservations against the openings, not released ones; closed once expired', () => {
    const reservation = (placementId: string): VacancyEvent => ({
      type: 'VacancyOpeningReserved',
      data: { vacancyId: 'v1', placementId, workerId: 'x.1', householdId: 'x', reservedAt: T },
    });
    const v = vacancy(
      posting(),
      reservation('p1'),
      reservation('p2'),
      { type: 'VacancyReservationConfirmed', data: { vacancyId: 'v1', placementId: 'p1', confirmedAt: T } },
      reservation('p3'),
      {
        type: 'VacancyReservationReleased',
        data: { vacancyId: 'v1', placementId: 'p3', reason: 'worker_already_employed', releasedAt: T },
      },
      { type: 'VacancyExpired', data: { vacancyId: 'v1', expiredAt: T } },
    );
    expect(toMatchingVacancy(v, POSTERS)).toMatchObject({ remainingOpenings: 1, status: 'closed' });
  });

  it('carries the placement facts the saga checks, as the rules read them from the posting', () => {
    const factsOf = (v: MatchingVacancy) => ({
      ageMin: v.ageMin,
      ageMax: v.ageMax,
      acceptedCapacities: v.acceptedCapacities,
      takesWeakCapacity: v.takesWeakCapacity,
      welfarePost: v.welfarePost,
      location: { provinceIsGuizhou: v.location.provinceIsGuizhou, countyCode: v.location.countyCode },
    });
    const postings = fc.record({
      source: fc.constantFrom(
        { type: 'workshop' as const, id: 'w1' },
        { type: 'labour_station' as const, id: 's1' },
        { type: 'public_welfare' as const, id: '520424' },
      ),
      location: fc.constantFrom(
        { province: '贵州省', city: '安顺市', countyCode: '520402' },
        { province: '贵州省', city: '安顺市' },
        { province: 'Guizhou', city: 'Anshun' },
        { province: '广东省', city: '广州市', countyCode: '440106' },
        { province: '广东省', city: '广州市' },
      ),
      flexibleHours: fc.constantFrom(undefined, true, false),
      ageMin: fc.integer({ min: 16, max: 40 }),
      labourCapacities: fc.subarray<LabourCapacity>(['full', 'partial', 'weak'], { minLength: 1 }),
    });
    fc.assert(
      fc.property(postings, ({ source, location, flexibleHours, ageMin, labourCapacities }) => {
        const p = posting({
          source,
          location,
          ageRange: { min: ageMin, max: ageMin + 20 },
          labourCapacities,
          ...(flexibleHours === undefined ? {} : { flexibleHours }),
        });
        expect(factsOf(toMatchingVacancy(vacancy(p), POSTERS))).toEqual(placementVacancyFacts(p));
      }),
      { numRuns: 300 },
    );
  });

  it('has small helpers that do what they say', () => {
    expect(prefectureOf('520402')).toBe('520400');
    expect(prefectureOf('520000')).toBeUndefined();
    expect(monthlyWage(20, 'hour')).toBe(3480);
    expect(withTraining({ trainings: ['a'], returnee: false }, 'a').trainings).toEqual(['a']);
    expect(withTraining({ trainings: ['a'], returnee: false }, 'b').trainings).toEqual(['a', 'b']);
  });
});

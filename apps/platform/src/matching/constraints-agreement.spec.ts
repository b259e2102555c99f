import fc from 'fast-check';
import type { EventData, LabourCapacity, WorkLocation, WorkPreference } from '@contracts';
import { placementCandidateOf } from '@lib/domain/placements/placement-saga';
import { checkPlacementConstraints } from '@lib/domain/postings/placement-constraints';
import {
  evolveVacancy,
  type PostedVacancyState,
  type VacancyEvent,
  type VacancyState,
} from '@lib/domain/postings/vacancy.state';
import {
  evolveHousehold,
  initialHouseholdState,
  type HouseholdEvent,
  type RegisteredHousehold,
} from '@lib/domain/workforce/household.state';
import { hardConstraintViolations, isEligible } from '@lib/matching';
import { toMatchingVacancy, toMatchingWorker, type PosterDirectory } from './matching-state';

/**
 * A recommended pair is never refused at placement, and a pair the placement command accepts is never
 * hidden by matching: for random workers and vacancies, folded by the deciders' own evolve functions and
 * mapped by matching-state, libs/matching's hard constraints and the placement command's checks (its
 * constraint rules, the vacancy's reservation rule, the household's one-job rule) pick the same pairs.
 */

const NOW = '2026-06-15T08:00:00.000Z';
const COUNTIES = ['520402', '520424', '520102'];
const POSTERS: PosterDirectory = {
  workshops: new Map([['w1', { countyCode: '520402', relocationSiteId: 'site-1' }]]),
  stations: new Map([['s1', '520400']]),
};
const at = (days: number) => new Date(Date.parse(NOW) + days * 86_400_000).toISOString();

interface WorkerFacts {
  birthYear: number;
  labourCapacity: LabourCapacity;
  preference: WorkPreference;
  countyCode: string;
  employed: boolean;
}

interface VacancyFacts {
  sourceType: 'labour_station' | 'workshop' | 'public_welfare';
  welfareCounty: string;
  flexibleHours: boolean | undefined;
  location: WorkLocation;
  ageMin: number;
  ageSpan: number;
  capacities: LabourCapacity[];
  openings: number;
  reservations: ('pending' | 'confirmed' | 'released')[];
  status: 'open' | 'withdrawn' | 'expired';
  expiresInDays: number;
}

const workerFacts = fc.record<WorkerFacts>({
  birthYear: fc.integer({ min: 1950, max: 2012 }),
  labourCapacity: fc.constantFrom('full', 'partial', 'weak', 'none'),
  preference: fc.constantFrom('local', 'in_province', 'out_of_province', 'any'),
  countyCode: fc.constantFrom(...COUNTIES),
  employed: fc.boolean(),
});

const location = fc.oneof(
  fc.record({
    province: fc.constant('贵州省'),
    city: fc.constant('安顺市'),
    countyCode: fc.constantFrom(...COUNTIES),
  }),
  fc.constant({ province: '贵州省', city: '安顺市' }),
  fc.constant({ province: 'Guizhou', city: 'Anshun' }),
  fc.constant({ province: '广东省', city: '广州市', countyCode: '440106' }),
  fc.constant({ province: '广东省', city: '广州市' }),
);

const vacancyFacts = fc.record<VacancyFacts>({
  sourceType: fc.constantFrom('labour_station', 'workshop', 'public_welfare'),
  welfareCounty: fc.constantFrom(...COUNTIES),
  flexibleHours: fc.constantFrom(undefined, true, false),
  location,
  ageMin: fc.integer({ min: 16, max: 60 }),
  ageSpan: fc.integer({ min: 0, max: 40 }),
  capacities: fc.subarray(['full', 'partial', 'weak', 'none'] as LabourCapacity[], { minLength: 1 }),
  openings: fc.integer({ min: 1, max: 3 }),
  reservations: fc.array(fc.constantFrom('pending', 'confirmed', 'released'), { maxLength: 4 }),
  status: fc.constantFrom('open', 'open', 'withdrawn', 'expired'),
  expiresInDays: fc.constantFrom(-1, 0, 30),
});

function householdOf(w: WorkerFacts): RegisteredHousehold {
  const householdId = 'h1';
  const workerId = 'h1.1';
  const common = { workerId, householdId };
  const events: HouseholdEvent[] = [
    {
      type: 'HouseholdRegistered',
      data: { householdId, countyCode: w.countyCode, relocationSiteId: 'site-1', registeredAt: at(-100) },
    },
    {
      type: 'WorkerRegistered',
      data: {
        ...common,
        memberNo: 1,
        name: '测试',
        idNumberHash: 'x'.repeat(64),
        idNumberLast4: '1234',
        birthYear: w.birthYear,
        gender: 'female',
        labourCapacity: w.labourCapacity,
        skills: ['sewing'],
        preference: w.preference,
        expectedMonthlyWage: 3000,
        registeredAt: at(-100),
      },
    },
  ];
  if (w.employed) {
    events.push({
      type: 'EmploymentReported',
      data: {
        ...common,
        employmentId: 'e1',
        channel: 'flexible',
        source: 'declaration',
        startDate: at(-10).slice(0, 10),
        reportedAt: at(-10),
      },
    });
  }
  const state = events.reduce(evolveHousehold, initialHouseholdState());
  if (state.status !== 'registered') throw new Error('household not registered');
  return state;
}

function vacancyOf(v: VacancyFacts): PostedVacancyState {
  const vacancyId = 'v1';
  const welfare = v.sourceType === 'public_welfare';
  const sourceId = welfare ? v.welfareCounty : v.sourceType === 'workshop' ? 'w1' : 's1';
  const posting: EventData<'VacancyPosted'> = {
    vacancyId,
    source: { type: v.sourceType, id: sourceId },
    title: '岗位',
    occupation: 'sewing_machinist',
    skills: ['sewing'],
    location: v.location,
    openings: v.openings,
    wage: { min: 3000, max: 4000, period: 'month' },
    ageRange: { min: v.ageMin, max: Math.min(70, v.ageMin + v.ageSpan) },
    labourCapacities: v.capacities,
    accommodation: false,
    ...(v.flexibleHours === undefined ? {} : { flexibleHours: v.flexibleHours }),
    expiresAt: at(v.expiresInDays),
    ...(welfare ? { welfare: { monthlySubsidy: 800, termMonths: 12 } } : {}),
    postedAt: at(-30),
  };
  const events: VacancyEvent[] = [{ type: 'VacancyPosted', data: posting }];
  v.reservations.forEach((outcome, i) => {
    const placementId = `p${i}`;
    events.push({
      type: 'VacancyOpeningReserved',
      data: { vacancyId, placementId, workerId: `o${i}.1`, householdId: `o${i}`, reservedAt: at(-5) },
    });
    if (outcome === 'confirmed') {
      events.push({
        type: 'VacancyReservationConfirmed',
        data: { vacancyId, placementId, confirmedAt: at(-5) },
      });
    } else if (outcome === 'released') {
      events.push({
        type: 'VacancyReservationReleased',
        data: { vacancyId, placementId, reason: 'worker_already_employed', releasedAt: at(-5) },
      });
    }
  });
  if (v.status === 'withdrawn')
    events.push({ type: 'VacancyWithdrawn', data: { vacancyId, withdrawnAt: at(-1) } });
  if (v.status === 'expired') events.push({ type: 'VacancyExpired', data: { vacancyId, expiredAt: at(-1) } });
  const state = events.reduce<VacancyState>(evolveVacancy, { status: 'none' });
  if (state.status === 'none') throw new Error('vacancy not posted');
  return state;
}

/** What the placement command decides before and at its commit point, apart from races. */
function placementAccepts(household: RegisteredHousehold, vacancy: PostedVacancyState): boolean {
  const candidate = placementCandidateOf(household, 'h1.1');
  if (!candidate) return false;
  if (checkPlacementConstraints(vacancy, candidate, NOW) !== undefined) return false;
  // The vacancy decider's ReserveOpening rules (closed, expired, full) and the household's one-job rule.
  if (vacancy.status !== 'open' || Date.parse(vacancy.expiresAt) <= Date.parse(NOW)) return false;
  if (vacancy.pending + vacancy.confirmed >= vacancy.openings) return false;
  return household.workers.get('h1.1')?.activeEmployment === undefined;
}

function matchingAccepts(household: RegisteredHousehold, vacancy: PostedVacancyState): boolean {
  const worker = toMatchingWorker(household, household.workers.get('h1.1')!);
  return (
    worker !== undefined && isEligible(worker, toMatchingVacancy(vacancy, POSTERS), { now: Date.parse(NOW) })
  );
}

describe('hard constraints: libs/matching after the mapping agrees with the placement command', () => {
  it('picks the same eligible pairs', () => {
    fc.assert(
      fc.property(workerFacts, vacancyFacts, (w, v) => {
        const household = householdOf(w);
        const vacancy = vacancyOf(v);
        expect(matchingAccepts(household, vacancy)).toBe(placementAccepts(household, vacancy));
      }),
      { numRuns: 3000 },
    );
  });

  it('isEligible and hardConstraintViolations of libs/matching agree with each other', () => {
    fc.assert(
      fc.property(workerFacts, vacancyFacts, (w, v) => {
        const household = householdOf(w);
        const worker = toMatchingWorker(household, household.workers.get('h1.1')!);
        fc.pre(worker !== undefined);
        const mapped = toMatchingVacancy(vacancyOf(v), POSTERS);
        const ctx = { now: Date.parse(NOW) };
        expect(isEligible(worker!, mapped, ctx)).toBe(
          hardConstraintViolations(worker!, mapped, ctx).length === 0,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('a welfare post whose location names no county is local to the county that runs it, for both', () => {
    const w: WorkerFacts = {
      birthYear: 1980,
      labourCapacity: 'full',
      preference: 'local',
      countyCode: '520402',
      employed: false,
    };
    const v: VacancyFacts = {
      sourceType: 'public_welfare',
      welfareCounty: '520402',
      flexibleHours: undefined,
      location: { province: '贵州省', city: '安顺市' },
      ageMin: 18,
      ageSpan: 42,
      capacities: ['full'],
      openings: 1,
      reservations: [],
      status: 'open',
      expiresInDays: 30,
    };
    const household = householdOf(w);
    const vacancy = vacancyOf(v);
    expect(checkPlacementConstraints(vacancy, placementCandidateOf(household, 'h1.1')!, NOW)).toBeUndefined();
    expect(matchingAccepts(household, vacancy)).toBe(true);
    expect(placementAccepts(household, vacancy)).toBe(true);
  });
});

import { MatchingHousehold, MatchingVacancy, MatchingWorker } from '../model';
import { NOW, sourceFacts } from './small-problem';

export { NOW };
export const CTX = { now: NOW };

export function aWorker(overrides: Partial<MatchingWorker> = {}): MatchingWorker {
  return {
    id: 'h1.1',
    householdId: 'h1',
    birthYear: 1990,
    labourCapacity: 'full',
    preference: 'any',
    skills: ['6-05-01-03'], // 缝纫工
    trainings: [],
    expectedMonthlyWage: 3000,
    returnee: false,
    relocationSiteId: 'site-a',
    countyCode: '520402',
    prefectureCode: '520400',
    employed: false,
    ...overrides,
  };
}

export function aHousehold(overrides: Partial<MatchingHousehold> = {}): MatchingHousehold {
  return { id: 'h1', countyCode: '520402', labourCapable: 2, employed: 1, ...overrides };
}

/** A workshop post; another `source` brings its placement facts (welfare post, takes weak capacity) along. */
export function aVacancy(overrides: Partial<MatchingVacancy> = {}): MatchingVacancy {
  const source = overrides.source ?? 'workshop';
  return {
    id: 'v1',
    posterId: 'workshop-1',
    source,
    ...sourceFacts(source),
    occupation: '6-05-01-03',
    requiredSkills: ['6-05-01-03'],
    location: {
      provinceIsGuizhou: true,
      prefectureCode: '520400',
      countyCode: '520402',
      relocationSiteId: 'site-b',
    },
    remainingOpenings: 3,
    wageMin: 2800,
    wageMax: 3500,
    ageMin: 16,
    ageMax: 60,
    acceptedCapacities: ['full', 'partial'],
    expiresAt: NOW + 86_400_000,
    status: 'open',
    ...overrides,
  };
}

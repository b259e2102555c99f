import fc from 'fast-check';
import { hardConstraintViolations, isEligible } from './hard-constraints';
import { aVacancy, aWorker, CTX, NOW } from './testing/fixtures';
import { randomProblem } from './testing/small-problem';
import { MatchingVacancy, MatchingWorker } from './model';

const outOfProvince = { provinceIsGuizhou: false, partnerPrefectureCode: '520400' };

const cases: [string, Partial<MatchingWorker>, Partial<MatchingVacancy>, string][] = [
  ['a closed vacancy', {}, { status: 'closed' }, 'vacancy_not_open'],
  ['an expired vacancy', {}, { expiresAt: NOW }, 'vacancy_expired'],
  ['a vacancy without openings left', {}, { remainingOpenings: 0 }, 'no_openings_left'],
  ['a worker already employed (one job per worker)', { employed: true }, {}, 'worker_already_employed'],
  ['a worker too young', { birthYear: 2012 }, { ageMin: 16 }, 'age_out_of_range'],
  ['a worker too old', { birthYear: 1960 }, { ageMax: 60 }, 'age_out_of_range'],
  ['a worker one year too old (61 in 2026)', { birthYear: 1965 }, { ageMax: 60 }, 'age_out_of_range'],
  ['a worker one year too young (15 in 2026)', { birthYear: 2011 }, { ageMin: 16 }, 'age_out_of_range'],
  [
    'a capacity the poster does not accept',
    { labourCapacity: 'partial' },
    { acceptedCapacities: ['full'] },
    'capacity_not_accepted',
  ],
  [
    'weak capacity in a market job, even if accepted',
    { labourCapacity: 'weak' },
    { acceptedCapacities: ['weak'] },
    'weak_capacity_market_job',
  ],
  [
    'a local worker and a post in another county',
    { preference: 'local' },
    { location: { provinceIsGuizhou: true, countyCode: '520422' } },
    'preference_mismatch',
  ],
  [
    'an in-province worker and an out-of-province post',
    { preference: 'in_province' },
    { source: 'labour_station', location: outOfProvince },
    'preference_mismatch',
  ],
  [
    'an out-of-province worker and a post in Guizhou',
    { preference: 'out_of_province' },
    {},
    'preference_mismatch',
  ],
  [
    'a welfare post of another county',
    {},
    { source: 'public_welfare', location: { provinceIsGuizhou: true, countyCode: '520422' } },
    'welfare_post_other_county',
  ],
];

describe('hard constraints', () => {
  it('accepts the baseline pair', () => {
    expect(hardConstraintViolations(aWorker(), aVacancy(), CTX)).toEqual([]);
    expect(isEligible(aWorker(), aVacancy(), CTX)).toBe(true);
  });

  it.each(cases)('refuses %s', (_name, worker, vacancy, code) => {
    const w = aWorker(worker);
    const v = aVacancy(vacancy);
    expect(hardConstraintViolations(w, v, CTX)).toEqual([code]);
    expect(isEligible(w, v, CTX)).toBe(false);
  });

  it('takes both bounds of the age range, counted by calendar year', () => {
    const range = aVacancy({ ageMin: 16, ageMax: 60 });
    expect(isEligible(aWorker({ birthYear: 1966 }), range, CTX)).toBe(true); // 60 in 2026
    expect(isEligible(aWorker({ birthYear: 2010 }), range, CTX)).toBe(true); // 16 in 2026
  });

  it('counts the year in Guizhou: at 02:00 on 1 January there (18:00 UTC the day before) it is already the new year', () => {
    const range = aVacancy({ ageMin: 16, ageMax: 60, expiresAt: Date.parse('2028-01-01T00:00:00Z') });
    const ctx = { now: Date.parse('2026-12-31T18:00:00Z') };
    expect(isEligible(aWorker({ birthYear: 2011 }), range, ctx)).toBe(true); // 16 in 2027
    expect(isEligible(aWorker({ birthYear: 1966 }), range, ctx)).toBe(false); // 61 in 2027
  });

  it('places weak capacity in public-welfare posts and flexible work', () => {
    const weak = aWorker({ labourCapacity: 'weak' });
    const accepted = { acceptedCapacities: ['weak' as const] };
    expect(isEligible(weak, aVacancy({ ...accepted, source: 'public_welfare' }), CTX)).toBe(true);
    expect(isEligible(weak, aVacancy({ ...accepted, source: 'flexible' }), CTX)).toBe(true);
  });

  it('is eligible exactly when no hard constraint is violated, on random problems', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const problem = randomProblem(seed, { households: 6, maxMembers: 3, vacancies: 8, maxOpenings: 2 });
        for (const w of problem.workers) {
          for (const v of problem.vacancies) {
            const violations = hardConstraintViolations(w, v, problem.ctx);
            expect(isEligible(w, v, problem.ctx)).toBe(violations.length === 0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('lets "any" and "out_of_province" take a labour-station post', () => {
    const v = aVacancy({ source: 'labour_station', location: outOfProvince });
    expect(isEligible(aWorker({ preference: 'any' }), v, CTX)).toBe(true);
    expect(isEligible(aWorker({ preference: 'out_of_province' }), v, CTX)).toBe(true);
  });
});

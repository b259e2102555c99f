import fc from 'fast-check';
import { diversifyFirst } from './diversify';
import { isEligible } from './hard-constraints';
import { RecommendationIndex } from './recommendation-index';
import { scorePoints } from './score';
import { aHousehold, aVacancy, aWorker, CTX } from './testing/fixtures';
import { randomProblem } from './testing/small-problem';
import { MatchProblem } from './match-problem';

function indexOf(problem: MatchProblem): RecommendationIndex {
  const index = new RecommendationIndex();
  problem.households.forEach((h) => index.upsertHousehold(h));
  problem.workers.forEach((w) => index.upsertWorker(w));
  problem.vacancies.forEach((v) => index.upsertVacancy(v));
  return index;
}

describe('RecommendationIndex', () => {
  it('finds the same best scores as a full scan (every eligible vacancy is filed where the worker looks)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const problem = randomProblem(seed, { households: 8, maxMembers: 3, vacancies: 25, maxOpenings: 3 });
        const index = indexOf(problem);
        const households = new Map(problem.households.map((h) => [h.id, h]));
        for (const w of problem.workers) {
          const h = households.get(w.householdId) ?? aHousehold();
          const full = problem.vacancies
            .filter((v) => isEligible(w, v, CTX))
            .map((v) => scorePoints(w, h, v, CTX))
            .sort((a, b) => b - a);
          const got = index.topVacancyScores(w.id, 1000, CTX).map((r) => r.score);
          expect(got).toEqual(full);
        }
        for (const v of problem.vacancies) {
          const eligible = problem.workers.filter((w) => isEligible(w, v, CTX)).length;
          expect(index.candidatesFor(v.id, 1000, CTX)).toHaveLength(eligible);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('follows updates: removed, full and changed vacancies', () => {
    const index = new RecommendationIndex();
    index.upsertHousehold(aHousehold());
    index.upsertWorker(aWorker());
    index.upsertVacancy(aVacancy({ id: 'a' }));
    index.upsertVacancy(aVacancy({ id: 'b', posterId: 'other' }));
    expect(
      index
        .vacanciesFor('h1.1', 5, CTX)
        .map((r) => r.vacancyId)
        .sort(),
    ).toEqual(['a', 'b']);
    index.setRemainingOpenings('a', 0);
    expect(index.vacanciesFor('h1.1', 5, CTX).map((r) => r.vacancyId)).toEqual(['b']);
    index.removeVacancy('b');
    expect(index.vacanciesFor('h1.1', 5, CTX)).toEqual([]);
    index.upsertVacancy(
      aVacancy({
        id: 'a',
        remainingOpenings: 2,
        source: 'labour_station',
        location: { provinceIsGuizhou: false },
      }),
    );
    expect(index.vacanciesFor('h1.1', 5, CTX).map((r) => r.vacancyId)).toEqual(['a']);
    index.upsertWorker(aWorker({ preference: 'local' }));
    expect(index.vacanciesFor('h1.1', 5, CTX)).toEqual([]);
    expect(index.candidatesFor('a', 5, CTX)).toEqual([]);
  });

  it('makes the first three recommendations come from different posters when others fit', () => {
    const index = new RecommendationIndex();
    index.upsertHousehold(aHousehold());
    index.upsertWorker(aWorker());
    for (let i = 0; i < 5; i++) index.upsertVacancy(aVacancy({ id: `same-${i}`, posterId: 'big-workshop' }));
    index.upsertVacancy(aVacancy({ id: 'weaker-1', posterId: 'w2', wageMin: 2000, wageMax: 2500 }));
    index.upsertVacancy(aVacancy({ id: 'weaker-2', posterId: 'w3', wageMin: 2000, wageMax: 2500 }));
    const top = index.vacanciesFor('h1.1', 5, CTX);
    expect(new Set(top.slice(0, 3).map((r) => r.vacancyId))).toEqual(
      new Set(['same-0', 'weaker-1', 'weaker-2']),
    );
    expect(top[0].reasons.length).toBeGreaterThan(0);
  });

  it('falls back to one poster when nothing else fits', () => {
    expect(diversifyFirst(['a1', 'a2', 'a3', 'b1'], (s) => s[0])).toEqual(['a1', 'a2', 'b1', 'a3']);
    expect(diversifyFirst(['a1', 'a2', 'a3'], (s) => s[0])).toEqual(['a1', 'a2', 'a3']);
  });
});

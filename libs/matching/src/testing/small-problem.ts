import { mulberry32 } from '@lib/testing';
import { MatchProblem } from '../match-problem';
import {
  LabourCapacity,
  MatchingHousehold,
  MatchingVacancy,
  MatchingWorker,
  VacancySource,
  WorkPreference,
} from '../model';

/** Deterministic small random problems for property tests (the seed comes from fast-check). */

export const NOW = Date.UTC(2026, 5, 1);

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)];
}

/** 缝纫工, 抽纱刺绣工, 焊工, 中式烹调师, 保洁员, 道路货运汽车驾驶员. */
const SKILLS = ['6-05-01-03', '6-09-03-11', '6-18-02-04', '4-03-02-01', '4-09-08-01', '4-02-02-02'];
const COUNTIES = ['520402', '520422', '520423'];
const CAPACITIES: LabourCapacity[] = ['full', 'full', 'partial', 'weak'];
const PREFERENCES: WorkPreference[] = ['local', 'in_province', 'out_of_province', 'any', 'any'];
const SOURCES: VacancySource[] = ['labour_station', 'employer', 'workshop', 'public_welfare', 'flexible'];

/** What a test or benchmark vacancy's source says of it for the placement rules. */
export function sourceFacts(
  source: VacancySource,
): Pick<MatchingVacancy, 'takesWeakCapacity' | 'welfarePost'> {
  const welfarePost = source === 'public_welfare';
  return { takesWeakCapacity: welfarePost || source === 'flexible', welfarePost };
}

export interface ProblemShape {
  households: number;
  maxMembers: number;
  vacancies: number;
  maxOpenings: number;
}

export function randomProblem(seed: number, shape: ProblemShape): MatchProblem {
  const r = mulberry32(seed);
  const households: MatchingHousehold[] = [];
  const workers: MatchingWorker[] = [];
  for (let h = 0; h < shape.households; h++) {
    const id = `h${h}`;
    const countyCode = pick(r, COUNTIES);
    const members = 1 + Math.floor(r() * shape.maxMembers);
    const employed = r() < 0.3 ? 1 : 0;
    households.push({ id, countyCode, labourCapable: members + employed, employed });
    for (let m = 1; m <= members; m++) {
      workers.push({
        id: `${id}.${m}`,
        householdId: id,
        birthYear: 1966 + Math.floor(r() * 42),
        labourCapacity: pick(r, CAPACITIES),
        preference: pick(r, PREFERENCES),
        skills: SKILLS.filter(() => r() < 0.25),
        trainings: SKILLS.filter(() => r() < 0.1),
        expectedMonthlyWage: r() < 0.2 ? undefined : 2000 + Math.floor(r() * 40) * 100,
        returnee: r() < 0.2,
        relocationSiteId: `site-${countyCode}-${Math.floor(r() * 2)}`,
        countyCode,
        prefectureCode: '520400',
        employed: r() < 0.05,
      });
    }
  }
  const vacancies: MatchingVacancy[] = [];
  for (let v = 0; v < shape.vacancies; v++) {
    const source = pick(r, SOURCES);
    const countyCode = pick(r, COUNTIES);
    const outside = source === 'labour_station';
    const wageMin = 1800 + Math.floor(r() * 30) * 100;
    vacancies.push({
      id: `v${v}`,
      posterId: `p${Math.floor(r() * 3)}`,
      source,
      ...sourceFacts(source),
      occupation: pick(r, SKILLS),
      requiredSkills: SKILLS.filter(() => r() < 0.2),
      location: outside
        ? { provinceIsGuizhou: false, partnerPrefectureCode: r() < 0.5 ? '520400' : '520200' }
        : {
            provinceIsGuizhou: true,
            prefectureCode: '520400',
            countyCode,
            relocationSiteId: `site-${countyCode}-0`,
          },
      remainingOpenings: Math.floor(r() * (shape.maxOpenings + 1)),
      wageMin,
      wageMax: wageMin + Math.floor(r() * 20) * 100,
      ageMin: 16,
      ageMax: pick(r, [45, 55, 60]),
      acceptedCapacities:
        source === 'public_welfare' || source === 'flexible'
          ? ['full', 'partial', 'weak']
          : ['full', 'partial'],
      expiresAt: r() < 0.9 ? NOW + 86_400_000 : NOW - 1,
      status: r() < 0.95 ? 'open' : 'closed',
    });
  }
  return { workers, households, vacancies, ctx: { now: NOW } };
}

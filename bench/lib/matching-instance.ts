/**
 * Deterministic, seeded matching instances shaped like Guizhou's relocated population: 9 prefectures,
 * 88 counties, ~953 relocation sites, 135 out-of-province labour stations in partner cities, workshops at
 * the sites, county public-welfare posts. Only job-seekers (members with labour and no job) are workers.
 */
import {
  LabourCapacity,
  MatchingHousehold,
  MatchingVacancy,
  MatchingWorker,
  MatchProblem,
  VacancySource,
  WorkPreference,
} from '@lib/matching';
import { sourceFacts } from '@lib/matching/testing/small-problem';
import { mulberry32 } from '@lib/testing';

/** Prefecture code, county count, share of the relocated population (roughly as reported). */
const PREFECTURES: [string, number, number][] = [
  ['520100', 10, 0.03],
  ['520200', 4, 0.1],
  ['520300', 14, 0.06],
  ['520400', 6, 0.06],
  ['520500', 8, 0.2],
  ['520600', 10, 0.15],
  ['522300', 8, 0.12],
  ['522600', 16, 0.16],
  ['522700', 12, 0.12],
];

/** Thirty distinct occupation codes (职业分类大典), the trades relocated workers hold most. */
const SKILLS = [
  '6-05-01-03', // 缝纫工
  '6-09-03-11', // 抽纱刺绣工
  '6-04-06-07', // 工艺染织品制作工 (蜡染)
  '6-25-04-07', // 电子设备装接工
  '6-18-02-04', // 焊工
  '6-31-01-03', // 电工
  '6-29-01-01', // 砌筑工
  '6-06-03-01', // 手工木工
  '4-03-02-01', // 中式烹调师
  '4-03-02-02', // 中式面点师
  '4-10-01-06', // 家政服务员
  '4-10-01-05', // 养老护理员
  '4-10-01-03', // 保育师
  '4-02-02-02', // 道路货运汽车驾驶员
  '6-30-05-01', // 起重装卸机械操作工
  '4-02-06-01', // 仓储管理员
  '4-09-08-01', // 保洁员
  '4-07-05-01', // 保安员
  '4-09-10-01', // 园林绿化工
  '5-01-02-02', // 园艺工 (茶园)
  '5-03-02-01', // 家畜饲养员
  '4-01-06-01', // 电子商务师
  '4-10-03-02', // 美发师
  '6-29-03-04', // 管工
  '6-29-04-01', // 装饰装修工
  '4-02-07-09', // 快件处理员
  '6-18-01-07', // 多工序数控机床操作调整工
  '6-31-03-05', // 质检员
  '6-05-04-01', // 制鞋工
  '6-01-06-00', // 果蔬坚果加工工
];

const SOURCE_MIX: [VacancySource, number, number][] = [
  // source, share of vacancies, mean openings
  ['labour_station', 0.35, 8],
  ['employer', 0.25, 5],
  ['workshop', 0.2, 4],
  ['public_welfare', 0.15, 2],
  ['flexible', 0.05, 3],
];

export const BENCH_NOW = Date.UTC(2026, 5, 1);

export interface InstanceShape {
  readonly seed: number;
  /** Relocated households (the population); about half have a job-seeker. */
  readonly households: number;
  readonly vacancies: number;
  /** Restrict to the first N prefectures × first M counties (county-scale instances). */
  readonly prefectures?: number;
  readonly countiesPerPrefecture?: number;
}

export const PROVINCE: InstanceShape = { seed: 2026, households: 410_000, vacancies: 21_000 };
export const COUNTY: InstanceShape = {
  seed: 7,
  households: 5_000,
  vacancies: 260,
  prefectures: 1,
  countiesPerPrefecture: 1,
};

interface County {
  code: string;
  prefecture: string;
  sites: string[];
  weight: number;
}

function counties(shape: InstanceShape): County[] {
  const out: County[] = [];
  for (const [pref, n, share] of PREFECTURES.slice(0, shape.prefectures ?? PREFECTURES.length)) {
    const m = Math.min(n, shape.countiesPerPrefecture ?? n);
    for (let i = 1; i <= m; i++) {
      const code = `${pref.slice(0, 4)}${String(20 + i).padStart(2, '0')}`;
      const sites = Array.from({ length: 11 }, (_, s) => `site-${code}-${s}`);
      out.push({ code, prefecture: pref, sites, weight: share / n });
    }
  }
  return out;
}

export function generateInstance(shape: InstanceShape): MatchProblem {
  const r = mulberry32(shape.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
  const cs = counties(shape);
  const totalWeight = cs.reduce((s, c) => s + c.weight, 0);
  const byWeight = cs.map((c): [County, number] => [c, c.weight / totalWeight]);
  const pickCounty = (): County => weighted(r, byWeight);

  const households: MatchingHousehold[] = [];
  const workers: MatchingWorker[] = [];
  for (let h = 0; h < shape.households; h++) {
    const county = pickCounty();
    const id = `hh-${h}`;
    const labourCapable = 1 + Math.floor(r() * 4);
    const zeroEmployment = r() < 0.08;
    const seekers = zeroEmployment
      ? labourCapable
      : r() < 0.45
        ? Math.max(1, Math.floor(r() * labourCapable))
        : 0;
    const employed = labourCapable - seekers;
    households.push({ id, countyCode: county.code, labourCapable, employed });
    const site = pick(county.sites);
    for (let m = 1; m <= seekers; m++) workers.push(aSeeker(r, `${id}.${m}`, id, county, site));
  }

  const vacancies: MatchingVacancy[] = [];
  const prefectureCodes = [...new Set(cs.map((c) => c.prefecture))];
  for (let v = 0; v < shape.vacancies; v++) {
    const [source, meanOpenings] = weighted(
      r,
      SOURCE_MIX.map(([src, share, mean]): [[VacancySource, number], number] => [[src, mean], share]),
    );
    const county = pickCounty();
    const occupation = pick(SKILLS);
    const wageMin =
      source === 'public_welfare' ? 1200 + Math.floor(r() * 6) * 100 : 2200 + Math.floor(r() * 30) * 100;
    const station = Math.floor(r() * 135);
    vacancies.push({
      id: `vac-${v}`,
      posterId:
        source === 'labour_station'
          ? `station-${station}`
          : `${source}-${county.code}-${Math.floor(r() * 12)}`,
      source,
      ...sourceFacts(source),
      occupation,
      requiredSkills: r() < 0.35 ? [] : [occupation, ...(r() < 0.3 ? [pick(SKILLS)] : [])],
      location:
        source === 'labour_station'
          ? {
              provinceIsGuizhou: false,
              partnerPrefectureCode: prefectureCodes[station % prefectureCodes.length],
            }
          : {
              provinceIsGuizhou: true,
              prefectureCode: county.prefecture,
              countyCode: county.code,
              relocationSiteId: source === 'workshop' ? pick(county.sites) : undefined,
            },
      remainingOpenings: 1 + Math.floor(r() * (2 * meanOpenings - 1)),
      wageMin,
      wageMax: wageMin + Math.floor(r() * 15) * 100,
      ageMin: 16,
      ageMax: source === 'labour_station' ? 50 : 60,
      acceptedCapacities:
        source === 'public_welfare' || source === 'flexible'
          ? ['full', 'partial', 'weak']
          : source === 'workshop'
            ? ['full', 'partial']
            : ['full'],
      expiresAt: BENCH_NOW + 30 * 86_400_000,
      status: 'open',
    });
  }
  return { households, workers, vacancies, ctx: { now: BENCH_NOW } };
}

const CAPACITY: [LabourCapacity, number][] = [
  ['full', 0.7],
  ['partial', 0.2],
  ['weak', 0.1],
];
const PREFERENCE: [WorkPreference, number][] = [
  ['local', 0.35],
  ['in_province', 0.2],
  ['out_of_province', 0.25],
  ['any', 0.2],
];

function weighted<T>(r: () => number, items: [T, number][]): T {
  let x = r();
  for (const [item, p] of items) if ((x -= p) <= 0) return item;
  return items[items.length - 1][0];
}

function aSeeker(
  r: () => number,
  id: string,
  householdId: string,
  county: County,
  site: string,
): MatchingWorker {
  const skills = SKILLS.filter(() => r() < 0.06);
  return {
    id,
    householdId,
    birthYear: 1962 + Math.floor(r() * 46),
    labourCapacity: weighted(r, CAPACITY),
    preference: weighted(r, PREFERENCE),
    skills,
    trainings: r() < 0.3 ? [SKILLS[Math.floor(r() * SKILLS.length)]] : [],
    expectedMonthlyWage: r() < 0.15 ? undefined : 2000 + Math.floor(r() * 30) * 100,
    returnee: r() < 0.12,
    relocationSiteId: site,
    countyCode: county.code,
    prefectureCode: county.prefecture,
    employed: false,
  };
}

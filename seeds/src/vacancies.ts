import { prefectureOfCounty } from '@contracts/regions/guizhou-divisions';
import type { Rng } from './prng';
import type { LabourStation } from './labour-stations';
import type { Industry, PartnerEmployer } from './partner-employers';
import { stationDetails, welfareDetails, workshopDetails } from './vacancy-details';
import type { VacancyBody } from './seed-commands';
import type { WelfareProgramme } from './welfare-programmes';
import { OCC } from './occupation-codes';
import type { Workshop, WorkshopSector } from './workshops';

/** Vacancy bodies for the three sources. Wages are monthly yuan, rounded to 100. */

/** A post is for people who can work: `none` is not a capacity a vacancy accepts. */
type PostCapacity = VacancyBody['labourCapacities'][number];

interface JobSpec {
  title: string;
  /** Which of a partner city's employers offers it (station jobs only). */
  industry?: Industry;
  /** 职业分类大典 code; skills are codes too. */
  occupation: string;
  skills: readonly string[];
  /** Range the minimum wage is drawn from. */
  wageMin: readonly [number, number];
  ages: readonly [number, number];
  capacities: readonly PostCapacity[];
}

const job = (
  title: string,
  occupation: string,
  skills: readonly string[],
  wageMin: readonly [number, number],
  ages: readonly [number, number],
  capacities: readonly PostCapacity[] = ['full'],
): JobSpec => ({ title, occupation, skills, wageMin, ages, capacities });

const at = (industry: Industry, spec: JobSpec): JobSpec => ({ ...spec, industry });

/** What stations collect from employers in the partner cities, with how often each is posted. */
const STATION_JOBS: readonly (readonly [JobSpec, number])[] = [
  [at('electronics', job('电子厂普工', OCC.electronicsAssembler, [OCC.electronicsAssembler], [4500, 5500], [18, 45])), 20],
  [at('garments', job('缝纫工', OCC.sewingMachinist, [OCC.sewingMachinist], [4500, 6000], [18, 50], ['full', 'partial'])), 12],
  [at('construction', job('建筑工', OCC.bricklayer, [OCC.bricklayer], [6000, 7500], [20, 55])), 10],
  [at('catering', job('粤菜厨师', OCC.chineseCook, [OCC.chineseCook], [5000, 6500], [20, 50])), 5],
  [at('domestic', job('家政服务员', OCC.domesticWorker, [OCC.domesticWorker], [4500, 6000], [22, 55], ['full', 'partial'])), 8],
  [at('property', job('保安员', OCC.securityGuard, [OCC.securityGuard], [4000, 5000], [18, 55])), 8],
  [at('logistics', job('快递分拣员', OCC.parcelSorter, [OCC.parcelSorter], [5000, 6000], [18, 45])), 10],
  [at('construction', job('焊工', OCC.welder, [OCC.welder], [6500, 8000], [20, 50])), 5],
  [at('logistics', job('货车司机', OCC.truckDriver, [OCC.truckDriver], [7000, 8500], [22, 50])), 4],
  [at('electronics', job('包装工', OCC.packer, [], [4000, 4800], [18, 55], ['full', 'partial'])), 10],
  [at('electronics', job('注塑操作工', OCC.plasticsMoulder, [OCC.plasticsMoulder], [5000, 6000], [18, 45])), 5],
  [at('domestic', job('养老护理员', OCC.elderlyCarer, [OCC.elderlyCarer], [4500, 5500], [25, 55], ['full', 'partial'])), 3],
]; // prettier-ignore

const LOCAL = ['full', 'partial'] as const;
const WORKSHOP_JOBS: Readonly<Record<WorkshopSector, readonly JobSpec[]>> = {
  garments: [job('车缝工', OCC.sewingMachinist, [OCC.sewingMachinist], [2400, 3200], [18, 60], LOCAL)],
  electronics_assembly: [job('电子装配工', OCC.electronicsAssembler, [OCC.electronicsAssembler], [2400, 3200], [18, 55], LOCAL)],
  embroidery: [job('绣娘', OCC.embroiderer, [OCC.embroiderer], [2000, 3000], [18, 65], LOCAL)],
  food_processing: [job('食品加工工', OCC.produceProcessor, [OCC.produceProcessor], [2200, 3000], [18, 60], LOCAL)],
  shoemaking: [job('制鞋工', OCC.shoemaker, [OCC.shoemaker], [2400, 3200], [18, 55], LOCAL)],
  wig_making: [job('发制品工', OCC.unclassified, [OCC.unclassified], [2200, 3000], [18, 60], LOCAL)],
  handicrafts: [job('手工艺品制作工', OCC.folkCraftMaker, [OCC.folkCraftMaker], [2000, 2800], [18, 65], LOCAL)],
}; // prettier-ignore
const WORKSHOP_PACKER = job('包装质检工', OCC.packer, [], [2200, 2800], [18, 60], LOCAL);

const roundHundred = (n: number): number => Math.round(n / 100) * 100;

function wage(rng: Rng, spec: JobSpec): VacancyBody['wage'] {
  const min = roundHundred(rng.int(spec.wageMin[0], spec.wageMin[1]));
  return { min, max: min + 100 * rng.int(5, 20), period: 'month' };
}

/**
 * A station's vacancy at one of its city's partner employers (`employerOf` finds the one of the job's
 * industry), with every detail filled from `details`' own stream.
 */
export function stationVacancy(
  rng: Rng,
  station: LabourStation,
  expiresAt: string,
  employerOf: (industry: Industry) => PartnerEmployer,
  details: Rng,
): { body: VacancyBody; employerRef: string } {
  const spec = rng.weighted(STATION_JOBS);
  const employer = employerOf(spec.industry ?? 'electronics');
  const body: VacancyBody = {
    source: { type: 'labour_station', id: station.id },
    title: spec.title,
    occupation: spec.occupation,
    skills: [...spec.skills],
    location: { province: station.hostProvince, city: station.hostCity },
    openings: rng.int(3, 20),
    wage: wage(rng, spec),
    ageRange: { min: spec.ages[0], max: spec.ages[1] },
    labourCapacities: [...spec.capacities],
    accommodation: rng.chance(0.8),
    expiresAt,
    ...stationDetails(details, spec.title, employer),
  };
  return { body, employerRef: employer.ref };
}

function guizhouLocation(countyCode: string): VacancyBody['location'] {
  return { province: '贵州省', city: prefectureOfCounty(countyCode)?.name ?? '', countyCode };
}

export function workshopVacancy(rng: Rng, workshop: Workshop, expiresAt: string, details: Rng): VacancyBody {
  const spec = rng.chance(0.8) ? rng.pick(WORKSHOP_JOBS[workshop.sector]) : WORKSHOP_PACKER;
  return {
    source: { type: 'workshop', id: workshop.id },
    title: spec.title,
    occupation: spec.occupation,
    skills: [...spec.skills],
    location: guizhouLocation(workshop.countyCode),
    openings: rng.int(2, 8),
    wage: wage(rng, spec),
    ageRange: { min: spec.ages[0], max: spec.ages[1] },
    labourCapacities: [...spec.capacities],
    accommodation: false,
    flexibleHours: workshop.flexibleHours,
    expiresAt,
    ...workshopDetails(details, spec.title, workshop),
  };
}

export function welfareVacancy(
  rng: Rng,
  programme: WelfareProgramme,
  expiresAt: string,
  details: Rng,
): VacancyBody {
  return {
    source: { type: 'public_welfare', id: programme.countyCode },
    title: programme.title,
    occupation: programme.occupation,
    skills: [...programme.skills],
    location: guizhouLocation(programme.countyCode),
    openings: rng.int(2, 10),
    wage: { min: programme.monthlySubsidy, max: programme.monthlySubsidy, period: 'month' },
    // Welfare posts are for those who cannot take market jobs: older and weaker workers included.
    ageRange: { min: 18, max: 70 },
    labourCapacities: ['full', 'partial', 'weak'],
    accommodation: false,
    flexibleHours: true,
    expiresAt,
    welfare: { monthlySubsidy: programme.monthlySubsidy, termMonths: programme.termMonths },
    ...welfareDetails(details, programme),
  };
}

/**
 * Pure mappings from the write side's own states (the household and vacancy states the deciders fold, so
 * the facts the placement command checks are exactly the facts matching sees) onto libs/matching's model.
 * The extra facts matching needs and the deciders do not keep (training skills, returnee, where a poster
 * is) are kept beside them and passed in.
 */
import type { LabourCapacity as ContractCapacity, Gender, WageRange } from '@contracts';
import {
  placementVacancyFacts,
  takenOpenings,
  type PostedVacancyState,
  type RegisteredHousehold,
  type WorkerState,
} from '@lib/domain';
import type {
  LabourCapacity,
  MatchingHousehold,
  MatchingVacancy,
  MatchingWorker,
  VacancySource,
} from '@lib/matching';

/** What the deciders do not keep of a worker but scoring (or a candidate's summary line) uses. */
export interface WorkerExtras {
  /** Skill tags of completed trainings, in order, without repeats. */
  readonly trainings: readonly string[];
  readonly returnee: boolean;
  /** As registered: shown to those who answer for the person (libs/auth personal-data), never scored. */
  readonly name?: string;
  readonly gender?: Gender;
}

export const NO_EXTRAS: WorkerExtras = { trainings: [], returnee: false };

/** Where the posters are: a workshop's site, a station's home prefecture (its partner). */
export interface PosterDirectory {
  readonly workshops: ReadonlyMap<string, { readonly countyCode: string; readonly relocationSiteId: string }>;
  /** Station id → the Guizhou region code that runs it (province, prefecture or county). */
  readonly stations: ReadonlyMap<string, string>;
}

/** `520402` → `520400`; the province code `520000` has no prefecture. */
export function prefectureOf(regionCode: string): string | undefined {
  if (!/^\d{6}$/.test(regionCode) || regionCode.slice(2, 4) === '00') return undefined;
  return `${regionCode.slice(0, 4)}00`;
}

const DAYS_PER_MONTH = 21.75;
const HOURS_PER_DAY = 8;

/** Wages compare per month (the unit workers state expectations in): 21.75 working days of 8 hours. */
export function monthlyWage(amount: number, period: WageRange['period']): number {
  switch (period) {
    case 'month':
      return amount;
    case 'day':
      return Math.round(amount * DAYS_PER_MONTH);
    case 'hour':
      return Math.round(amount * HOURS_PER_DAY * DAYS_PER_MONTH);
  }
}

const isMatchable = (capacity: ContractCapacity): capacity is LabourCapacity => capacity !== 'none';

/**
 * A worker as matching sees them, or undefined for a member without labour capacity (never matched: the
 * household decider refuses to place them).
 */
export function toMatchingWorker(
  household: RegisteredHousehold,
  worker: WorkerState,
  extras: WorkerExtras = NO_EXTRAS,
): MatchingWorker | undefined {
  const capacity = worker.labourCapacity;
  if (!isMatchable(capacity)) return undefined;
  return {
    id: worker.workerId,
    householdId: household.householdId,
    birthYear: worker.birthYear,
    labourCapacity: capacity,
    preference: worker.preference,
    skills: worker.skills,
    trainings: extras.trainings,
    expectedMonthlyWage: worker.expectedMonthlyWage ?? undefined,
    returnee: extras.returnee,
    relocationSiteId: household.relocationSiteId,
    countyCode: household.countyCode,
    prefectureCode: prefectureOf(household.countyCode) ?? household.countyCode,
    employed: worker.activeEmployment !== undefined,
  };
}

/** The household figures scoring uses: members with labour capacity, members employed. */
export function toMatchingHousehold(household: RegisteredHousehold): MatchingHousehold {
  let labourCapable = 0;
  let employed = 0;
  for (const w of household.workers.values()) {
    if (w.labourCapacity !== 'none') labourCapable++;
    if (w.activeEmployment) employed++;
  }
  return { id: household.householdId, countyCode: household.countyCode, labourCapable, employed };
}

/**
 * Matching's source says who may take the post more than who posted it: a post with flexible hours is
 * `flexible`, whoever posted it. The placement rules do not read it: they read the vacancy's facts.
 */
export function matchingSourceOf(posting: PostedVacancyState['posting']): VacancySource {
  if (posting.source.type === 'public_welfare') return 'public_welfare';
  if (posting.flexibleHours === true) return 'flexible';
  return posting.source.type;
}

export function toMatchingVacancy(vacancy: PostedVacancyState, posters: PosterDirectory): MatchingVacancy {
  const { posting } = vacancy;
  const { source } = posting;
  // The facts the placement saga checks, copied as they are (a welfare post is in the county that runs it).
  const facts = placementVacancyFacts(posting);
  const { provinceIsGuizhou: inGuizhou, countyCode } = facts.location;
  const workshop = source.type === 'workshop' ? posters.workshops.get(source.id) : undefined;
  const stationRegion = source.type === 'labour_station' ? posters.stations.get(source.id) : undefined;
  return {
    id: posting.vacancyId,
    posterId: `${source.type}:${source.id}`,
    source: matchingSourceOf(posting),
    takesWeakCapacity: facts.takesWeakCapacity,
    welfarePost: facts.welfarePost,
    occupation: posting.occupation,
    requiredSkills: posting.skills,
    location: {
      provinceIsGuizhou: inGuizhou,
      countyCode,
      prefectureCode: inGuizhou && countyCode ? prefectureOf(countyCode) : undefined,
      relocationSiteId:
        workshop && workshop.countyCode === countyCode ? workshop.relocationSiteId : undefined,
      partnerPrefectureCode: !inGuizhou && stationRegion ? prefectureOf(stationRegion) : undefined,
    },
    remainingOpenings: Math.max(0, vacancy.openings - takenOpenings(vacancy)),
    wageMin: monthlyWage(posting.wage.min, posting.wage.period),
    wageMax: monthlyWage(posting.wage.max, posting.wage.period),
    ageMin: facts.ageMin,
    ageMax: facts.ageMax,
    // Without `none`, which no posting accepts (the vacancy decider refuses it) and no matching worker has.
    acceptedCapacities: facts.acceptedCapacities.filter(isMatchable),
    expiresAt: Date.parse(vacancy.expiresAt),
    status: vacancy.status === 'open' ? 'open' : 'closed',
  };
}

/** Adds a training's skill to the extras (a repeated training changes nothing). */
export function withTraining(extras: WorkerExtras, skill: string): WorkerExtras {
  return extras.trainings.includes(skill) ? extras : { ...extras, trainings: [...extras.trainings, skill] };
}

/**
 * The hard placement rules, written once. The placement saga checks them before it reserves an opening
 * (postings/placement-constraints.ts); libs/matching checks them for every pair it recommends or plans
 * (hard-constraints.ts). Both read the same facts, taken from a posting by `placementVacancyFacts`, so a
 * recommended pair is never refused at placement and a pair the placement accepts is never hidden by
 * matching. Whether openings are left and whether the worker already has a job are states of other
 * streams, decided where those streams are.
 */
import {
  GUIZHOU_PROVINCE_NAME,
  type EventData,
  type LabourCapacity,
  type WorkLocation,
  type WorkPreference,
} from '@contracts';

/** What the rules know of a worker. libs/matching's MatchingWorker has these fields as they are. */
export interface PlacementWorkerFacts {
  readonly birthYear: number;
  readonly labourCapacity: LabourCapacity;
  readonly preference: WorkPreference;
  /** The county of the worker's household (where the relocation site is). */
  readonly countyCode: string;
}

/** Where a vacancy is, as the preference and welfare rules read it. */
export interface PlacementLocationFacts {
  readonly provinceIsGuizhou: boolean;
  /** The effective county: a public-welfare post is in the county that runs it, even if its location names none. */
  readonly countyCode?: string;
}

/** What the rules know of a vacancy. libs/matching's MatchingVacancy has these fields as they are. */
export interface PlacementVacancyFacts {
  readonly ageMin: number;
  readonly ageMax: number;
  readonly acceptedCapacities: readonly LabourCapacity[];
  /** Public-welfare posts and posts with flexible hours: the only work weak capacity is placed in. */
  readonly takesWeakCapacity: boolean;
  /** A public-welfare post: county-run, for the county's own residents. */
  readonly welfarePost: boolean;
  readonly location: PlacementLocationFacts;
}

export type PlacementRule =
  'labour_capacity' | 'age' | 'capacity_accepted' | 'weak_capacity' | 'preference' | 'welfare_county';

/** Every rule, in the order they are checked and reported. */
export const PLACEMENT_RULES: readonly PlacementRule[] = [
  'labour_capacity',
  'age',
  'capacity_accepted',
  'weak_capacity',
  'preference',
  'welfare_county',
];

export interface BrokenPlacementRule {
  readonly rule: PlacementRule;
  readonly message: string;
}

const GUIZHOU_NAMES = new Set([GUIZHOU_PROVINCE_NAME, '贵州', 'guizhou', 'guizhou province']);

/** A work location is in Guizhou when its county code is (52xxxx), or, without one, by its province name. */
export function isInGuizhou(location: WorkLocation): boolean {
  if (location.countyCode) return location.countyCode.startsWith('52');
  return GUIZHOU_NAMES.has(location.province.trim().toLowerCase());
}

/** The county a posting is in: its location's, or for a public-welfare post the county that runs it (its source id). */
export const postingCountyOf = (posting: {
  readonly location: { readonly countyCode?: string };
  readonly source: { readonly type: string; readonly id: string };
}): string | undefined =>
  posting.location.countyCode ?? (posting.source.type === 'public_welfare' ? posting.source.id : undefined);

type PostingFacts = Pick<
  EventData<'VacancyPosted'>,
  'source' | 'location' | 'ageRange' | 'labourCapacities' | 'flexibleHours'
>;

/** The facts of a posting: the decider side reads them as they are, matching-state copies them. */
export function placementVacancyFacts(posting: PostingFacts): PlacementVacancyFacts {
  const welfarePost = posting.source.type === 'public_welfare';
  const countyCode = postingCountyOf(posting);
  return {
    ageMin: posting.ageRange.min,
    ageMax: posting.ageRange.max,
    acceptedCapacities: posting.labourCapacities,
    takesWeakCapacity: welfarePost || posting.flexibleHours === true,
    welfarePost,
    location: { provinceIsGuizhou: isInGuizhou({ ...posting.location, countyCode }), countyCode },
  };
}

/**
 * Whether a location suits a preference. `local` is the worker's own county (the "15-minute employment
 * circle" around the relocation site), not the prefecture: a workshop in the next county is `in_province`.
 */
export function locationFitsPreference(
  preference: WorkPreference,
  workerCountyCode: string,
  location: PlacementLocationFacts,
): boolean {
  switch (preference) {
    case 'any':
      return true;
    case 'out_of_province':
      return !location.provinceIsGuizhou;
    case 'in_province':
      return location.provinceIsGuizhou;
    case 'local':
      return location.provinceIsGuizhou && location.countyCode === workerCountyCode;
  }
}

// One predicate per rule: true when the rule holds. Age counts by calendar year: `year` minus birth year.
type Holds = (worker: PlacementWorkerFacts, vacancy: PlacementVacancyFacts, year: number) => boolean;

const hasLabourCapacity: Holds = (w) => w.labourCapacity !== 'none';
const ageInRange: Holds = (w, v, year) => {
  const age = year - w.birthYear;
  return age >= v.ageMin && age <= v.ageMax;
};
/** No labour capacity at all is the first rule's to report, not this one's. */
const capacityAccepted: Holds = (w, v) =>
  w.labourCapacity === 'none' || v.acceptedCapacities.includes(w.labourCapacity);
/** Weak capacity is placed only where the work can bend to it, whatever capacities a poster accepts. */
const weakCapacityPlaced: Holds = (w, v) => w.labourCapacity !== 'weak' || v.takesWeakCapacity;
const preferenceMet: Holds = (w, v) => locationFitsPreference(w.preference, w.countyCode, v.location);
/** Public-welfare posts are county-run for the county's own residents. */
const ownWelfareCounty: Holds = (w, v) => !v.welfarePost || v.location.countyCode === w.countyCode;

const HOLDS: Record<PlacementRule, Holds> = {
  labour_capacity: hasLabourCapacity,
  age: ageInRange,
  capacity_accepted: capacityAccepted,
  weak_capacity: weakCapacityPlaced,
  preference: preferenceMet,
  welfare_county: ownWelfareCounty,
};

/**
 * The first rule the pair breaks, in PLACEMENT_RULES order, or undefined when it may be placed. It runs for
 * every candidate pair of a match plan: no allocation, each predicate called by name.
 */
export function firstPlacementRuleBroken(
  worker: PlacementWorkerFacts,
  vacancy: PlacementVacancyFacts,
  year: number,
): PlacementRule | undefined {
  if (!hasLabourCapacity(worker, vacancy, year)) return 'labour_capacity';
  if (!ageInRange(worker, vacancy, year)) return 'age';
  if (!capacityAccepted(worker, vacancy, year)) return 'capacity_accepted';
  if (!weakCapacityPlaced(worker, vacancy, year)) return 'weak_capacity';
  if (!preferenceMet(worker, vacancy, year)) return 'preference';
  if (!ownWelfareCounty(worker, vacancy, year)) return 'welfare_county';
  return undefined;
}

/** How messages name the worker and the vacancy's place: the facts carry neither name. */
export interface PlacementLabels {
  /** E.g. `Worker h1.1`. */
  readonly worker?: string;
  /** E.g. the county code, or province and city. */
  readonly place?: string;
}

/** Every rule the pair breaks, in PLACEMENT_RULES order, each with a message for the rejection. */
export function placementRulesBroken(
  worker: PlacementWorkerFacts,
  vacancy: PlacementVacancyFacts,
  year: number,
  labels: PlacementLabels = {},
): BrokenPlacementRule[] {
  return PLACEMENT_RULES.filter((rule) => !HOLDS[rule](worker, vacancy, year)).map((rule) => ({
    rule,
    message: messageOf(rule, worker, vacancy, year, labels),
  }));
}

function messageOf(
  rule: PlacementRule,
  w: PlacementWorkerFacts,
  v: PlacementVacancyFacts,
  year: number,
  labels: PlacementLabels,
): string {
  const who = labels.worker ?? 'The worker';
  switch (rule) {
    case 'labour_capacity':
      return `${who} has no labour capacity`;
    case 'age':
      return `${who} is ${year - w.birthYear} in ${year}; the vacancy takes ages ${v.ageMin}-${v.ageMax}`;
    case 'capacity_accepted':
      return `The vacancy takes labour capacity ${v.acceptedCapacities.join(', ')}, not ${w.labourCapacity}`;
    case 'weak_capacity':
      return 'A worker with weak labour capacity is placed only in a public-welfare post or a post with flexible hours';
    case 'preference': {
      const where =
        labels.place ??
        v.location.countyCode ??
        (v.location.provinceIsGuizhou ? 'Guizhou' : 'another province');
      return `${who} prefers ${w.preference} work; the vacancy is in ${where}`;
    }
    case 'welfare_county':
      return `Public-welfare post of county ${v.location.countyCode} is for its residents; the worker's household is in ${w.countyCode}`;
  }
}

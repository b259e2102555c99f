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

// One bit per rule, in PLACEMENT_RULES order.
const LABOUR_CAPACITY = 1 << 0;
const AGE = 1 << 1;
const CAPACITY_ACCEPTED = 1 << 2;
const WEAK_CAPACITY = 1 << 3;
const PREFERENCE = 1 << 4;
const WELFARE_COUNTY = 1 << 5;

/**
 * The rules, each written once: the bits of the rules the pair breaks, age counted by calendar year (`year`
 * minus birth year). Unless `every`, it stops at the first broken rule: the hot path only asks whether one
 * is. Straight-line code that calls only `includes` and the preference check: one predicate call per rule
 * made matching's isEligible about a quarter slower (measured); this inlines where it is called.
 */
function brokenRuleBits(
  worker: PlacementWorkerFacts,
  vacancy: PlacementVacancyFacts,
  year: number,
  every: boolean,
): number {
  let bits = 0;
  const capacity = worker.labourCapacity;
  if (capacity === 'none') {
    bits |= LABOUR_CAPACITY;
    if (!every) return bits;
  }
  const age = year - worker.birthYear;
  if (age < vacancy.ageMin || age > vacancy.ageMax) {
    bits |= AGE;
    if (!every) return bits;
  }
  // No labour capacity at all is the first rule's to report, not this one's.
  if (capacity !== 'none' && !vacancy.acceptedCapacities.includes(capacity)) {
    bits |= CAPACITY_ACCEPTED;
    if (!every) return bits;
  }
  // Weak capacity is placed only where the work can bend to it, whatever capacities a poster accepts.
  if (capacity === 'weak' && !vacancy.takesWeakCapacity) {
    bits |= WEAK_CAPACITY;
    if (!every) return bits;
  }
  if (!locationFitsPreference(worker.preference, worker.countyCode, vacancy.location)) {
    bits |= PREFERENCE;
    if (!every) return bits;
  }
  // Public-welfare posts are county-run for the county's own residents.
  if (vacancy.welfarePost && vacancy.location.countyCode !== worker.countyCode) bits |= WELFARE_COUNTY;
  return bits;
}

/**
 * Whether the pair breaks no rule, in the calendar year `year`. It runs for every candidate pair of a match
 * plan: it allocates nothing and stops at the first broken rule.
 */
export function isPlacementAllowed(
  worker: PlacementWorkerFacts,
  vacancy: PlacementVacancyFacts,
  year: number,
): boolean {
  return brokenRuleBits(worker, vacancy, year, false) === 0;
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
  const bits = brokenRuleBits(worker, vacancy, year, true);
  return PLACEMENT_RULES.filter((_, i) => bits & (1 << i)).map((rule) => ({
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

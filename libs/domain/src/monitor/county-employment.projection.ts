import { CHANNELS, GUIZHOU_PROVINCE_CODE, type Channel } from '@contracts';
import { hasWhole131, isJobSeeker, type HouseholdEmployment } from './household-employment';

/** The additive counts behind every figure of GET /v1/counties/:code/employment. */
export interface EmploymentCounts {
  readonly households: number;
  /** Covered + zero-employment: a household covered only by a member recorded as capacity `none` counts here. */
  readonly householdsWithLabour: number;
  readonly coveredHouseholds: number;
  readonly zeroEmploymentHouseholds: number;
  readonly noLabourHouseholds: number;
  readonly labourCapableWorkers: number;
  /** Every employed member, whatever their capacity. */
  readonly employedWorkers: number;
  readonly employedLabourCapableWorkers: number;
  /** Employed workers by the channel of their employment. */
  readonly byChannel: Readonly<Record<Channel, number>>;
  /** Members who can work and have no job. */
  readonly jobSeekers: number;
  /** Job-seekers who have received the whole "131" package. */
  readonly jobSeekersWith131: number;
}

export type RegionLevel = 'county' | 'prefecture' | 'province';

export interface RegionEmployment extends EmploymentCounts {
  readonly level: RegionLevel;
  readonly regionCode: string;
  /** Employed labour-capable workers / labour-capable workers (0 when none): a share, never above 1. */
  readonly employmentRate: number;
  /** Employed workers / households with labour (0 when none). */
  readonly employedPerHousehold: number;
}

const noChannels = (): Record<Channel, number> =>
  Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;

export const ZERO_COUNTS: EmploymentCounts = Object.freeze({
  households: 0,
  householdsWithLabour: 0,
  coveredHouseholds: 0,
  zeroEmploymentHouseholds: 0,
  noLabourHouseholds: 0,
  labourCapableWorkers: 0,
  employedWorkers: 0,
  employedLabourCapableWorkers: 0,
  byChannel: Object.freeze(noChannels()),
  jobSeekers: 0,
  jobSeekersWith131: 0,
});

/** What one household contributes to its county's counts. */
export function countsOfHousehold(household: HouseholdEmployment): EmploymentCounts {
  const byChannel = noChannels();
  let jobSeekers = 0;
  let jobSeekersWith131 = 0;
  for (const m of household.members) {
    if (m.employment) byChannel[m.employment.channel] += 1;
    if (isJobSeeker(m)) {
      jobSeekers += 1;
      if (hasWhole131(m.services)) jobSeekersWith131 += 1;
    }
  }
  return {
    households: 1,
    householdsWithLabour: household.status === 'no_labour' ? 0 : 1,
    coveredHouseholds: household.status === 'covered' ? 1 : 0,
    zeroEmploymentHouseholds: household.status === 'zero_employment' ? 1 : 0,
    noLabourHouseholds: household.status === 'no_labour' ? 1 : 0,
    labourCapableWorkers: household.labourCapableMembers,
    employedWorkers: household.employedMembers,
    employedLabourCapableWorkers: household.employedLabourCapableMembers,
    byChannel,
    jobSeekers,
    jobSeekersWith131,
  };
}

function combine(a: EmploymentCounts, b: EmploymentCounts, sign: 1 | -1): EmploymentCounts {
  const byChannel = noChannels();
  for (const c of CHANNELS) byChannel[c] = a.byChannel[c] + sign * b.byChannel[c];
  return {
    households: a.households + sign * b.households,
    householdsWithLabour: a.householdsWithLabour + sign * b.householdsWithLabour,
    coveredHouseholds: a.coveredHouseholds + sign * b.coveredHouseholds,
    zeroEmploymentHouseholds: a.zeroEmploymentHouseholds + sign * b.zeroEmploymentHouseholds,
    noLabourHouseholds: a.noLabourHouseholds + sign * b.noLabourHouseholds,
    labourCapableWorkers: a.labourCapableWorkers + sign * b.labourCapableWorkers,
    employedWorkers: a.employedWorkers + sign * b.employedWorkers,
    employedLabourCapableWorkers: a.employedLabourCapableWorkers + sign * b.employedLabourCapableWorkers,
    byChannel,
    jobSeekers: a.jobSeekers + sign * b.jobSeekers,
    jobSeekersWith131: a.jobSeekersWith131 + sign * b.jobSeekersWith131,
  };
}

export const addCounts = (a: EmploymentCounts, b: EmploymentCounts): EmploymentCounts => combine(a, b, 1);

export const isZeroDelta = (d: EmploymentCounts): boolean =>
  (Object.keys(ZERO_COUNTS) as (keyof EmploymentCounts)[]).every((k) =>
    k === 'byChannel' ? CHANNELS.every((c) => d.byChannel[c] === 0) : d[k] === 0,
  );

export interface CountyDelta {
  readonly countyCode: string;
  readonly prefectureCode: string;
  readonly delta: EmploymentCounts;
}

/**
 * How a household's change moves its county's counts. A household never changes county (no event moves
 * it), so one delta suffices; `before` is undefined for a household seen for the first time.
 */
export function countyDelta(
  before: HouseholdEmployment | undefined,
  after: HouseholdEmployment,
): CountyDelta {
  const delta = combine(countsOfHousehold(after), before ? countsOfHousehold(before) : ZERO_COUNTS, -1);
  return { countyCode: after.countyCode, prefectureCode: after.prefectureCode, delta };
}

/** The keys of the three documents a household delta moves: its county, its prefecture, the province. */
export const regionKey = (level: RegionLevel, code: string): string => `${level}:${code}`;
export const regionKeysOf = (d: Pick<CountyDelta, 'countyCode' | 'prefectureCode'>) =>
  [
    { level: 'county', code: d.countyCode, key: regionKey('county', d.countyCode) },
    { level: 'prefecture', code: d.prefectureCode, key: regionKey('prefecture', d.prefectureCode) },
    { level: 'province', code: GUIZHOU_PROVINCE_CODE, key: regionKey('province', GUIZHOU_PROVINCE_CODE) },
  ] as const;

const ratio = (numerator: number, denominator: number): number =>
  denominator === 0 ? 0 : numerator / denominator;

/** The figures of a region from its counts; rates are always recomputed from the sums, never averaged. */
export function regionFigures(
  level: RegionLevel,
  regionCode: string,
  counts: EmploymentCounts,
): RegionEmployment {
  return {
    level,
    regionCode,
    ...counts,
    employmentRate: ratio(counts.employedLabourCapableWorkers, counts.labourCapableWorkers),
    employedPerHousehold: ratio(counts.employedWorkers, counts.householdsWithLabour),
  };
}

/** Applies a delta to one region document (undefined: not created yet). Pure. */
export function applyRegionDelta(
  doc: RegionEmployment | undefined,
  level: RegionLevel,
  regionCode: string,
  delta: EmploymentCounts,
): RegionEmployment {
  return regionFigures(level, regionCode, addCounts(doc ?? ZERO_COUNTS, delta));
}

export type RegionDocuments = Readonly<Record<string, RegionEmployment>>;

/**
 * Moves the county, prefecture and province documents by one household change. Idempotency comes from the
 * household document's revision guard: a store saves the household and these three in one transaction.
 */
export function applyHouseholdChange(
  regions: RegionDocuments,
  before: HouseholdEmployment | undefined,
  after: HouseholdEmployment,
): RegionDocuments {
  const change = countyDelta(before, after);
  if (isZeroDelta(change.delta)) return regions;
  const next: Record<string, RegionEmployment> = { ...regions };
  for (const { level, code, key } of regionKeysOf(change)) {
    next[key] = applyRegionDelta(regions[key], level, code, change.delta);
  }
  return next;
}

/** The figures of a region: zeros when nothing was registered there yet. */
export const regionEmployment = (
  regions: RegionDocuments,
  level: RegionLevel,
  code: string,
): RegionEmployment => regions[regionKey(level, code)] ?? regionFigures(level, code, ZERO_COUNTS);

/** The body of GET /v1/counties/:code/employment and its roll-ups (the caller adds `position`). */
export function employmentView(figures: RegionEmployment) {
  const { level, regionCode, ...rest } = figures;
  const codeField =
    level === 'county' ? 'countyCode' : level === 'prefecture' ? 'prefectureCode' : 'provinceCode';
  return { [codeField]: regionCode, ...rest };
}

/** Counts a rebuild sums into in place, one per county: no copy per event (same fields as EmploymentCounts). */
export type CountsAccumulator = {
  -readonly [K in keyof EmploymentCounts]: K extends 'byChannel' ? Record<Channel, number> : number;
};

export const emptyAccumulator = (): CountsAccumulator => ({ ...ZERO_COUNTS, byChannel: noChannels() });

/** Adds (sign 1) or takes away (sign -1) what a household contributes: countsOfHousehold, without allocating. */
export function accumulateHousehold(
  acc: CountsAccumulator,
  household: HouseholdEmployment,
  sign: 1 | -1,
): void {
  acc.households += sign;
  if (household.status === 'no_labour') acc.noLabourHouseholds += sign;
  else acc.householdsWithLabour += sign;
  if (household.status === 'covered') acc.coveredHouseholds += sign;
  if (household.status === 'zero_employment') acc.zeroEmploymentHouseholds += sign;
  acc.labourCapableWorkers += sign * household.labourCapableMembers;
  acc.employedWorkers += sign * household.employedMembers;
  acc.employedLabourCapableWorkers += sign * household.employedLabourCapableMembers;
  for (const m of household.members) {
    if (m.employment) acc.byChannel[m.employment.channel] += sign;
    else if (m.labourCapacity !== 'none') {
      acc.jobSeekers += sign;
      if (hasWhole131(m.services)) acc.jobSeekersWith131 += sign;
    }
  }
}

import type { Channel, Gender, LabourCapacity, WorkPreference } from '@contracts/values';
import { OCC } from './occupation-codes';
import type { Rng } from './prng';

/**
 * A member's labour capacity, skills, preference and expected wage, drawn from age and (for those in
 * work) the channel they work through, so the profile agrees with the job they hold.
 */

export function labourCapacityAt(rng: Rng, age: number): LabourCapacity {
  if (age < 16) return 'none';
  // Most 16–18 year olds and many up to 22 are still at school or college.
  if (age <= 18 && rng.chance(0.55)) return 'none';
  if (age <= 22 && rng.chance(0.25)) return 'none';
  if (age <= 54)
    return rng.weighted([
      ['full', 84],
      ['partial', 9],
      ['weak', 4],
      ['none', 3],
    ] as const);
  if (age <= 64)
    return rng.weighted([
      ['full', 45],
      ['partial', 30],
      ['weak', 15],
      ['none', 10],
    ] as const);
  if (age <= 74)
    return rng.weighted([
      ['partial', 12],
      ['weak', 30],
      ['none', 58],
    ] as const);
  return 'none';
}

/**
 * The channel of someone in work. Calibrated so that about half of the employed work out of the
 * province (DOMAIN.md: 477,100 of 963,800) and ~6.5% hold public-welfare posts (63,400); weak labour
 * works only in welfare posts and flexible work (the weak_capacity placement rule).
 */
export function channelFor(rng: Rng, capacity: LabourCapacity, age: number): Channel {
  if (capacity === 'weak')
    return rng.weighted([
      ['public_welfare', 55],
      ['flexible', 45],
    ] as const);
  if (capacity === 'partial') {
    return rng.weighted([
      ['out_of_province', 14], ['in_province', 18], ['workshop', 20],
      ['public_welfare', 11], ['self_employed', 10], ['flexible', 27],
    ] as const); // prettier-ignore
  }
  if (age < 50) {
    return rng.weighted([
      ['out_of_province', 66], ['in_province', 19], ['workshop', 3],
      ['public_welfare', 1], ['self_employed', 6], ['flexible', 6],
    ] as const); // prettier-ignore
  }
  return rng.weighted([
    ['out_of_province', 36], ['in_province', 24], ['workshop', 10],
    ['public_welfare', 7], ['self_employed', 10], ['flexible', 13],
  ] as const); // prettier-ignore
}

/** Skills are occupation codes (职业分类大典): what a member can do, drawn by gender as the trades are. */
const MARKET_SKILLS: Readonly<Record<Gender, readonly (readonly [string, number])[]>> = {
  male: [
    [OCC.bricklayer, 25], [OCC.electronicsAssembler, 15], [OCC.parcelSorter, 12], [OCC.welder, 8],
    [OCC.truckDriver, 10], [OCC.securityGuard, 10], [OCC.plasticsMoulder, 8], [OCC.chineseCook, 6],
    [OCC.sewingMachinist, 3], [OCC.electrician, 3],
  ],
  female: [
    [OCC.electronicsAssembler, 22], [OCC.sewingMachinist, 22], [OCC.domesticWorker, 14], [OCC.chineseCook, 8],
    [OCC.elderlyCarer, 8], [OCC.parcelSorter, 8], [OCC.embroiderer, 8], [OCC.cleaner, 6], [OCC.hairdresser, 4],
  ],
}; // prettier-ignore

const LOCAL_SKILLS: readonly string[] = [
  OCC.cropFarmer,
  OCC.cleaner,
  OCC.chineseCook,
  OCC.bricklayer,
  OCC.domesticWorker,
];

/** Skills, with the workshop's own trade first for workshop workers. */
export function skillsFor(
  rng: Rng,
  capacity: LabourCapacity,
  gender: Gender,
  age: number,
  channel: Channel | undefined,
  workshopSkill: string | undefined,
): string[] {
  if (capacity === 'none') return [];
  const skills = new Set<string>();
  if (workshopSkill) skills.add(workshopSkill);
  if (channel === 'public_welfare') skills.add(rng.pick([OCC.cleaner, OCC.cropFarmer, OCC.securityGuard]));
  const market = capacity === 'full' && channel !== 'public_welfare';
  const count = market ? rng.int(1, 2) : rng.int(0, 1);
  for (let i = 0; i < count; i++) {
    skills.add(market ? rng.weighted(MARKET_SKILLS[gender]) : rng.pick(LOCAL_SKILLS));
  }
  if (age >= 40 && rng.chance(0.4)) skills.add(OCC.cropFarmer);
  return [...skills];
}

export function preferenceFor(
  rng: Rng,
  capacity: LabourCapacity,
  age: number,
  channel?: Channel,
): WorkPreference {
  if (capacity === 'none') return 'local';
  switch (channel) {
    case 'out_of_province':
      return rng.chance(0.7) ? 'out_of_province' : 'any';
    case 'in_province':
      return rng.weighted([
        ['in_province', 60],
        ['any', 20],
        ['local', 20],
      ] as const);
    case undefined:
      if (capacity === 'full' && age < 45) {
        return rng.weighted([
          ['out_of_province', 35],
          ['any', 35],
          ['in_province', 15],
          ['local', 15],
        ] as const);
      }
      return rng.weighted([
        ['local', 70],
        ['in_province', 15],
        ['any', 15],
      ] as const);
    default:
      return rng.chance(0.8) ? 'local' : 'any';
  }
}

/** Monthly yuan, rounded to 100: out-of-province jobs pay most, local and welfare work least. */
export function expectedWageFor(rng: Rng, capacity: LabourCapacity, preference: WorkPreference): number {
  if (capacity === 'none') return 0;
  if (capacity === 'weak') return 100 * rng.int(10, 20);
  const [low, high] =
    preference === 'out_of_province'
      ? [45, 65]
      : preference === 'any'
        ? [30, 55]
        : preference === 'in_province'
          ? [30, 45]
          : [22, 38];
  return 100 * rng.int(low, capacity === 'partial' ? high - 8 : high);
}

import { OLDEST_BIRTH_YEAR } from '@contracts/http';
import type {
  Channel,
  EmploymentReportSource,
  Gender,
  LabourCapacity,
  RelationToHead,
} from '@contracts/values';
import { pickSurname, givenName } from './chinese-names';
import type { LabourStation } from './labour-stations';
import { createRng, hashSeed, type Rng } from './prng';
import type { ResidentIdAllocator } from './resident-ids';
import type { EmploymentReportBody, HouseholdBody, HouseholdMemberBody } from './seed-commands';
import type { WelfareProgramme } from './welfare-programmes';
import type { Workshop } from './workshops';
import { channelFor, expectedWageFor, labourCapacityAt, preferenceFor, skillsFor } from './worker-profile';
import { employerName, workshopSkill } from './employers';

/**
 * One synthetic relocated household: its members aged 16 and over (the platform's household record is
 * its workforce; children are not workers) and the employment they already have.
 * Calibration targets (DOMAIN.md): ~96% of labour-capable members employed, ~2.3 employed per household
 * with labour, 1–2% of households with labour and nobody employed, a few % without any labour.
 */

export interface CountyContext {
  countyCode: string;
  /** The year ages are counted at. */
  year: number;
  /** ISO date employment start dates count back from. */
  asOf: string;
  ids: ResidentIdAllocator;
  /** Stations this county's people reach first: its own, its prefecture's, the province's. */
  stations: readonly (readonly [LabourStation, number])[];
  workshops: readonly Workshop[];
  programmes: readonly (readonly [WelfareProgramme, number])[];
}

export interface ExistingEmployment {
  memberNo: number;
  via?: string;
  body: EmploymentReportBody;
}

export interface GeneratedHousehold {
  body: Omit<HouseholdBody, 'relocationSiteId'>;
  employments: ExistingEmployment[];
}

const NO_LABOUR_HOUSEHOLD = 0.025;
const ZERO_EMPLOYMENT = 0.01;
/** Households whose only labour is weak or partial find work less often. */
const ZERO_EMPLOYMENT_WEAK_ONLY = 0.06;
const EMPLOYED: Readonly<Record<Exclude<LabourCapacity, 'none'>, number>> = {
  full: 0.99,
  partial: 0.965,
  weak: 0.85,
};

interface Person {
  age: number;
  gender: Gender;
  surname: string;
  relation: RelationToHead;
}

/** Ages and genders of the people aged 16+: elderly-only households, or a family around a working head. */
function composition(rng: Rng, year: number): Person[] {
  // The HTTP body takes birth years from OLDEST_BIRTH_YEAR (1940): at most 85 years old in 2025.
  const oldest = Math.min(88, year - OLDEST_BIRTH_YEAR);
  const surname = pickSurname(rng);
  if (rng.chance(NO_LABOUR_HOUSEHOLD)) {
    const age = rng.int(70, oldest);
    const elder: Person = { age, gender: rng.chance(0.5) ? 'male' : 'female', surname, relation: 'head' };
    return rng.chance(0.5)
      ? [elder]
      : [
          elder,
          {
            age: age - rng.int(0, 5),
            gender: elder.gender === 'male' ? 'female' : 'male',
            surname: pickSurname(rng),
            relation: 'spouse',
          },
        ];
  }
  const headAge = rng.weighted([
    [rng.int(24, 34), 2],
    [rng.int(35, 49), 4],
    [rng.int(50, 64), 3],
  ] as const);
  const head: Person = {
    age: headAge,
    gender: rng.chance(0.85) ? 'male' : 'female',
    surname,
    relation: 'head',
  };
  const people = [head];
  if (rng.chance(0.88)) {
    const spouseAge = Math.max(18, headAge + (head.gender === 'male' ? -rng.int(0, 5) : rng.int(0, 5)));
    people.push({
      age: spouseAge,
      gender: head.gender === 'male' ? 'female' : 'male',
      surname: pickSurname(rng),
      relation: 'spouse',
    });
  }
  const children = rng.weighted([
    [0, 10],
    [1, 22],
    [2, 36],
    [3, 22],
    [4, 10],
  ] as const);
  for (let i = 0; i < children; i++) {
    const age = headAge - rng.int(20, 36);
    // Children under 16 are not workers; grown-up children past 28 have households of their own.
    if (age >= 16 && age <= 28) {
      people.push({ age, gender: rng.chance(0.52) ? 'male' : 'female', surname, relation: 'child' });
    }
  }
  if (rng.chance(0.35)) {
    const parentAge = headAge + rng.int(22, 32);
    if (parentAge <= oldest)
      people.push({
        age: parentAge,
        gender: rng.chance(0.55) ? 'female' : 'male',
        surname,
        relation: 'parent',
      });
  }
  return people;
}

const REPORT_SOURCES: readonly (readonly [EmploymentReportSource, number])[] = [
  ['declaration', 3],
  ['cadre_visit', 4],
  ['department_data', 3],
];

/**
 * A start date 20 to 1500 days before `asOf`, but not before 1 January of the year the member turned 16: the
 * platform refuses an earlier one (the same draw either way, so the rest of the population is unchanged).
 */
function startDate(rng: Rng, asOf: string, birthYear: number): string {
  const start = new Date(Date.parse(`${asOf}T00:00:00Z`) - rng.int(20, 1500) * 86_400_000);
  const drawn = start.toISOString().slice(0, 10);
  const earliest = `${birthYear + 16}-01-01`;
  return drawn < earliest ? earliest : drawn;
}

/** Which members work, before the platform acts: none in a zero-employment household, at least one otherwise. */
function employedMembers(rng: Rng, capacities: readonly LabourCapacity[]): Set<number> {
  const capable = capacities.flatMap((c, i) => (c === 'none' ? [] : [i]));
  const employed = new Set<number>();
  if (capable.length === 0) return employed;
  const weakOnly = capable.every((i) => capacities[i] !== 'full');
  if (rng.chance(weakOnly ? ZERO_EMPLOYMENT_WEAK_ONLY : ZERO_EMPLOYMENT)) return employed;
  for (const i of capable) if (rng.chance(EMPLOYED[capacities[i] as keyof typeof EMPLOYED])) employed.add(i);
  if (employed.size === 0) employed.add(capable.find((i) => capacities[i] === 'full') ?? capable[0]);
  return employed;
}

/** Prefixes of the three carriers' mobile numbers (China Mobile, Unicom, Telecom). */
const MOBILE_PREFIXES = [
  '134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '157', '158', '159', '172', '178',
  '182', '183', '184', '187', '188', '198', '130', '131', '132', '155', '156', '166', '175', '176', '185',
  '186', '133', '153', '173', '177', '180', '181', '189', '191', '199',
]; // prettier-ignore

/**
 * A plausible mainland mobile, drawn from the person's ID number (its own stream, so the rest of the
 * population is the same draw for draw as before phones were added). Most of the oldest have none.
 */
export function mobileOf(idNumber: string, age: number): string | undefined {
  const rng = createRng(hashSeed('mobile', idNumber));
  if (age >= 75 && rng.chance(0.6)) return undefined;
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** A flat at the relocation site (3栋2单元501), drawn from the household's ref on its own stream. */
export function addressOf(ref: string): string {
  const rng = createRng(hashSeed('address', ref));
  return `${rng.int(1, 24)}栋${rng.int(1, 4)}单元${rng.int(1, 18)}0${rng.int(1, 4)}`;
}

export function generateHousehold(rng: Rng, ctx: CountyContext): GeneratedHousehold {
  const people = composition(rng, ctx.year);
  const capacities = people.map((p) => labourCapacityAt(rng, p.age));
  const employed = employedMembers(rng, capacities);
  const members: HouseholdMemberBody[] = [];
  const employments: ExistingEmployment[] = [];
  people.forEach((person, i) => {
    const capacity = capacities[i];
    const channel: Channel | undefined = employed.has(i) ? channelFor(rng, capacity, person.age) : undefined;
    const workshop = channel === 'workshop' && ctx.workshops.length > 0 ? rng.pick(ctx.workshops) : undefined;
    const preference = preferenceFor(rng, capacity, person.age, channel);
    const birthYear = ctx.year - person.age;
    // The name is drawn before the ID number, as it always was (the same population draw for draw).
    const name = person.surname + givenName(rng, person.gender);
    const idNumber = ctx.ids.issue(rng, birthYear, person.gender);
    const phone = mobileOf(idNumber, person.age);
    members.push({
      name,
      idNumber,
      ...(phone === undefined ? {} : { phone }),
      relationToHead: person.relation,
      birthYear,
      gender: person.gender,
      labourCapacity: capacity,
      skills: skillsFor(
        rng,
        capacity,
        person.gender,
        person.age,
        channel,
        workshop && workshopSkill(workshop),
      ),
      preference,
      ...(capacity === 'none' ? {} : { expectedMonthlyWage: expectedWageFor(rng, capacity, preference) }),
    });
    if (!channel) return;
    const station = channel === 'out_of_province' ? rng.weighted(ctx.stations) : undefined;
    const programme = channel === 'public_welfare' ? rng.weighted(ctx.programmes) : undefined;
    const employer = employerName(rng, channel, { station, workshop, programme, countyCode: ctx.countyCode });
    employments.push({
      memberNo: i + 1,
      via: station?.id ?? workshop?.id ?? programme?.id,
      body: {
        channel,
        ...(employer ? { employer } : {}),
        source: rng.weighted(REPORT_SOURCES),
        startDate: startDate(rng, ctx.asOf, birthYear),
      },
    });
  });
  return { body: { countyCode: ctx.countyCode, members }, employments };
}

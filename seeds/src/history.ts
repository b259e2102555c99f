import { postVacancyBody } from '@contracts/http';
import type {
  Channel,
  EmploymentEndReason,
  EmploymentReportSource,
  LabourCapacity,
  WorkPreference,
} from '@contracts/values';
import {
  isInGuizhou,
  isPlacementAllowed,
  placementVacancyFacts,
  type PlacementVacancyFacts,
} from '@lib/domain/placements/placement-rules';
import { addMonths, startOfDay, yearOf } from '@lib/domain/shared/business-dates';
import { createRng, hashSeed, type Rng } from './prng';
import type { SeedCommand } from './seed-commands';
import { SeedCalendar } from './seed-calendar';
import { channelFor } from './worker-profile';

/**
 * Backdated history for a seed: the reference data and the households are registered over the first two
 * weeks, then households lose their work (returnees, 返乡回流: every employed member's job ends on one day, so
 * the monitor opens a zero-employment case) and find it again (a broker's placement or a reported job, the
 * first of which clears the case) over the rest of the window. Households registered without work are helped
 * too. Every command carries the instant it happens at (`at`, office hours in Guizhou); commands that would
 * happen after `now` are not emitted, so a case whose clearing is still ahead stays open.
 */

export interface HistoryOptions {
  readonly seed: number;
  /** The end of the history (an ISO instant): nothing is dated after it. */
  readonly now: string;
  /** How many days back the history starts. */
  readonly days: number;
}

/** Households that lose all their work on an average day, per household in scope. */
const RETURNEE_HOUSEHOLDS_PER_DAY = 1 / 300;
/** Days the seed's reference data and registrations take before the episodes begin. */
const REGISTRATION_DAYS = 14;
/** Zero-employment households at registration the county clears within the window. */
const REGISTERED_CASES_CLEARED = 0.8;
/** Capable members without work in covered households who find a job within the window. */
const JOB_SEEKERS_EMPLOYED = 0.65;
/** Re-employment through a broker's placement (when a vacancy fits), else reported. */
const PLACED = 0.6;

/** How long a returnee household's case takes to clear, in days: most within the 3- and 5-day deadlines. */
const CLEARING_DAYS: readonly (readonly [readonly [number, number], number])[] = [
  [[0.1, 1], 28],
  [[1, 3], 32],
  [[3, 5], 20],
  [[5, 10], 13],
  [[10, 21], 7],
];
/** How long a case found at registration takes: the backlog of the platform's first weeks. */
const BACKLOG_DAYS: readonly (readonly [readonly [number, number], number])[] = [
  [[1, 5], 35],
  [[5, 12], 40],
  [[12, 30], 25],
];

const END_REASONS: readonly (readonly [EmploymentEndReason, number])[] = [
  ['returned_home', 55],
  ['contract_end', 20],
  ['quit', 15],
  ['dismissed', 10],
];
const REPORT_SOURCES: readonly (readonly [EmploymentReportSource, number])[] = [
  ['cadre_visit', 5],
  ['declaration', 3],
  ['department_data', 2],
];

type Registration = Extract<SeedCommand, { kind: 'registerHousehold' }>;
type Posting = Extract<SeedCommand, { kind: 'postVacancy' }>;

interface Member {
  readonly no: number;
  readonly capacity: LabourCapacity;
  readonly birthYear: number;
  readonly preference: WorkPreference;
  readonly skills: readonly string[];
  employed: boolean;
}

interface Household {
  readonly ref: string;
  readonly countyCode: string;
  readonly registeredAt: number;
  readonly members: readonly Member[];
  /** Taken by an episode: one per household in a window. */
  touched: boolean;
}

interface Opening {
  readonly ref: string;
  readonly facts: PlacementVacancyFacts;
  readonly channel: Channel;
  readonly skills: readonly string[];
  left: number;
}

interface Timed {
  readonly t: number;
  readonly seq: number;
  readonly command: SeedCommand;
}

const CAPACITY_ORDER: readonly LabourCapacity[] = ['full', 'partial', 'weak'];
const capable = (h: Household): Member[] => h.members.filter((m) => m.capacity !== 'none');
const mostEmployable = (members: readonly Member[]): Member | undefined =>
  [...members].sort((a, b) => CAPACITY_ORDER.indexOf(a.capacity) - CAPACITY_ORDER.indexOf(b.capacity))[0];

function openingOf(posting: Posting): Opening {
  const body = postVacancyBody.parse(posting.body);
  const channel: Channel =
    body.source.type === 'labour_station'
      ? isInGuizhou(body.location)
        ? 'in_province'
        : 'out_of_province'
      : body.source.type;
  return { ref: posting.ref, facts: placementVacancyFacts(body), channel, skills: body.skills, left: body.openings }; // prettier-ignore
}

function householdOf(command: Registration, registeredAt: number): Household {
  const members = command.body.members.map((m, i) => ({
    no: i + 1,
    capacity: m.labourCapacity,
    birthYear: m.birthYear,
    preference: m.preference ?? 'any',
    skills: m.skills ?? [],
    employed: m.currentEmployment !== undefined && m.labourCapacity !== 'none',
  }));
  return { ref: command.ref, countyCode: command.body.countyCode, registeredAt, members, touched: false };
}

/** Reference data and households in time order, then the episodes, every command with its `at`. */
export function withHistory(
  reference: readonly SeedCommand[],
  registrations: readonly Registration[],
  options: HistoryOptions,
): SeedCommand[] {
  const calendar = new SeedCalendar(options.now, options.days);
  const rng = createRng(hashSeed(options.seed, 'history'));
  const timeline: Timed[] = [];
  const add = (t: number, command: SeedCommand) => timeline.push({ t, seq: timeline.length, command });

  // Day 0: the stations, workshops and vacancies, one every 20 seconds from the office's opening.
  reference.forEach((command, i) => add(calendar.at(0, calendar.opens) + i * 20_000, command));
  const openings = reference.flatMap((c) => (c.kind === 'postVacancy' ? [openingOf(c)] : []));

  // Days 1–14: each county office enters its households, the counties side by side.
  const perCounty = new Map<string, number>();
  for (const r of registrations) perCounty.set(r.body.countyCode, (perCounty.get(r.body.countyCode) ?? 0) + 1); // prettier-ignore
  const seen = new Map<string, number>();
  const households = registrations.map((command) => {
    const county = command.body.countyCode;
    const n = seen.get(county) ?? 0;
    seen.set(county, n + 1);
    const day = 1 + Math.floor((n / (perCounty.get(county) ?? 1)) * REGISTRATION_DAYS);
    const t = calendar.at(day, calendar.officeMinute(rng));
    add(t, command);
    return householdOf(command, t);
  });

  // The one-month follow-up of a placement (稳岗回访), done on time: in the week before it is due.
  const followUp = (h: Household, m: Member, placedAt: number): void => {
    const due = startOfDay(addMonths(calendar.dayOf(placedAt), 1));
    const t = due - rng.int(1, 6) * 86_400_000 + calendar.officeMinute(rng) * 60_000;
    const visitedAt = new Date(t).toISOString();
    const method = rng.chance(0.6) ? 'phone' : 'visit';
    add(t, { kind: 'recordFollowUp', householdRef: h.ref, memberNo: m.no, body: { visitedAt, outcome: 'still_employed', method } }); // prettier-ignore
  };
  const employ = (h: Household, m: Member, t: number): SeedCommand => {
    m.employed = true;
    const year = yearOf(t);
    const worker = { birthYear: m.birthYear, labourCapacity: m.capacity, preference: m.preference, countyCode: h.countyCode }; // prettier-ignore
    const fitting = rng.chance(PLACED)
      ? openings.filter((o) => o.left > 0 && isPlacementAllowed(worker, o.facts, year))
      : [];
    if (fitting.length > 0) {
      const opening = rng.weighted(
        fitting.map((o) => [o, 1 + 3 * o.skills.filter((s) => m.skills.includes(s)).length] as const),
      );
      opening.left--;
      followUp(h, m, t);
      return { kind: 'placeWorker', householdRef: h.ref, memberNo: m.no, vacancyRef: opening.ref };
    }
    const channel = channelFor(rng, m.capacity, year - m.birthYear);
    const body = { channel, source: rng.weighted(REPORT_SOURCES), startDate: calendar.dayOf(t) };
    return { kind: 'reportEmployment', householdRef: h.ref, memberNo: m.no, body };
  };
  const after = (t: number, days: readonly (readonly [readonly [number, number], number])[]) => {
    const [low, high] = rng.weighted(days);
    return calendar.nextOfficeTime(t + (low + rng.next() * (high - low)) * 86_400_000, rng);
  };

  // Households registered with labour but nobody in work: cases from day one, most cleared in the window.
  for (const h of households) {
    if (h.members.some((m) => m.employed) || capable(h).length === 0) continue;
    h.touched = true;
    const member = mostEmployable(capable(h));
    if (member && rng.chance(REGISTERED_CASES_CLEARED)) {
      const t = after(h.registeredAt, BACKLOG_DAYS);
      add(t, employ(h, member, t));
    }
  }

  // Returnee households: every job of the household ends on one day; the first new job clears the case.
  const rate = households.length * RETURNEE_HOUSEHOLDS_PER_DAY;
  for (let day = REGISTRATION_DAYS + 1; day < calendar.days; day++) {
    for (let k = poisson(rng, rate); k > 0; k--) {
      // Households living on one or two jobs are the ones a return home leaves without work.
      const h = pickUntouched(rng, households, (x) => [1, 2].includes(x.members.filter((m) => m.employed).length)); // prettier-ignore
      if (!h) break;
      h.touched = true;
      let t = calendar.at(day, calendar.officeMinute(rng));
      const ended = h.members.filter((m) => m.employed);
      const reason = rng.weighted(END_REASONS);
      for (const m of ended) {
        m.employed = false;
        t += rng.int(1, 20) * 60_000;
        add(t, { kind: 'endEmployment', householdRef: h.ref, memberNo: m.no, body: { reason } });
      }
      const first = mostEmployable(ended);
      const cleared = after(t, CLEARING_DAYS);
      for (const m of ended) {
        const at =
          m === first ? cleared : calendar.nextOfficeTime(cleared + rng.int(1, 10) * 86_400_000, rng);
        add(at, employ(h, m, at));
      }
    }
  }

  // Job-seekers in households that have work: some find a job over the window (no case: the household is covered).
  for (const h of households) {
    if (h.touched || !h.members.some((m) => m.employed)) continue;
    for (const m of capable(h).filter((x) => !x.employed)) {
      if (!rng.chance(JOB_SEEKERS_EMPLOYED)) continue;
      const t = calendar.at(rng.int(REGISTRATION_DAYS + 1, calendar.days - 1), calendar.officeMinute(rng));
      add(t, employ(h, m, t));
    }
  }

  return timeline
    .filter((e) => e.t <= calendar.end)
    .sort((a, b) => a.t - b.t || a.seq - b.seq)
    .map(({ t, command }) => ({ ...command, at: new Date(t).toISOString() }));
}

/** A Poisson count with mean `mean` (Knuth; the means here are small). */
function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

function pickUntouched(
  rng: Rng,
  households: readonly Household[],
  fits: (h: Household) => boolean,
): Household | undefined {
  for (let tries = 0; tries < 50; tries++) {
    const h = rng.pick(households);
    if (!h.touched && fits(h)) return h;
  }
  return undefined;
}

import fc from 'fast-check';
import { CHANNELS, vacancyStream, type Channel, type LabourCapacity } from '@contracts';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import { dayOf, startOfDay } from '@lib/domain/shared/business-dates';
import { member, registerHouseholdCommand } from '@lib/domain/workforce/household.fixtures';
import { SqliteEventStore, type RecordedEvent } from '@lib/event-store';
import { ProjectionRunner, SqliteReadStore } from '@lib/read-store';
import { employmentMonitorProjector } from '../monitor/employment-monitor.projector';
import { MONITOR_COLLECTIONS, caseFilesCollection, regionsCollection } from '../monitor/monitor-collections';
import { Scheduler } from './scheduler';
import { MovableClock } from './testing/movable-clock';
import { onHousehold, place, postVacancy, postWelfareVacancy } from './testing/scheduler-fixtures';

/**
 * Honest figures as the clock moves: over random histories decided by the real deciders, the placement flow
 * and the scheduler (vacancies posted and expiring, households registered, workers placed into market and
 * public-welfare posts, employment reported with past, present and future start dates, employments ended,
 * terms renewed, the clock moving by minutes to weeks, the scheduler running now and then), the county's
 * figures and open cases equal, after every step, a brute-force recount from the events and the clock: an
 * employment counts from its start day, until it ends, and a public-welfare post until its term's end day
 * once the scheduler has run on or after that day (between runs, the figure may be behind by at most the
 * scheduler's interval, never ahead of the facts). And no vacancy stays open past its expiry once the
 * scheduler ran, nor expires before it.
 */

const COUNTY = '520402';
const START = '2026-03-01T01:00:00Z';
const DAY_MS = 86_400_000;

type Step =
  | { readonly op: 'advance'; readonly minutes: number }
  | {
      readonly op: 'post';
      readonly welfare: boolean;
      readonly expiresInHours: number;
      readonly termMonths: number;
    }
  | { readonly op: 'register'; readonly capacities: readonly LabourCapacity[] }
  | { readonly op: 'place'; readonly worker: number; readonly vacancy: number }
  | { readonly op: 'report'; readonly worker: number; readonly daysAgo: number; readonly channel: Channel }
  | { readonly op: 'end'; readonly employment: number }
  | { readonly op: 'renew'; readonly employment: number; readonly months: number }
  | { readonly op: 'schedule' }
  | { readonly op: 'toTermEnd'; readonly minutes: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  // Minutes (a run on the same day), hours (a day boundary in Guizhou) and weeks (a term or an expiry passing).
  { weight: 5, arbitrary: fc.record({ op: fc.constant('advance' as const), minutes: fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 60, max: 60 * 72 }), fc.integer({ min: 60 * 24, max: 60 * 24 * 60 })) }) }, // prettier-ignore
  { weight: 3, arbitrary: fc.record({ op: fc.constant('post' as const), welfare: fc.oneof(fc.constant(true), fc.boolean()), expiresInHours: fc.integer({ min: 1, max: 24 * 120 }), termMonths: fc.integer({ min: 1, max: 3 }) }) }, // prettier-ignore
  { weight: 2, arbitrary: fc.record({ op: fc.constant('register' as const), capacities: fc.array(fc.constantFrom<LabourCapacity>('full', 'partial', 'weak', 'none'), { minLength: 1, maxLength: 3 }) }) }, // prettier-ignore
  { weight: 6, arbitrary: fc.record({ op: fc.constant('place' as const), worker: fc.nat(50), vacancy: fc.nat(50) }) }, // prettier-ignore
  { weight: 2, arbitrary: fc.record({ op: fc.constant('report' as const), worker: fc.nat(50), daysAgo: fc.integer({ min: -3, max: 30 }), channel: fc.constantFrom(...CHANNELS) }) }, // prettier-ignore
  { weight: 2, arbitrary: fc.record({ op: fc.constant('end' as const), employment: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('renew' as const), employment: fc.nat(50), months: fc.integer({ min: 1, max: 3 }) }) }, // prettier-ignore
  { weight: 3, arbitrary: fc.constant({ op: 'schedule' as const }) },
  // Into the end day of the next public-welfare term (its first minute to its last), where a day's error shows.
  { weight: 2, arbitrary: fc.record({ op: fc.constant('toTermEnd' as const), minutes: fc.integer({ min: 0, max: 24 * 60 - 1 }) }) }, // prettier-ignore
);

interface Recount {
  households: number;
  householdsWithLabour: number;
  coveredHouseholds: number;
  zeroEmploymentHouseholds: number;
  noLabourHouseholds: number;
  labourCapableWorkers: number;
  employedWorkers: number;
  employedLabourCapableWorkers: number;
  jobSeekers: number;
  byChannel: Record<Channel, number>;
}

interface Job {
  readonly workerId: string;
  readonly channel: Channel;
  readonly startDate: string;
  termEndsOn?: string;
}

/** Employments started and not ended or voided, with a public-welfare post's current term end. */
function activeJobs(events: readonly RecordedEvent[]): Map<string, Job> {
  const jobs = new Map<string, Job>();
  for (const e of events) {
    const d = e.data as Record<string, unknown> & { workerId: string };
    if (e.type === 'WorkerPlaced') {
      const job: Job = {
        workerId: d.workerId,
        channel: d.channel as Channel,
        startDate: d.startDate as string,
      };
      if (d.welfareTermEndsOn) job.termEndsOn = d.welfareTermEndsOn as string;
      jobs.set(d.placementId as string, job);
    }
    if (e.type === 'EmploymentReported') {
      jobs.set(d.employmentId as string, { workerId: d.workerId, channel: d.channel as Channel, startDate: d.startDate as string }); // prettier-ignore
    }
    if (e.type === 'WelfareTermRenewed')
      jobs.get(d.placementId as string)!.termEndsOn = d.termEndsOn as string;
    if (e.type === 'EmploymentEnded') jobs.delete(d.employmentId as string);
    if (e.type === 'PlacementVoided') jobs.delete(d.placementId as string);
  }
  return jobs;
}

/**
 * The figures from the household streams alone, as the facts stand on `today` with the scheduler's last run
 * on `lastRunDay`: independent of the projections (no shared code but the event shapes).
 */
function recount(events: readonly RecordedEvent[], today: string, lastRunDay: string | undefined): Recount {
  const capacity = new Map<string, LabourCapacity>();
  const households = new Set<string>();
  for (const e of events) {
    const d = e.data as Record<string, unknown> & { workerId: string };
    if (e.type === 'HouseholdRegistered') households.add(d.householdId as string);
    if (e.type === 'WorkerRegistered' || e.type === 'WorkerLabourCapacityChanged') {
      capacity.set(d.workerId, d.labourCapacity as LabourCapacity);
    }
  }
  const jobs = activeJobs(events);
  const employedIn = new Map<string, Channel[]>();
  for (const job of jobs.values()) {
    if (job.startDate > today) continue;
    if (job.termEndsOn !== undefined && lastRunDay !== undefined && job.termEndsOn <= lastRunDay) continue;
    employedIn.set(job.workerId, [...(employedIn.get(job.workerId) ?? []), job.channel]);
  }
  const out: Recount = {
    ...{ households: households.size, householdsWithLabour: 0, coveredHouseholds: 0, zeroEmploymentHouseholds: 0 }, // prettier-ignore
    ...{
      noLabourHouseholds: 0,
      labourCapableWorkers: 0,
      employedWorkers: 0,
      employedLabourCapableWorkers: 0,
    },
    jobSeekers: 0,
    byChannel: Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>,
  };
  for (const householdId of households) {
    const workers = [...capacity.keys()].filter((w) => w.startsWith(`${householdId}.`));
    const capable = workers.filter((w) => capacity.get(w) !== 'none');
    const employed = workers.filter((w) => employedIn.has(w));
    out.labourCapableWorkers += capable.length;
    out.employedWorkers += employed.length;
    out.employedLabourCapableWorkers += employed.filter((w) => capacity.get(w) !== 'none').length;
    out.jobSeekers += capable.filter((w) => !employedIn.has(w)).length;
    for (const w of employed) for (const c of employedIn.get(w)!) out.byChannel[c] += 1;
    if (employed.length > 0) out.coveredHouseholds += 1;
    else if (capable.length > 0) out.zeroEmploymentHouseholds += 1;
    else out.noLabourHouseholds += 1;
  }
  out.householdsWithLabour = out.coveredHouseholds + out.zeroEmploymentHouseholds;
  return out;
}

async function runHistory(steps: readonly Step[]): Promise<number> {
  const events = SqliteEventStore.open(':memory:');
  const reads = SqliteReadStore.open(':memory:', MONITOR_COLLECTIONS);
  const runner = new ProjectionRunner(events, reads, employmentMonitorProjector());
  const clock = new MovableClock(START);
  const scheduler = new Scheduler({ events, reads, clock });
  await runner.start();
  const caughtUp = async () => {
    for (
      let head = await events.headPosition();
      runner.position() < head;
      head = await events.headPosition()
    ) {
      if (!(await runner.waitFor(head, 10_000))) throw new Error('the projections did not catch up');
    }
  };
  const vacancies: string[] = [];
  const workers: string[] = [];
  const employments: { id: string; workerId: string }[] = [];
  let households = 0;
  let next = 0;
  let lastRunAt: string | undefined;
  let termEnds = 0;
  try {
    for (const step of steps) {
      const now = clock.now();
      if (step.op === 'advance') clock.advance(step.minutes * 60_000);
      else if (step.op === 'post') {
        const vacancyId = `v${vacancies.length}`;
        const expiresAt = new Date(Date.parse(now) + step.expiresInHours * 3_600_000).toISOString();
        await (step.welfare
          ? postWelfareVacancy(events, vacancyId, expiresAt, now, step.termMonths)
          : postVacancy(events, vacancyId, expiresAt, now));
        vacancies.push(vacancyId);
      } else if (step.op === 'register') {
        const householdNo = households++;
        const householdId = `h${householdNo}`;
        const members = step.capacities.map((labourCapacity, i) =>
          member(i + 1, {
            labourCapacity,
            idNumberHash: (householdNo * 8 + i).toString(16).padStart(64, '0'),
          }),
        );
        const registered = await onHousehold(events, householdId, { ...registerHouseholdCommand(householdId, members), countyCode: COUNTY, now }, now); // prettier-ignore
        expect(registered.ok).toBe(true);
        members.forEach((_, i) => workers.push(`${householdId}.${i + 1}`));
      } else if (step.op === 'place' && workers.length > 0 && vacancies.length > 0) {
        const workerId = workers[step.worker % workers.length];
        const placementId = `${workerId.split('.')[0]}:p${next++}`;
        const vacancyId = vacancies[step.vacancy % vacancies.length];
        // Refusals (an expired or full vacancy, a worker employed already) append nothing and are fine here.
        const placed = await place(events, placementId, workerId, vacancyId, now).catch(() => undefined);
        if (placed) employments.push({ id: placementId, workerId });
      } else if (step.op === 'report' && workers.length > 0) {
        const workerId = workers[step.worker % workers.length];
        const employmentId = `${workerId.split('.')[0]}:r${next++}`;
        const startDate = dayOf(new Date(Date.parse(now) - step.daysAgo * DAY_MS).toISOString());
        const command = { type: 'ReportEmployment' as const, workerId, employmentId, channel: step.channel, source: 'declaration' as const, startDate, now }; // prettier-ignore
        const reported = await onHousehold(events, workerId.split('.')[0], command, now);
        if (step.daysAgo < 0) expect(reported.ok).toBe(false);
        if (reported.ok) employments.push({ id: employmentId, workerId });
      } else if (step.op === 'end' && employments.length > 0) {
        const { id, workerId } = employments[step.employment % employments.length];
        const command = { type: 'EndEmployment' as const, workerId, employmentId: id, reason: 'quit' as const, now }; // prettier-ignore
        await onHousehold(events, workerId.split('.')[0], command, now);
      } else if (step.op === 'renew' && employments.length > 0) {
        const { id, workerId } = employments[step.employment % employments.length];
        const command = { type: 'RenewWelfareTerm' as const, workerId, placementId: id, termMonths: step.months, now }; // prettier-ignore
        await onHousehold(events, workerId.split('.')[0], command, now);
      } else if (step.op === 'toTermEnd') {
        const log: RecordedEvent[] = [];
        for await (const e of events.readAll()) log.push(e);
        const ends = [...activeJobs(log).values()].flatMap((j) => (j.termEndsOn && j.termEndsOn >= dayOf(now) ? [j.termEndsOn] : [])); // prettier-ignore
        const nearest = ends.sort()[0];
        // The clock never goes back: on the end day already, it moves within it or stays.
        const at = nearest === undefined ? 0 : startOfDay(nearest) + step.minutes * 60_000;
        if (at > Date.parse(now)) clock.set(new Date(at).toISOString());
      } else if (step.op === 'schedule') {
        await caughtUp();
        const run = await scheduler.runOnce();
        // Caught up before the run: nothing is refused as "not yet", nothing fails, nothing is left over.
        expect([run.failed, run.refused, run.more]).toEqual([[], [], false]);
        termEnds += run.appended.filter((a) => a.kind === 'welfare_term_end').length;
        lastRunAt = run.now;
      }

      await caughtUp();
      const log: RecordedEvent[] = [];
      for await (const e of events.readAll()) log.push(e);
      const expected = recount(
        log,
        dayOf(clock.now()),
        lastRunAt === undefined ? undefined : dayOf(lastRunAt),
      );
      const county = (await reads.load(regionsCollection, [`county:${COUNTY}`])).get(`county:${COUNTY}`);
      if (county === undefined) expect(expected.households).toBe(0);
      else expect(county).toMatchObject(expected);
      const open = await reads.count(caseFilesCollection, { countyCode: COUNTY, status: 'open' });
      expect(open).toBe(expected.zeroEmploymentHouseholds);

      if (lastRunAt !== undefined) {
        for (const vacancyId of vacancies) {
          const stream = await events.readStream(vacancyStream(vacancyId));
          const state = stream.reduce(
            (s, e) => vacancyDecider.evolve(s, e as never),
            vacancyDecider.initialState(),
          ) as { status: string; expiresAt?: string };
          if (state.status === 'open') expect(state.expiresAt! > lastRunAt).toBe(true);
          const expired = stream.find((e) => e.type === 'VacancyExpired');
          // Expired at its expiresAt (not when the scheduler happened to run), and never before a run reached it.
          if (expired) expect((expired.data as { expiredAt: string }).expiredAt).toBe(state.expiresAt);
          if (expired) expect(state.expiresAt! <= lastRunAt).toBe(true);
        }
      }
    }
    return termEnds;
  } finally {
    await runner.stop();
    await reads.close();
    await events.close();
  }
}

describe('county figures as the clock moves', () => {
  it('equal a recount from the household streams and the clock after every step of random histories', async () => {
    let termEnds = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 5, maxLength: 80, size: 'max' }), async (steps) => {
        termEnds += await runHistory(steps);
      }),
      { numRuns: 60 },
    );
    // The histories reach what the property is about: public-welfare terms ended by the scheduler.
    expect(termEnds).toBeGreaterThan(0);
  }, 120_000);
});

/**
 * Scheduler benchmark: a province-like log (libs/read-store/src/testing/province-event-generator.ts, ~1,000,000
 * events, a share of the placements made into public-welfare posts with a 12-month term) appended to the
 * embedded SQLite event store and projected (the employment monitor's rebuild, then the runner following the
 * log); then, with the clock past every expiry and term end (~100,000 due items: ~20,000 vacancy expiries and
 * ~80,000 welfare term ends),
 *   1. the time to find the due items (one run's batch, and all of them),
 *   2. the scheduler working the backlog off as the platform runs it: runs of BENCH_LIMIT items in a row, each
 *      after the projections applied the previous one's appends (their catch-up included: the process manager
 *      opens a zero-employment case for every household whose only job ended),
 *   3. a check: one VacancyExpired per expiry and one welfare_term_end per term in the log, and nothing due after.
 * Run: npm run bench:scheduler  (BENCH_EVENTS=1000000, BENCH_WELFARE_SHARE=0.573, BENCH_LIMIT=1000,
 *   BENCH_CONCURRENCY=8; BENCH_DRY=1 writes no doc; BENCH_KEEP=1 keeps the files)
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Scheduler, employmentMonitorProjector, findDueItems, type Clock } from '@lib/application';
import { SqliteEventStore } from '@lib/event-store';
import { ProjectionRunner } from '@lib/read-store';
import { generateProvinceLog } from '@lib/read-store/testing/province-event-generator';
import { openMonitorStores, runBenchmark } from './lib/monitor-stores';
import { formatRate, machineLine, markdownTable, median, timed, writeSection } from './lib/bench-report';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const WELFARE_SHARE = Number(process.env.BENCH_WELFARE_SHARE ?? 0.573);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
/** Past every expiry (2027-01-31) and every term end (2027-01-05 to 2027-01-17) of the generated log. */
const NOW = '2027-02-01T00:00:00Z';
const clock: Clock = { now: () => NOW };

async function appendLog(store: SqliteEventStore): Promise<number> {
  let window: Promise<unknown>[] = [];
  let count = 0;
  for (const append of generateProvinceLog(TOTAL, 2026, { welfareShare: WELFARE_SHARE })) {
    count += append.events.length;
    window.push(store.append(append.streamId, append.events, append.expectedRevision));
    if (window.length >= 1000) {
      await Promise.all(window);
      window = [];
    }
  }
  await Promise.all(window);
  return count;
}

interface Backlog {
  runs: number;
  appended: number;
  alreadyDone: number;
  refusedOrFailed: number;
  runSeconds: number;
  findSeconds: number;
  catchUpSeconds: number;
}

/** The platform's loop (SchedulerRuntime): run, let the projections apply the appends, run again while more. */
async function workOffBacklog(scheduler: Scheduler, runner: ProjectionRunner): Promise<Backlog> {
  const b: Backlog = {
    runs: 0,
    appended: 0,
    alreadyDone: 0,
    refusedOrFailed: 0,
    runSeconds: 0,
    findSeconds: 0,
    catchUpSeconds: 0,
  };
  for (;;) {
    let run!: Awaited<ReturnType<Scheduler['runOnce']>>;
    b.runSeconds += await timed(async () => (run = await scheduler.runOnce()));
    b.runs += 1;
    b.findSeconds += run.findSeconds;
    b.appended += run.appended.length;
    b.alreadyDone += run.alreadyDone;
    b.refusedOrFailed += run.refused.length + run.failed.length;
    if (run.appended.length > 0) {
      const last = run.appended[run.appended.length - 1].position;
      b.catchUpSeconds += await timed(async () => {
        if (!(await runner.waitFor(last, 600_000))) throw new Error('the projections did not catch up');
      });
    }
    if (!run.more || run.appended.length === 0) return b;
  }
}

/** The log's scheduler events: how many, and how many distinct streams and placements they close. */
async function countClosings(store: SqliteEventStore) {
  let expired = 0;
  let termEnds = 0;
  const vacancies = new Set<string>();
  const placements = new Set<string>();
  for await (const page of store.readAllPages()) {
    for (const e of page) {
      if (e.type === 'VacancyExpired') {
        expired += 1;
        vacancies.add(e.streamId);
      } else if (e.type === 'EmploymentEnded' && e.data.reason === 'welfare_term_end') {
        termEnds += 1;
        placements.add(String(e.data.employmentId));
      }
    }
  }
  return { expired, termEnds, distinct: vacancies.size + placements.size };
}

async function main(): Promise<void> {
  const stores = openMonitorStores('scheduler-bench-');
  const { events, reads } = stores;
  const runner = new ProjectionRunner(events, reads, employmentMonitorProjector());
  try {
    let logEvents = 0;
    const appendSeconds = await timed(async () => (logEvents = await appendLog(events)));
    console.log(`appended ${logEvents} events in ${appendSeconds.toFixed(1)} s`);
    const projectSeconds = await timed(async () => {
      await runner.rebuild();
      await runner.start();
    });
    const head = await events.headPosition();
    console.log(`projected (rebuild + start) in ${projectSeconds.toFixed(1)} s, head ${head}`);

    const all = await findDueItems(reads, { now: NOW, limit: Number.MAX_SAFE_INTEGER });
    const due = { expiries: 0, terms: 0 };
    for (const item of all) due[item.kind === 'vacancy_expiry' ? 'expiries' : 'terms'] += 1;
    const findAll: number[] = [];
    const findBatch: number[] = [];
    for (let i = 0; i < 5; i++) {
      findAll.push(await timed(() => findDueItems(reads, { now: NOW, limit: Number.MAX_SAFE_INTEGER })));
      findBatch.push(await timed(() => findDueItems(reads, { now: NOW, limit: LIMIT })));
    }
    console.log(`due: ${all.length} (${due.expiries} expiries, ${due.terms} term ends)`);

    const scheduler = new Scheduler({ events, reads, clock, limit: LIMIT, concurrency: CONCURRENCY });
    let backlog!: Backlog;
    const totalSeconds = await timed(async () => (backlog = await workOffBacklog(scheduler, runner)));
    console.log(
      `scheduler: ${backlog.appended} appended in ${totalSeconds.toFixed(1)} s (${backlog.runs} runs; runs ${backlog.runSeconds.toFixed(1)} s, projections catching up ${backlog.catchUpSeconds.toFixed(1)} s)`,
    );
    const closings = await countClosings(events);
    const again = await scheduler.runOnce();
    const exact =
      closings.expired === due.expiries &&
      closings.termEnds === due.terms &&
      closings.distinct === all.length &&
      backlog.appended === all.length &&
      again.found === 0;
    if (!exact)
      throw new Error(`Not exactly once: ${JSON.stringify({ closings, due, backlog, again: again.found })}`);
    if (process.env.BENCH_DRY) return;

    const monitorAppends = Number(await events.headPosition()) - Number(head) - backlog.appended;
    const ms = (seconds: number) => `${(seconds * 1000).toFixed(0)} ms`;
    writeSection(
      join(__dirname, '..', 'docs', 'BENCHMARKS.md'),
      'Scheduler',
      [
        `Machine: ${machineLine()}; the cores are shared with other work (load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')}, 1/5/15 min, at the end of the run): compare rows of one run, not runs. ` +
          `Command: \`npm run bench:scheduler\` (BENCH_EVENTS=${TOTAL}, BENCH_WELFARE_SHARE=${WELFARE_SHARE}, ` +
          `BENCH_LIMIT=${LIMIT}, BENCH_CONCURRENCY=${CONCURRENCY}).`,
        '',
        `Log: ${logEvents.toLocaleString('en-US')} generated events (the projections benchmark's province, with ` +
          `${(WELFARE_SHARE * 100).toFixed(1)} % of the placements into a public-welfare post of the household's county with a 12-month term) ` +
          `appended in ${appendSeconds.toFixed(1)} s and projected (rebuild, then the runner following) in ` +
          `${projectSeconds.toFixed(1)} s. The clock then stands at ${NOW}, past every expiry and term end: ` +
          `**${all.length.toLocaleString('en-US')} due items** (${due.expiries.toLocaleString('en-US')} vacancy ` +
          `expiries, ${due.terms.toLocaleString('en-US')} welfare term ends).`,
        '',
        markdownTable(
          ['what', 'figure'],
          [
            [`find one run's due items (${LIMIT}, oldest first), median of 5`, ms(median(findBatch))],
            [`find all ${all.length.toLocaleString('en-US')} due items, median of 5`, ms(median(findAll))],
            [
              `work the backlog off: ${backlog.runs} runs of up to ${LIMIT}, each after the projections applied the last`,
              `${totalSeconds.toFixed(1)} s`,
            ],
            [
              '— of which the runs (find, decide on each stream, append)',
              `${backlog.runSeconds.toFixed(1)} s`,
            ],
            ['— of which finding the due items in those runs', `${backlog.findSeconds.toFixed(1)} s`],
            [
              `— of which the projections applying the appends (and ${monitorAppends.toLocaleString('en-US')} case events the process manager appended)`,
              `${backlog.catchUpSeconds.toFixed(1)} s`,
            ],
            ['**appends per second, end to end**', `**${formatRate(backlog.appended / totalSeconds)}**`],
            ['appends per second within the runs', formatRate(backlog.appended / backlog.runSeconds)],
          ],
        ),
        '',
        `Exactly once, checked: the log holds ${closings.expired.toLocaleString('en-US')} VacancyExpired and ` +
          `${closings.termEnds.toLocaleString('en-US')} EmploymentEnded (welfare_term_end), one per due item, and a run ` +
          `afterwards finds nothing due. Each run reads the due list (the index on pending, dueAt of two ` +
          `collections), then runs ${CONCURRENCY} single-stream steps at a time (read the stream, decide, append with ` +
          `the expected revision and the derived event id; concurrent appends share the store's group commit). ` +
          'The projections follow the log on the other core while a run goes on, so little is left to wait for ' +
          'between runs. Where the time goes: a CPU profile of a small run (BENCH_EVENTS=50000, `node --cpu-prof`) ' +
          "puts the store's commits first (SQLite transactions and the group commit, about 28 % of the process's " +
          'samples, which include generating and projecting the log), then reading and decoding the streams; ' +
          'BENCH_CONCURRENCY (steps in flight, the `concurrency` option of the Scheduler) trades commits for memory ' +
          'and CPU, but on this shared machine runs of 8, 32 and 64 in flight differed less than repeated runs did.',
      ].join('\n'),
    );
  } finally {
    await runner.stop();
    await stores.close();
  }
}

runBenchmark(main);

/**
 * Figures as of a date (ADR 0015) at province scale: a province-like log of ~1,000,000 events (the generator of
 * bench:projections: households with 1-5 members, placements through the saga, reported employment, ends; one
 * append a second of recorded time, so the log spans several days) appended to the SQLite event store in a
 * temporary directory; then the `FiguresAsOf` service the HTTP routes use (no HTTP: its own cost is a few ms):
 *   - cold: a fresh service per call (nothing kept), for a county, a prefecture and the province, a past day;
 *   - today: the day not ended, which is never kept (every call folds);
 *   - warm: the same past day asked again (kept), many calls;
 *   - for comparison, one cold fold reading the whole log filtered here instead of the household category.
 * Median and p99 of each, peak RSS of the folds; and whether positions and recorded times are in step in the log.
 * Run: npm run bench:as-of  (BENCH_EVENTS=1000000, BENCH_COLD_ROUNDS=3, BENCH_WARM_CALLS=200; BENCH_KEEP=1)
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { GUIZHOU_PROVINCE_CODE, prefectureOfCounty } from '@contracts';
import { FiguresAsOf } from '@lib/application';
import { regionFiguresAt, type RegionLevel } from '@lib/domain/monitor';
import { addDays, dayOf } from '@lib/domain/shared/business-dates';
import type { EventStore } from '@lib/event-store';
import { appendProvince, openMonitorStores, runBenchmark } from './lib/monitor-stores';
import {
  machineLine,
  markdownTable,
  measured,
  median,
  percentile,
  timed,
  writeSection,
} from './lib/bench-report';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const COLD_ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 3);
const WARM_CALLS = Number(process.env.BENCH_WARM_CALLS ?? 200);
const COUNTY = '520402';
const PREFECTURE = prefectureOfCounty(COUNTY)!.code;

interface Row {
  readonly label: string;
  readonly seconds: number[];
  /** CPU seconds of this process per call (all its threads: the garbage collector's helpers included). */
  readonly cpu: number[];
  readonly peakRssMb: number;
}

/** Wall and CPU seconds of `work`, pushed onto the lists. */
async function timedCall(wall: number[], cpu: number[], work: () => Promise<unknown>): Promise<void> {
  const before = process.cpuUsage();
  wall.push(await timed(work));
  const used = process.cpuUsage(before);
  cpu.push((used.user + used.system) / 1e6);
}

/** The store without its category read: the fold then reads the whole log and keeps the household streams. */
const wholeLogOnly = (store: EventStore): EventStore => ({
  append: (s, e, r) => store.append(s, e, r),
  readStream: (s, r) => store.readStream(s, r),
  readAll: (a, l) => store.readAll(a, l),
  readAllPages: (a, p) => store.readAllPages(a, p),
  subscribeAll: (a, h, o) => store.subscribeAll(a, h, o),
  headPosition: () => store.headPosition(),
  close: () => store.close(),
});

/** Recorded times against positions: how many events were recorded before an event ahead of them in the log. */
async function inStep(store: EventStore) {
  let latest = 0;
  let behind = 0;
  let first = '';
  let last = '';
  let events = 0;
  let households = 0;
  for await (const page of store.readAllPages()) {
    for (const e of page) {
      const at = Date.parse(e.occurredAt);
      if (at < latest) behind += 1;
      latest = Math.max(latest, at);
      first ||= e.occurredAt;
      last = e.occurredAt;
      events += 1;
      if (e.streamId.startsWith('household-')) households += 1;
    }
  }
  return { behind, first, last, events, householdEvents: households };
}

async function main(): Promise<void> {
  const stores = openMonitorStores('as-of-bench-');
  try {
    const append = await measured(() => appendProvince(stores.events, TOTAL));
    console.log(`appended ${append.result} events in ${append.seconds.toFixed(1)} s`);
    const log = await inStep(stores.events);
    const today = dayOf(log.last);
    // A past day in the middle of the log (the last day but one for a log of a day or two).
    const middle = dayOf(new Date((Date.parse(log.first) + Date.parse(log.last)) / 2).toISOString());
    const past = middle < today ? middle : addDays(today, -1);
    // The clock an hour after the last event: "today" is the log's last day.
    const clock = { now: () => new Date(Date.parse(log.last) + 3_600_000).toISOString() };
    const ask = async (service: FiguresAsOf, date: string, level: RegionLevel, code: string) => {
      const answer = await service.at(date);
      if (!answer.ok) throw new Error(answer.rejection.message);
      return regionFiguresAt(answer.figures, level, code);
    };
    const regions: [RegionLevel, string][] = [
      ['county', COUNTY],
      ['prefecture', PREFECTURE],
      ['province', GUIZHOU_PROVINCE_CODE],
    ];
    const rows: Row[] = [];
    const households: Record<string, number> = {};
    const gc = (globalThis as { gc?: () => void }).gc;
    /** `calls` calls of `work`, timed, with the peak RSS while they ran. */
    const series = async (label: string, calls: number, work: () => Promise<unknown>): Promise<void> => {
      gc?.();
      const run = await measured(async () => {
        const seconds: number[] = [];
        const cpu: number[] = [];
        for (let i = 0; i < calls; i++) await timedCall(seconds, cpu, work);
        return { seconds, cpu };
      });
      rows.push({ label, ...run.result, peakRssMb: run.peakRssMb });
    };
    for (const [level, code] of regions) {
      // A fresh service per call: nothing kept.
      await series(`cold, ${level} ${code}, ${past} (a fresh service per call)`, COLD_ROUNDS, async () => {
        const figures = await ask(new FiguresAsOf(stores.events, clock), past, level, code);
        households[`${level} ${past}`] = figures.households;
      });
      console.log(`cold ${level}: ${rows[rows.length - 1].seconds.map((x) => x.toFixed(2)).join(', ')} s`);
    }
    const service = new FiguresAsOf(stores.events, clock);
    gc?.();
    await series(`today (${today}, never kept: every call folds), province`, COLD_ROUNDS, async () => {
      households[`province ${today}`] = (
        await ask(service, today, 'province', GUIZHOU_PROVINCE_CODE)
      ).households;
    });
    for (const [level, code] of regions) {
      await ask(service, past, level, code);
      await series(`warm, ${level} ${code}, ${past} (kept)`, WARM_CALLS, () =>
        ask(service, past, level, code),
      );
    }
    await series(`cold, province, ${past}, reading the whole log (for comparison)`, 1, () =>
      ask(new FiguresAsOf(wholeLogOnly(stores.events), clock), past, 'province', GUIZHOU_PROVINCE_CODE),
    );

    const ms = (s: number) => (s * 1000 < 10 ? (s * 1000).toFixed(3) : (s * 1000).toFixed(0));
    const table = markdownTable(
      ['call', 'calls', 'median (ms)', 'p99 (ms)', 'CPU median (ms)', 'peak RSS'],
      rows.map((r) => [
        r.label,
        String(r.seconds.length),
        ms(median(r.seconds)),
        ms(percentile(r.seconds, 0.99)),
        ms(median(r.cpu)),
        `${Math.round(r.peakRssMb)} MB`,
      ]),
    );
    const coldProvince = rows[2];
    const coldMedian = median(coldProvince.seconds);
    const coldCpu = median(coldProvince.cpu);
    const wholeLogCpu = rows[rows.length - 1].cpu[0];
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
    const thousands = (n: number) => n.toLocaleString('en-US');
    const body = [
      `Machine: ${machineLine()}; load average when the run ended ${load} (1/5/15 min) on ${cpus().length} cores shared with other work. Command: \`npm run bench:as-of\` (BENCH_EVENTS=${TOTAL}, BENCH_COLD_ROUNDS=${COLD_ROUNDS}, BENCH_WARM_CALLS=${WARM_CALLS}).`,
      '',
      `Log: ${thousands(log.events)} generated events, ${thousands(log.householdEvents)} of them in household streams (\`libs/read-store/src/testing/province-event-generator.ts\`, as bench:projections), appended to the SQLite event store in a temporary directory (${append.seconds.toFixed(1)} s), recorded from ${log.first} to ${log.last}. Positions and recorded times: ${log.behind === 0 ? 'in step in this log (the generator stamps one append a second)' : `${thousands(log.behind)} events recorded before one ahead of them`}; in a live log they need not be (ADR 0015), so every fold reads all the household events and filters by time. This log has no monitor events (nothing projected it); a live one has about 28 % more, in streams the category read leaves in SQLite. The calls go to \`FiguresAsOf\`, the service behind \`?asOf=\` (no HTTP). Households counted: ${Object.entries(
        households,
      )
        .map(([k, v]) => `${k} ${thousands(v)}`)
        .join(
          '; ',
        )}. p99 of ${COLD_ROUNDS} calls is their slowest. Peak RSS is the process's while the row ran (the appended log's garbage included); CPU is this process's, all threads.`,
      '',
      table,
      '',
      `Reading. A cold answer is one fold of the province's household streams, whatever region is asked (one fold gives every region, so a county costs what the province costs): median ${coldMedian.toFixed(1)} s wall, ${coldCpu.toFixed(1)} s CPU for the province, about ${thousands(Math.round(log.householdEvents / coldMedian))} household events/s: the pure projection of the live monitor applied event by event. Wall times are above the CPU times because the machine was loaded; the CPU column is the steadier figure. Reading only the household streams against reading the whole log and filtering: ${coldCpu.toFixed(1)} against ${wholeLogCpu.toFixed(1)} s of CPU (one call; in a live log the monitor's own events widen the gap). The past day asked is in the middle of the log: every household event is read and decoded, about half of them projected; today projects them all, hence its higher cost, on every call, since a day not ended is never kept; a past day, once answered, costs microseconds. Folds run one at a time, so cold questions for different days queue: at province scale a day first asked answers in seconds, not as a request-time answer. Not built, and what would make cold answers cheap: the household documents checkpointed at each day's end (immutable, computed from the log and checkable against it, so a question folds one day's events from the nearest checkpoint), or several days asked together folded in one pass.`,
    ].join('\n');
    writeSection(join(__dirname, '..', 'docs', 'BENCHMARKS.md'), 'Figures as of a date', body);
    console.log(table);
  } finally {
    await stores.close();
  }
}

runBenchmark(main);

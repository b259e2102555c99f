/**
 * The monthly close of 88 counties: every Guizhou county sends its monthly report (月报) for a month that is over,
 * on a province-like log (~1,000,000 events, the generator of bench:projections, appended to the SQLite event
 * store in a temporary directory). Each send is the flow the HTTP route runs (`sendMonthlyReport`: the early
 * check, the month compiled from the log, the append), without HTTP:
 *   - sequential: one county after the other (the first folds the month from the log, the rest reuse it);
 *   - together: the 88 sends at once (a month's first fold is shared by whoever asks meanwhile);
 *   - baseline, in the same run: one cold `?asOf=` fold of the month's last day (FiguresAsOf), the fold the
 *     figures-as-of route runs, against which the close's cost is read as a ratio.
 * Run: npm run bench:monthly-close  (BENCH_EVENTS=1000000; BENCH_KEEP=1)
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { GUIZHOU_COUNTIES } from '@contracts';
import { CountyMonths, FiguresAsOf, sendMonthlyReport } from '@lib/application';
import { dayOf } from '@lib/domain/shared/business-dates';
import { lastDayOf } from '@lib/domain/welfare-payroll/welfare-month';
import { appendProvince, openMonitorStores, runBenchmark, type MonitorStores } from './lib/monitor-stores';
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

interface CloseRun {
  readonly label: string;
  readonly totalSeconds: number;
  readonly perCounty: number[];
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
}

async function lastRecorded(stores: MonitorStores): Promise<string> {
  let last = '';
  for await (const page of stores.events.readAllPages()) last = page[page.length - 1]?.occurredAt ?? last;
  return last;
}

async function main(): Promise<void> {
  const stores = openMonitorStores('monthly-close-bench-');
  try {
    const append = await measured(() => appendProvince(stores.events, TOTAL));
    console.log(`appended ${append.result} events in ${append.seconds.toFixed(1)} s`);
    const last = await lastRecorded(stores);
    const month = dayOf(last).slice(0, 7);
    // The first day of the next month, 09:00 in Guizhou: the month is over (and settled: its fold is kept).
    const [y, m] = month.split('-').map(Number);
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const now = new Date(`${next}-01T09:00:00+08:00`).toISOString();
    const clock = { now: () => now };
    const metadata = (county: string) => ({
      actor: { id: `office-${county}`, role: 'county_office' as const },
      correlationId: `close-${county}`,
      causationId: `close-${county}`,
    });
    const gc = (globalThis as { gc?: () => void }).gc;

    const close = async (label: string, together: boolean, correction?: string): Promise<CloseRun> => {
      const months = new CountyMonths(stores.events, clock);
      const send = async (county: string, perCounty: number[]) => {
        perCounty.push(
          await timed(async () => {
            const outcome = await sendMonthlyReport(
              { store: stores.events, readStore: stores.reads, months, now, metadata: metadata(county) },
              { countyCode: county, month, ...(correction ? { correctionReason: correction } : {}) },
            );
            if (!outcome.ok) throw new Error(`${county}: ${outcome.rejection.message}`);
          }),
        );
      };
      gc?.();
      const cpuBefore = process.cpuUsage();
      const run = await measured(async () => {
        const perCounty: number[] = [];
        const total = await timed(async () => {
          if (together) await Promise.all(GUIZHOU_COUNTIES.map((c) => send(c.code, perCounty)));
          else for (const c of GUIZHOU_COUNTIES) await send(c.code, perCounty);
        });
        return { perCounty, total };
      });
      const cpu = process.cpuUsage(cpuBefore);
      return {
        label,
        totalSeconds: run.result.total,
        perCounty: run.result.perCounty,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        peakRssMb: run.peakRssMb,
      };
    };

    gc?.();
    const baselineCpu = process.cpuUsage();
    const baseline = await measured(async () => {
      const answer = await new FiguresAsOf(stores.events, clock).at(lastDayOf(month));
      if (!answer.ok) throw new Error(answer.rejection.message);
      return answer.figures.regions.size;
    });
    const baselineCpuUsed = process.cpuUsage(baselineCpu);
    const runs = [
      await close(`88 counties one after the other (revision 1)`, false),
      await close(`88 counties at once (a correction: revision 2)`, true, '更正：补录数据'),
    ];
    const sent = await stores.events.readStream(`monthly-report-${GUIZHOU_COUNTIES[0].code}`);

    const ms = (s: number) => (s * 1000).toFixed(s * 1000 < 10 ? 2 : 0);
    const table = markdownTable(
      [
        'close',
        'wall (s)',
        'CPU (s)',
        'against one as-of fold',
        'per county median (ms)',
        'p99 (ms)',
        'peak RSS',
      ],
      [
        [
          `baseline: one cold as-of fold of ${lastDayOf(month)}`,
          baseline.seconds.toFixed(1),
          ((baselineCpuUsed.user + baselineCpuUsed.system) / 1e6).toFixed(1),
          '1.00',
          '',
          '',
          `${Math.round(baseline.peakRssMb)} MB`,
        ],
        ...runs.map((r) => [
          r.label,
          r.totalSeconds.toFixed(1),
          r.cpuSeconds.toFixed(1),
          (r.totalSeconds / baseline.seconds).toFixed(2),
          ms(median(r.perCounty)),
          ms(percentile(r.perCounty, 0.99)),
          `${Math.round(r.peakRssMb)} MB`,
        ]),
      ],
    );
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
    const body = [
      `Machine: ${machineLine()}; load average when the run ended ${load} (1/5/15 min) on ${cpus().length} cores shared with other work. Command: \`npm run bench:monthly-close\` (BENCH_EVENTS=${TOTAL}).`,
      '',
      `Log: ${append.result.toLocaleString('en-US')} generated events (as bench:as-of), recorded up to ${last}; the month closed is ${month}, with "now" at ${now}. Each send is \`sendMonthlyReport\`, the flow behind POST /v1/counties/:code/monthly-reports/:month (no HTTP): the decider asked on the county's report stream, the month compiled (every county's month folded from the household streams in one pass, kept once the month is over; the county's transport payments from the read store, here empty since nothing projected the log; its welfare payroll stream), the append. A fresh CountyMonths per close, so each close folds the log once. The first county's stream after both closes holds revisions ${sent.map((e) => (e.data as { revision: number }).revision).join(', ')}.`,
      '',
      table,
      '',
      `Reading. Closing a month for the whole province costs about one fold of the log: the first county's send waits for the fold (its p99 is that wait), the other 87 take milliseconds each (the decider, two stream reads, a read-store query, an append). Sent at once, the 88 sends share the one fold. The ratio to one cold as-of fold is the figure to watch: above 1 by the month-before fold run in the same pass and the 88 appends.`,
    ].join('\n');
    writeSection(join(__dirname, '..', 'docs', 'BENCHMARKS.md'), 'Monthly close of 88 counties', body);
    console.log(table);
  } finally {
    await stores.close();
  }
}

runBenchmark(main);

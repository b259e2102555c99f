/**
 * bench:projections' PostgreSQL rows: the rebuild of the employment monitor with the events in PostgreSQL and
 * the read models in PostgreSQL, beside SQLite → SQLite on the same log, in the same run. The log is smaller
 * than the SQLite section's (BENCH_PG_EVENTS), so that the PostgreSQL rows take minutes, not tens of them.
 */
import { employmentMonitorProjector, householdsCollection, regionsCollection } from '@lib/application';
import { ProjectionRunner, type ReadStore } from '@lib/read-store';
import type { EventStore } from '@lib/event-store';
import type { TestDatabase } from '@lib/testing';
import { formatRate, markdownTable, measured, median } from './bench-report';
import { appendProvince, catchUp, openMonitorStores, rebuildWithTheCommand } from './monitor-stores';
import { backendCpu, backendCpuUsed, serverSettings } from './postgres-bench';
import { copyLog, openPostgresMonitorStores } from './postgres-monitor-stores';

interface Engine {
  readonly name: string;
  readonly events: EventStore;
  readonly reads: ReadStore;
  /** CPU seconds of the server processes by id, for a server; undefined for SQLite (in this process). */
  readonly serverCpu?: () => Promise<Map<number, number>>;
}

interface RebuildRound {
  readonly events: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly serverCpuSeconds?: number;
  readonly peakRssMb: number;
}

async function rebuildRound(engine: Engine): Promise<RebuildRound> {
  global.gc?.();
  const runner = new ProjectionRunner(engine.events, engine.reads, employmentMonitorProjector());
  const serverBefore = await engine.serverCpu?.();
  const cpuBefore = process.cpuUsage();
  const run = await measured(() => runner.rebuild());
  const cpu = process.cpuUsage(cpuBefore);
  const serverAfter = await engine.serverCpu?.();
  if (run.result.appends !== 0) throw new Error(`${engine.name}: the rebuild appended ${run.result.appends}`);
  return {
    events: run.result.events,
    seconds: run.seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    serverCpuSeconds: serverBefore && serverAfter ? backendCpuUsed(serverBefore, serverAfter) : undefined,
    peakRssMb: run.peakRssMb,
  };
}

/** The households the read models count, checked against the province document. */
async function households(engine: Engine): Promise<number> {
  const count = await engine.reads.count(householdsCollection);
  const [province] = (await engine.reads.find(regionsCollection, { where: { level: 'province' }, limit: 1 }))
    .items;
  if (province?.households !== count) throw new Error(`${engine.name}: province figures disagree`);
  return count;
}

/**
 * Generates the log into SQLite, catches the monitor up there (its process manager appends the monitor
 * events), copies the whole log into PostgreSQL (setup, not timed), then rebuilds `rounds` times in each,
 * taking turns, and once more each with `npm run projections:rebuild` in a process of its own.
 */
export async function postgresRebuildSection(
  pg: TestDatabase,
  total: number,
  rounds: number,
): Promise<string> {
  const sqlite = openMonitorStores('projections-pg-bench-');
  const postgres = await openPostgresMonitorStores(pg.url);
  const database = new URL(pg.url).pathname.slice(1);
  try {
    const generated = await appendProvince(sqlite.events, total);
    await catchUp(
      new ProjectionRunner(sqlite.events, sqlite.reads, employmentMonitorProjector(), { batchSize: 1000 }),
      sqlite.events,
    );
    const copy = await measured(() => copyLog(sqlite.events, pg.url));
    const logEvents = copy.result;
    console.log(`PostgreSQL: ${logEvents} events copied in ${copy.seconds.toFixed(1)} s`);
    const engines: Engine[] = [
      { name: 'SQLite', events: sqlite.events, reads: sqlite.reads },
      {
        name: 'PostgreSQL',
        events: postgres.events,
        reads: postgres.reads,
        serverCpu: () => backendCpu(pg.url, database),
      },
    ];
    const samples = engines.map((): RebuildRound[] => []);
    for (let round = 1; round <= rounds; round++) {
      for (const [i, engine] of engines.entries()) {
        const result = await rebuildRound(engine);
        if (result.events !== logEvents) throw new Error(`${engine.name} rebuilt ${result.events} events`);
        samples[i].push(result);
        console.log(`${engine.name} rebuild ${round}/${rounds}: ${result.seconds.toFixed(1)} s`);
      }
    }
    const counted = await Promise.all(engines.map(households));
    if (counted[0] !== counted[1]) throw new Error(`households differ: ${counted.join(' / ')}`);
    const commands = [
      rebuildWithTheCommand(sqlite.directory, { EVENT_STORE_URL: '', MONGO_URL: '' }),
      rebuildWithTheCommand(sqlite.directory, { EVENT_STORE_URL: pg.url, MONGO_URL: '' }),
    ];
    const settings = await serverSettings(pg.url);
    return report({
      requested: total,
      generated,
      logEvents,
      households: counted[0],
      rounds,
      samples,
      commands,
      settings,
    });
  } finally {
    await postgres.close();
    await sqlite.close();
  }
}

interface Figures {
  readonly requested: number;
  readonly generated: number;
  readonly logEvents: number;
  readonly households: number;
  readonly rounds: number;
  readonly samples: RebuildRound[][];
  readonly commands: { events: number; seconds: number; peakMemoryMb: number }[];
  readonly settings: string;
}

function report(f: Figures): string {
  const med = (i: number, pick: (r: RebuildRound) => number): number => median(f.samples[i].map(pick));
  const seconds = [0, 1].map((i) => med(i, (r) => r.seconds));
  const rate = seconds.map((s) => f.logEvents / s);
  const serverCpu = f.samples[1].every((r) => r.serverCpuSeconds !== undefined)
    ? med(1, (r) => r.serverCpuSeconds ?? 0)
    : undefined;
  const inProcess = (i: number, label: string, server: string): string[] => [
    label,
    seconds[i].toFixed(1),
    formatRate(rate[i]),
    med(i, (r) => r.cpuSeconds).toFixed(1),
    server,
    `${Math.round(med(i, (r) => r.peakRssMb))} MB`,
    `${(rate[i] / rate[0]).toFixed(2)}x`,
  ];
  const command = (i: number, label: string): string[] => [
    label,
    f.commands[i].seconds.toFixed(1),
    formatRate(f.commands[i].events / f.commands[i].seconds),
    '—',
    '—',
    `${f.commands[i].peakMemoryMb} MB`,
    `${(f.commands[i].events / f.commands[i].seconds / (f.commands[0].events / f.commands[0].seconds)).toFixed(2)}x`,
  ];
  const table = markdownTable(
    [
      'rebuild (events → read models)',
      'seconds',
      'events/s',
      'CPU s (this process)',
      'CPU s (server)',
      'peak RSS (this process)',
      'vs SQLite',
    ],
    [
      inProcess(0, 'SQLite → SQLite, in process', '—'),
      inProcess(
        1,
        'PostgreSQL → PostgreSQL, in process',
        serverCpu === undefined ? '—' : serverCpu.toFixed(1),
      ),
      command(0, '`npm run projections:rebuild`, SQLite (own process)'),
      command(1, '`npm run projections:rebuild`, EVENT_STORE_URL=PostgreSQL (own process)'),
    ],
  );
  return [
    '### PostgreSQL beside SQLite',
    `A smaller log, so that the PostgreSQL rows take minutes (BENCH_PG_EVENTS=${f.requested}): ` +
      `${f.generated.toLocaleString('en-US')} generated events appended to a fresh SQLite store, the monitor caught up there ` +
      `(its process manager appended ${(f.logEvents - f.generated).toLocaleString('en-US')} monitor events), and the whole log of ` +
      `${f.logEvents.toLocaleString('en-US')} events copied into PostgreSQL in position order (setup, not timed; ` +
      'the events in the `public` schema, the read models in `monitor_read_models`, where the service keeps them when ' +
      `EVENT_STORE_URL names the database). Then ${f.rounds} rebuilds in each store, taking turns (medians; ` +
      'peak RSS of this process sampled every 20 ms, the server\'s memory not counted; "CPU s (server)" is the CPU time ' +
      "of the server processes of the run's database, from /proc), and once each by the command in a process of its own " +
      `(its own timing and peak RSS). Both rebuilds end with ${f.households.toLocaleString('en-US')} households, the same in ` +
      'both stores and in agreement with the province document (checked).',
    `PostgreSQL: ${f.settings}.`,
    table,
    meaning(f, seconds, serverCpu),
  ].join('\n\n');
}

function meaning(f: Figures, seconds: readonly number[], serverCpu: number | undefined): string {
  const cpu = [0, 1].map((i) => median(f.samples[i].map((r) => r.cpuSeconds)));
  const perEvent = (s: number): string => `${((1e6 * s) / f.logEvents).toFixed(1)} µs`;
  const busy = cpu[1] + (serverCpu ?? 0);
  const waiting = seconds[1] - busy;
  return [
    '**What the PostgreSQL figures mean.** The rebuild runs the same code on both stores (`ProjectionRunner.rebuild`:',
    'the log read in pages of 4,096 events, the projections applied in memory, each document written once into a',
    'fresh generation whose indexes are built before the swap). With PostgreSQL the pages come over loopback as',
    "rows whose jsonb the driver parses value by value (SQLite's store parses a page's data column with one",
    'JSON.parse, see "Event store"), and the documents go back as multi-row upserts into the next generation\'s',
    'tables; the swap flips the live generation and drops the old tables in one transaction. Per event of the',
    `log, this process used ${perEvent(cpu[1])} of CPU with PostgreSQL against ${perEvent(cpu[0])} with SQLite (SQLite's`,
    `work is all in this process), and the server ${serverCpu === undefined ? 'an unmeasured amount' : perEvent(serverCpu)}.`,
    waiting > 0
      ? `Of the ${seconds[1].toFixed(1)} s of the PostgreSQL rebuild, ${waiting.toFixed(1)} s are neither this process's nor the server's CPU (of SQLite's ${seconds[0].toFixed(1)} s, ${(seconds[0] - cpu[0]).toFixed(1)} s are not this process's CPU): waiting for round trips, for the server's writes and commits, for the disk, and for the other work on the machine's two cores.`
      : `This process and the server worked side by side on the two cores (${busy.toFixed(1)} s of CPU in ${seconds[1].toFixed(1)} s).`,
    `The command's peak memory is ${f.commands[1].peakMemoryMb} MB with PostgreSQL against ${f.commands[0].peakMemoryMb} MB with SQLite:`,
    'both hold every document in memory until they write it; the PostgreSQL read store also prepares the whole',
    'write before its first insert (every document as JSON text and its index columns, `prepareChanges` in',
    "libs/read-store/src/postgres/postgres-generation.ts), and the server's own memory comes on top.",
  ].join(' ');
}

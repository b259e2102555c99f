/**
 * The working tree (AFTER) against a previous commit (BEFORE) on bench:store, bench:projections and
 * bench:matching, in one run: each version is put into a temporary directory of its own (BEFORE extracted with
 * git archive, AFTER copied from the working tree, both with the repository's node_modules linked in), and
 * every benchmark runs there as its npm script, the versions alternating (round 1: store BEFORE, store AFTER,
 * projections BEFORE, projections AFTER, matching BEFORE, matching AFTER; then round 2 ...), so that the load
 * of this shared machine falls on both alike. A benchmark writes its own section into its copy's
 * docs/BENCHMARKS.md (removed before each run, read back after it, discarded with the copy): that section is
 * what is compared. Medians over the rounds, AFTER/BEFORE ratios, and the section "## Against the previous
 * commit" of this repository's docs/BENCHMARKS.md.
 *
 * Run: npm run bench:against
 *   BENCH_BASE=0d2d598          the commit BEFORE is
 *   BENCH_ROUNDS=2              BEFORE/AFTER pairs per benchmark
 *   BENCH_STORE_ROUNDS=2        bench:store's own rounds after its warm-up (its BENCH_ROUNDS)
 *   BENCH_STORE_READ_EVENTS=200000  the log bench:store reads (its BENCH_READ_EVENTS)
 *   BENCH_EVENTS=300000         the log bench:projections generates (its BENCH_EVENTS)
 *   BENCH_PROVINCE=0            bench:matching without the province plan (--no-province)
 *   BENCH_ONLY=store,matching   some of the benchmarks only
 *   BENCH_KEEP=1                keeps the two copies
 *   --no-write                  prints the section without writing docs/BENCHMARKS.md
 *   --from=<results.json>       renders the section again from a run's saved figures, measuring nothing
 * Every run's figures are saved in .tmp/bench-against/<start time>/results.json, next to each run's output.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineLine, markdownTable, median, writeSection } from './lib/bench-report';
import { copyWorkingTree, extractCommit, REPOSITORY_ROOT, type SourceTree } from './lib/source-tree';

const args = process.argv.slice(2);
const WRITE = !args.includes('--no-write');
const FROM = args.find((arg) => arg.startsWith('--from='))?.slice('--from='.length);
const env = (name: string, fallback: string): string => process.env[name] || fallback;

const SETTINGS = {
  BENCH_BASE: env('BENCH_BASE', '0d2d598'),
  BENCH_ROUNDS: Number(env('BENCH_ROUNDS', '2')),
  BENCH_STORE_ROUNDS: Number(env('BENCH_STORE_ROUNDS', '2')),
  BENCH_STORE_READ_EVENTS: Number(env('BENCH_STORE_READ_EVENTS', '200000')),
  BENCH_EVENTS: Number(env('BENCH_EVENTS', '300000')),
  BENCH_PROVINCE: env('BENCH_PROVINCE', '1') !== '0',
};
type Settings = typeof SETTINGS;
const KEEP = process.env.BENCH_KEEP === '1';
/** A benchmark run may take this long before it is stopped (and the comparison fails). */
const RUN_TIMEOUT_MS = 45 * 60_000;
const SECTION = 'Against the previous commit';

type Version = 'BEFORE' | 'AFTER';
type BenchName = 'store' | 'projections' | 'matching';
const BENCH_NAMES: readonly BenchName[] = ['store', 'projections', 'matching'];

/**
 * Which way a metric is better: 'higher' or 'lower' for measured (noisy) figures; 'exact' for what a
 * version computes and must give the same in every run (counts, the plan's optimum), only ever "same" or not.
 */
type Better = 'higher' | 'lower' | 'exact';

interface Figure {
  readonly metric: string;
  readonly unit: string;
  readonly value: number;
  readonly better: Better;
  /**
   * Set on figures of code outside the service's own paths (better-sqlite3 driven by the bench's loop, the
   * HiGHS LP solver): the same work in both versions, so their difference is this run's noise.
   */
  readonly control?: boolean;
  /** The title of the benchmark's own row it comes from, when versions title the same measurement otherwise. */
  readonly row?: string;
}

interface BenchRun {
  readonly bench: BenchName;
  readonly version: Version;
  readonly round: number;
  /** Wall seconds of the whole npm script (setup included). */
  readonly seconds: number;
  /** 1-minute load average when it ended. */
  readonly loadAfter: number;
  readonly figures: readonly Figure[];
}

interface Results {
  readonly settings: Settings;
  readonly benches: readonly BenchName[];
  readonly machine: string;
  readonly before: Pick<SourceTree, 'commit' | 'dependencies'>;
  readonly after: Pick<SourceTree, 'commit' | 'dependencies'>;
  readonly startedAt: string;
  readonly seconds: number;
  readonly loadAtStart: string;
  readonly loadAtEnd: string;
  readonly runs: readonly BenchRun[];
}

// ---------------------------------------------------------------------------------------------------------
// Reading what a benchmark wrote

interface Table {
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** The markdown tables of `text` (a line starting with '|', then a '|---' line, then rows). */
function tablesOf(text: string): Table[] {
  const lines = text.split('\n');
  const cells = (line: string): string[] =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim());
  const tables: Table[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].startsWith('|') || !/^\|\s*-{3}/.test(lines[i + 1])) continue;
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j].startsWith('|'); j++) rows.push(cells(lines[j]));
    tables.push({ header: cells(lines[i]), rows });
    i = j;
  }
  return tables;
}

function tableStartingWith(tables: readonly Table[], firstColumn: string): Table {
  const table = tables.find((t) => t.header[0] === firstColumn);
  if (!table) throw new Error(`no table with a "${firstColumn}" column`);
  return table;
}

/** The first number of a cell ("**1.43 s** / CPU 1.75 s" → 1.43; "12,345" → 12345). */
function numberIn(cell: string): number {
  const match = /-?[\d,]*\.?\d+/.exec(cell.replace(/\*/g, ''));
  if (!match) throw new Error(`no number in "${cell}"`);
  return Number(match[0].replace(/,/g, ''));
}

/** The numbers of a cell, in order ("762 / 1,234 / 89,912" → [762, 1234, 89912]). */
const numbersIn = (cell: string): number[] =>
  (cell.replace(/\*/g, '').match(/-?[\d,]*\.?\d+/g) ?? []).map((n) => Number(n.replace(/,/g, '')));

/** The `## title` section of a markdown file, up to the next `## ` heading. */
function sectionOf(markdown: string, title: string): string {
  const start = markdown.indexOf(`## ${title}\n`);
  if (start < 0) throw new Error(`no "## ${title}" section`);
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
}

/** bench:store's rows of better-sqlite3 driven by its own loop, without the event store. */
const isRaw = (path: string): boolean => path.startsWith('raw better-sqlite3');

function storeFigures(section: string): Figure[] {
  const tables = tablesOf(section);
  const appends = tableStartingWith(tables, 'append path');
  const reads = tableStartingWith(tables, 'read path');
  return [
    ...appends.rows.map(([path, batch, writers, eventsPerSecond]) => ({
      metric: `append: ${path}, batch ${batch}, ${writers} writer${writers === '1' ? '' : 's'}`,
      unit: 'events/s',
      value: numberIn(eventsPerSecond),
      better: 'higher' as const,
      control: isRaw(path),
    })),
    ...reads.rows.flatMap(([path, wall, perCpu]) => [
      {
        metric: `read: ${path}`,
        unit: 'events/s',
        value: numberIn(wall),
        better: 'higher' as const,
        control: isRaw(path),
      },
      {
        metric: `read: ${path}`,
        unit: 'events per CPU-s',
        value: numberIn(perCpu),
        better: 'higher' as const,
        control: isRaw(path),
      },
    ]),
  ];
}

/**
 * The phases of bench:projections by what they measure: their row titles changed between versions (BEFORE's
 * rebuild wrote its documents on a writer thread, and its bench ran the same rebuild again without it).
 */
const PROJECTION_PHASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^append the log/, 'append the log'],
  [/^first pass/, 'first pass (catch up from empty)'],
  [/^rebuild as before/, 'former batch rebuild'],
  [/^rebuild from 0 in memory/, 'rebuild, in the bench process'],
  [
    /^the same rebuild, its documents written by the main thread/,
    'rebuild again, documents on the main thread',
  ],
  [/projections:rebuild/, '`npm run projections:rebuild`'],
];

function projectionFigures(section: string): Figure[] {
  const phases = tableStartingWith(tablesOf(section), 'phase');
  const figures = phases.rows.flatMap(([title, events, seconds, eventsPerSecond, peakRss]) => {
    const plain = title.replace(/\*/g, '');
    const phase = PROJECTION_PHASES.find(([pattern]) => pattern.test(plain))?.[1] ?? plain;
    const figure = (measure: string, unit: string, cell: string, better: Better): Figure => ({
      metric: `${phase}: ${measure}`,
      unit,
      value: numberIn(cell),
      better,
      row: plain,
    });
    return [
      figure('time', 's', seconds, 'lower'),
      figure('rate', 'events/s', eventsPerSecond, 'higher'),
      figure('peak RSS', 'MB', peakRss, 'lower'),
      figure('events', 'events', events, 'exact'),
    ];
  });
  const households = /Read store after the rebuild: ([\d,]+) households/.exec(section);
  if (households) {
    figures.push({
      metric: 'households in the read store',
      unit: 'households',
      value: numberIn(households[1]),
      better: 'exact',
    });
  }
  return figures;
}

function matchingFigures(section: string, output: string): Figure[] {
  const tables = tablesOf(section);
  const plans = tables.find((t) => t.header[0] === 'instance' && t.header.includes('candidate pairs'));
  if (!plans) throw new Error('no match plan table');
  const column = (name: string): number => {
    const index = plans.header.findIndex((h) => h.startsWith(name));
    if (index < 0) throw new Error(`no "${name}" column in the match plan table`);
    return index;
  };
  const [pairsColumn, builtColumn, planColumn, exactColumn, highsColumn] = [
    'candidate pairs',
    'pairs built in',
    'plan wall / CPU time',
    'exact plan',
    'HiGHS',
  ].map(column);
  // "county (1 county, all eligible pairs)" → "county"
  const instanceOf = (name: string): string => name.split(' (')[0];
  const figures: Figure[] = plans.rows.flatMap((row) => {
    const instance = instanceOf(row[0]);
    const [planWall, planCpu] = numbersIn(row[planColumn]);
    const [covered, placed, score] = numbersIn(row[exactColumn]);
    const highs = numbersIn(row[highsColumn]);
    return [
      {
        metric: `${instance}: candidate pairs`,
        unit: 'pairs',
        value: numberIn(row[pairsColumn]),
        better: 'exact',
      },
      {
        metric: `${instance}: pairs built in`,
        unit: 's',
        value: numberIn(row[builtColumn]),
        better: 'lower',
      },
      { metric: `${instance}: plan, wall`, unit: 's', value: planWall, better: 'lower' },
      { metric: `${instance}: plan, CPU`, unit: 's', value: planCpu, better: 'lower' },
      { metric: `${instance}: households covered`, unit: 'households', value: covered, better: 'exact' },
      { metric: `${instance}: people placed`, unit: 'people', value: placed, better: 'exact' },
      { metric: `${instance}: total score`, unit: 'score', value: score, better: 'exact' },
      // HiGHS solves the same LP in both versions: a control of the machine's noise, not of our code.
      ...(highs.length >= 2
        ? [
            {
              metric: `${instance}: HiGHS LP, CPU`,
              unit: 's',
              value: highs[1],
              better: 'lower' as const,
              control: true,
            },
          ]
        : []),
    ] satisfies Figure[];
  });
  // The exact solve alone is printed for every instance, in the order the instances are announced.
  let instance = '';
  for (const line of output.split('\n')) {
    const announced = /^(\S[^:]*): \d+ households, /.exec(line);
    if (announced) instance = instanceOf(announced[1]);
    const solve = /^\s+exact solve alone: CPU ([\d.]+) s/.exec(line);
    if (solve && instance) {
      figures.push({
        metric: `${instance}: exact solve alone, CPU`,
        unit: 's',
        value: Number(solve[1]),
        better: 'lower',
      });
    }
  }
  const recommendations = tableStartingWith(tables, 'open vacancies').rows[0];
  const [workerP50, workerP99] = numbersIn(recommendations[2]);
  const [vacancyP50, vacancyP99] = numbersIn(recommendations[3]);
  figures.push(
    {
      metric: 'recommendations: index build',
      unit: 's',
      value: numberIn(recommendations[1]),
      better: 'lower',
    },
    {
      metric: 'recommendations: top-10 vacancies for a worker, p50',
      unit: 'ms',
      value: workerP50,
      better: 'lower',
    },
    {
      metric: 'recommendations: top-10 vacancies for a worker, p99',
      unit: 'ms',
      value: workerP99,
      better: 'lower',
    },
    {
      metric: 'recommendations: top-10 candidates for a vacancy, p50',
      unit: 'ms',
      value: vacancyP50,
      better: 'lower',
    },
    {
      metric: 'recommendations: top-10 candidates for a vacancy, p99',
      unit: 'ms',
      value: vacancyP99,
      better: 'lower',
    },
  );
  const peak = /Peak RSS of the whole run[^:]*: (\d+) MB/.exec(section);
  if (peak)
    figures.push({
      metric: 'peak RSS of the whole run',
      unit: 'MB',
      value: Number(peak[1]),
      better: 'lower',
    });
  return figures;
}

// ---------------------------------------------------------------------------------------------------------
// Running the benchmarks

interface BenchCommand {
  readonly script: string;
  readonly args: readonly string[];
  /** BENCH_* variables of the benchmark (nothing else of ours reaches it: see childEnv). */
  readonly env: Readonly<Record<string, string>>;
  /** The section it writes into docs/BENCHMARKS.md. */
  readonly section: string;
  readonly figures: (section: string, output: string) => Figure[];
}

function benchCommand(bench: BenchName, settings: Settings): BenchCommand {
  switch (bench) {
    case 'store':
      return {
        script: 'bench:store',
        args: [],
        env: {
          BENCH_ROUNDS: String(settings.BENCH_STORE_ROUNDS),
          BENCH_READ_EVENTS: String(settings.BENCH_STORE_READ_EVENTS),
        },
        section: 'Event store',
        figures: storeFigures,
      };
    case 'projections':
      return {
        script: 'bench:projections',
        args: [],
        env: { BENCH_EVENTS: String(settings.BENCH_EVENTS) },
        section: 'Projections',
        figures: projectionFigures,
      };
    case 'matching':
      return {
        script: 'bench:matching',
        args: settings.BENCH_PROVINCE ? [] : ['--no-province'],
        env: {},
        section: 'Matching',
        figures: matchingFigures,
      };
  }
}

/** How a benchmark was run, as a command line. */
function commandLine(command: BenchCommand): string {
  const variables = Object.entries(command.env).map(([name, value]) => `${name}=${value} `);
  const extra = command.args.length > 0 ? ` -- ${command.args.join(' ')}` : '';
  return `${variables.join('')}npm run ${command.script}${extra}`;
}

/**
 * This process's environment without any BENCH_* variable (ours, such as BENCH_ROUNDS, mean something else
 * to the benchmarks), with the benchmark's own on top.
 */
function childEnv(own: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('BENCH_')),
  );
  return { ...inherited, ...own };
}

/** The process group of the benchmark running now, so that a signal can stop it and its children. */
let running: number | undefined;

/** Runs `command` in `tree` to its end, its output into `logFile`; resolves with its wall seconds. */
function runBench(command: BenchCommand, tree: SourceTree, logFile: string): Promise<number> {
  const log = openSync(logFile, 'w');
  const started = process.hrtime.bigint();
  const child = spawn(
    'npm',
    ['run', '-s', command.script, ...(command.args.length > 0 ? ['--', ...command.args] : [])],
    {
      cwd: tree.directory,
      env: childEnv(command.env),
      stdio: ['ignore', log, log],
      // Its own process group: npm starts node, which may start more (projections:rebuild); a timeout or a
      // signal stops them all by the group's id.
      detached: true,
    },
  );
  closeSync(log);
  running = child.pid;
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, RUN_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timeout);
      running = undefined;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code === 0) resolve(seconds);
      else {
        const tail = readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
        reject(
          new Error(
            `${commandLine(command)} in ${tree.directory} failed (${signal ?? `exit ${code}`}):\n${tail}`,
          ),
        );
      }
    });
  });
}

const loadLine = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

/**
 * Runs the rounds and returns every run's figures; `save` is handed the results so far after each run, so that
 * a comparison stopped half-way leaves what it measured (renderable with --from).
 */
async function measure(
  settings: Settings,
  benches: readonly BenchName[],
  logs: string,
  save: (results: Results) => void,
): Promise<Results> {
  const startedAt = new Date();
  const loadAtStart = loadLine();
  const work = mkdtempSync(join(tmpdir(), 'bench-against-'));
  const stopOnSignal = (): void => {
    if (running !== undefined) process.kill(-running, 'SIGTERM');
    if (!KEEP) rmSync(work, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    const trees: Record<Version, SourceTree> = {
      BEFORE: extractCommit(settings.BENCH_BASE, join(work, 'before')),
      AFTER: copyWorkingTree(join(work, 'after')),
    };
    for (const version of ['BEFORE', 'AFTER'] as const) {
      console.log(
        `${version}: ${trees[version].commit} in ${trees[version].directory}; ${trees[version].dependencies}`,
      );
    }
    const runs: BenchRun[] = [];
    const resultsSoFar = (): Results => ({
      settings,
      benches,
      machine: machineLine(),
      before: { commit: trees.BEFORE.commit, dependencies: trees.BEFORE.dependencies },
      after: { commit: trees.AFTER.commit, dependencies: trees.AFTER.dependencies },
      startedAt: startedAt.toISOString(),
      seconds: (Date.now() - startedAt.getTime()) / 1000,
      loadAtStart,
      loadAtEnd: loadLine(),
      runs: [...runs],
    });
    for (let round = 1; round <= settings.BENCH_ROUNDS; round++) {
      for (const bench of benches) {
        const command = benchCommand(bench, settings);
        // The order swaps every round, so a machine that drifts during a run does not favour one version.
        const order = round % 2 === 1 ? (['BEFORE', 'AFTER'] as const) : (['AFTER', 'BEFORE'] as const);
        for (const version of order) {
          const tree = trees[version];
          const doc = join(tree.directory, 'docs', 'BENCHMARKS.md');
          // Removed so that a section read back is this run's, never the committed one or a previous round's.
          rmSync(doc, { force: true });
          const logFile = join(logs, `${bench}-${version.toLowerCase()}-${round}.log`);
          console.log(
            `round ${round}/${settings.BENCH_ROUNDS}: ${bench} ${version} (${commandLine(command)}) ...`,
          );
          const seconds = await runBench(command, tree, logFile);
          const figures = command.figures(
            sectionOf(readFileSync(doc, 'utf8'), command.section),
            readFileSync(logFile, 'utf8'),
          );
          runs.push({ bench, version, round, seconds, loadAfter: loadavg()[0], figures });
          console.log(`  ${seconds.toFixed(0)} s, ${figures.length} figures, load ${loadLine()}`);
          save(resultsSoFar());
        }
      }
    }
    return resultsSoFar();
  } finally {
    if (KEEP) console.log(`copies kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// The comparison

/** Within this ratio of 1, a difference is not called one (the noise of this shared machine is larger). */
const NOISE_RATIO = 0.1;

function formatValue(value: number, unit: string): string {
  if (unit === 's') return value >= 10 ? value.toFixed(1) : value.toFixed(2);
  if (unit === 'ms') return value.toFixed(2);
  return Math.round(value).toLocaleString('en-US');
}

/** "median (min–max)", or the value alone when every run gave the same. */
function spread(values: readonly number[], unit: string): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const middle = formatValue(median(values), unit);
  return low === high ? middle : `${middle} (${formatValue(low, unit)}–${formatValue(high, unit)})`;
}

function verdict(before: readonly number[], after: readonly number[], figure: Figure): string {
  const { better, control } = figure;
  const ratio = median(after) / median(before);
  if (better === 'exact') {
    const same = [...before, ...after].every((v) => v === before[0]);
    return same ? 'same' : `differs (${ratio > 1 ? 'AFTER higher' : 'AFTER lower'})`;
  }
  const overlap =
    Math.max(Math.min(...before), Math.min(...after)) <= Math.min(Math.max(...before), Math.max(...after));
  if (overlap || Math.abs(ratio - 1) <= NOISE_RATIO)
    return control ? 'control: no clear difference' : 'no clear difference';
  // The same work in both versions: a difference beyond the band is the run's noise, not a change.
  if (control) return 'control: moved (noise)';
  return (better === 'higher') === ratio > 1 ? 'better' : '**WORSE**';
}

interface Comparison {
  readonly table: string;
  readonly onlyBefore: readonly string[];
  readonly onlyAfter: readonly string[];
  /** Rows compared though their versions title them otherwise: "BEFORE's "…", AFTER's "…"". */
  readonly retitled: readonly string[];
}

/** "phase: time", "phase: rate" → "phase (time, rate)": the metrics of one row named once. */
function groupedNames(metrics: readonly string[]): string[] {
  const byRow = new Map<string, string[]>();
  for (const metric of metrics) {
    const split = metric.lastIndexOf(': ');
    const row = split < 0 ? metric : metric.slice(0, split);
    const measures = byRow.get(row) ?? [];
    if (split >= 0) measures.push(metric.slice(split + 2));
    byRow.set(row, measures);
  }
  return [...byRow].map(([row, measures]) => (measures.length > 0 ? `${row} (${measures.join(', ')})` : row));
}

/** Metric names with their unit, so that a metric is one row. */
const keyOf = (figure: Figure): string => `${figure.metric} [${figure.unit}]`;

function compare(runs: readonly BenchRun[]): Comparison {
  const valuesOf = (version: Version): Map<string, { figure: Figure; values: number[] }> => {
    const byMetric = new Map<string, { figure: Figure; values: number[] }>();
    for (const run of runs.filter((r) => r.version === version)) {
      for (const figure of run.figures) {
        const entry = byMetric.get(keyOf(figure)) ?? { figure, values: [] };
        entry.values.push(figure.value);
        byMetric.set(keyOf(figure), entry);
      }
    }
    return byMetric;
  };
  const before = valuesOf('BEFORE');
  const after = valuesOf('AFTER');
  const rows: string[][] = [];
  const retitled = new Set<string>();
  for (const [key, { figure, values }] of before) {
    const theirs = after.get(key);
    if (!theirs) continue;
    if (figure.row !== theirs.figure.row)
      retitled.add(`BEFORE's "${figure.row}", AFTER's "${theirs.figure.row}"`);
    rows.push([
      figure.control ? `${figure.metric} (control)` : figure.metric,
      figure.unit,
      spread(values, figure.unit),
      spread(theirs.values, figure.unit),
      median(values) === 0 ? '—' : (median(theirs.values) / median(values)).toFixed(2),
      verdict(values, theirs.values, figure),
    ]);
  }
  const names = (mine: Map<string, { figure: Figure }>, other: Map<string, unknown>): string[] =>
    groupedNames([
      ...new Set(
        [...mine.values()]
          .filter(({ figure }) => !other.has(keyOf(figure)))
          .map(({ figure }) => figure.metric),
      ),
    ]);
  return {
    table: markdownTable(
      ['metric', 'unit', 'BEFORE median (min–max)', 'AFTER median (min–max)', 'AFTER/BEFORE', 'verdict'],
      rows,
    ),
    onlyBefore: names(before, after),
    onlyAfter: names(after, before),
    retitled: [...retitled],
  };
}

const BENCH_TITLES: Record<BenchName, string> = {
  store: 'Event store (`bench:store`)',
  projections: 'Projections (`bench:projections`)',
  matching: 'Matching (`bench:matching`)',
};

function sectionBody(results: Results): string {
  const { settings } = results;
  const ourCommand = [
    `BENCH_BASE=${settings.BENCH_BASE}`,
    `BENCH_ROUNDS=${settings.BENCH_ROUNDS}`,
    ...(results.benches.includes('store')
      ? [
          `BENCH_STORE_ROUNDS=${settings.BENCH_STORE_ROUNDS}`,
          `BENCH_STORE_READ_EVENTS=${settings.BENCH_STORE_READ_EVENTS}`,
        ]
      : []),
    ...(results.benches.includes('projections') ? [`BENCH_EVENTS=${settings.BENCH_EVENTS}`] : []),
    ...(results.benches.includes('matching') && !settings.BENCH_PROVINCE ? ['BENCH_PROVINCE=0'] : []),
    ...(results.benches.length < BENCH_NAMES.length ? [`BENCH_ONLY=${results.benches.join(',')}`] : []),
  ].join(' ');
  const runsOf = (bench: BenchName): BenchRun[] => results.runs.filter((r) => r.bench === bench);
  const durations = (bench: BenchName): string =>
    runsOf(bench)
      .map((r) => `${r.version} ${Math.round(r.seconds)} s`)
      .join(', ');
  const storeRounds = results.benches.includes('store')
    ? ` (a store figure is itself bench:store's median of its own ${settings.BENCH_STORE_ROUNDS} rounds after a warm-up; the other benchmarks measure each figure once per run)`
    : '';
  const parts = [
    `Machine: ${results.machine}. Command: \`${ourCommand} npm run bench:against\`, started ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${(results.seconds / 60).toFixed(results.seconds < 600 ? 1 : 0)} min in all.`,
    `BEFORE = ${results.before.commit} (extracted with git archive; ${results.before.dependencies}), AFTER = ${results.after.commit} (the working tree, copied; ${results.after.dependencies}), each in a temporary directory with the repository's node_modules. Each benchmark ran as its own npm script in each copy, ${settings.BENCH_ROUNDS} round(s), the versions alternating within a round (BEFORE first in odd rounds, AFTER first in even ones) and the benchmarks taking turns; each wrote its section into its copy's docs/BENCHMARKS.md, which is what is read here and then discarded. Every benchmark generates its own input with its own version's generator (bench/lib, libs/*/testing), so an "exact" row that is not "same" means the inputs or the results differ.`,
    `Reading: "median (min–max)" over the rounds${storeRounds}; AFTER/BEFORE is the ratio of the medians; the verdict is "no clear difference" when the two ranges overlap or the ratio is within ±${NOISE_RATIO * 100} %, otherwise better or **WORSE** (for a time or memory, lower is better; for a rate, higher). Rows marked "(control)" time code outside the service's own paths (better-sqlite3 driven by bench:store's own loop, the HiGHS LP solver), the same work in both versions: how far they move is this run's noise.`,
    `Load average (1/5/15 min): ${results.loadAtStart} at the start, ${results.loadAtEnd} at the end; 1-minute load after each run, in the order run: ${results.runs.map((r) => r.loadAfter.toFixed(1)).join(', ')}.`,
  ];
  for (const bench of results.benches) {
    const runs = runsOf(bench);
    if (runs.length === 0) continue;
    const comparison = compare(runs);
    const only = [
      ...(comparison.onlyBefore.length > 0
        ? [`only BEFORE's bench reported ${comparison.onlyBefore.join('; ')}`]
        : []),
      ...(comparison.onlyAfter.length > 0
        ? [`only AFTER's bench reported ${comparison.onlyAfter.join('; ')}`]
        : []),
    ];
    parts.push(
      `### ${BENCH_TITLES[bench]}`,
      `Run as \`${commandLine(benchCommand(bench, settings))}\`; each run took ${durations(bench)}.`,
      comparison.table,
      ...(only.length > 0 ? [`Not compared: ${only.join('; ')}.`] : []),
      ...(comparison.retitled.length > 0
        ? [
            `Compared though titled otherwise (the same phase of the benchmark): ${comparison.retitled.join('; ')}.`,
          ]
        : []),
    );
  }
  return parts.join('\n\n');
}

async function main(): Promise<void> {
  let results: Results;
  if (FROM) {
    results = JSON.parse(readFileSync(FROM, 'utf8')) as Results;
  } else {
    const only = process.env.BENCH_ONLY?.split(',') ?? BENCH_NAMES;
    const benches = BENCH_NAMES.filter((name) => only.includes(name));
    const logs = join(
      REPOSITORY_ROOT,
      '.tmp',
      'bench-against',
      new Date().toISOString().replace(/[:.]/g, '-'),
    );
    mkdirSync(logs, { recursive: true });
    const saved = join(logs, 'results.json');
    const save = (soFar: Results): void => writeFileSync(saved, `${JSON.stringify(soFar, null, 2)}\n`);
    results = await measure(SETTINGS, benches, logs, save);
    save(results);
    console.log(`figures saved in ${saved}`);
  }
  const body = sectionBody(results);
  console.log(`\n${body}`);
  if (WRITE) writeSection(join(REPOSITORY_ROOT, 'docs', 'BENCHMARKS.md'), SECTION, body);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

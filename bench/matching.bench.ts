/**
 * Matching engine benchmark: exact match plan (time, peak memory, households covered against greedy and
 * the bounds), the same plan by HiGHS (LP) for the time ratio, and recommendation latency among 100,000
 * open vacancies. Writes the "## Matching" section of docs/BENCHMARKS.md.
 * Run: npx ts-node -T -r tsconfig-paths/register bench/matching.bench.ts [--no-province] [--no-write]
 * BENCH_COMPARE=1 also solves every instance with the other exact solvers (or BENCH_COMPARE=network-simplex,
 * cost-scaling: those), same pairs, same process, for the solver comparison table; BENCH_ROUNDS=k repeats
 * the comparison k times, alternating with the default solver, and reports medians.
 */
import highsLoader from 'highs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  allEligibleArcs,
  CandidateArcs,
  CirculationSolver,
  ExactSolver,
  householdIndexOf,
  indexedArcs,
  matchPlanLp,
  MatchPlan,
  planFigures,
  planMatches,
  MatchProblem,
  RecommendationIndex,
} from '@lib/matching';
import { arcComponents } from '@lib/matching/arc-components';
import { solveExactPart } from '@lib/matching/exact-plan';
import { costScaling } from '@lib/matching/testing/cost-scaling-solver';
import { mulberry32 } from '@lib/testing';
import { COUNTY, generateInstance, InstanceShape, PROVINCE } from './lib/matching-instance';

const FILE = path.join(__dirname, '..', 'docs', 'BENCHMARKS.md');

/** Replaces (or appends) one "## <title>" section of docs/BENCHMARKS.md, leaving the others as they are. */
function writeBenchmarkSection(title: string, body: string): void {
  const text = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '# Benchmarks\n';
  const heading = `## ${title}`;
  const start = text.indexOf(`\n${heading}\n`);
  const section = `${heading}\n\n${body.trim()}\n`;
  if (start < 0) {
    fs.writeFileSync(FILE, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + heading.length + 1);
  const after = next < 0 ? '' : `\n${text.slice(next + 1)}`;
  fs.writeFileSync(FILE, `${text.slice(0, start + 1)}${section}${after}`);
}

const PER_WORKER = 6;
const SCAN_LIMIT = 120;
const args = new Set(process.argv.slice(2));
const lines: string[] = [];
const log = (s: string): void => {
  console.log(s);
};

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2) + ' s';
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function buildIndex(problem: MatchProblem): RecommendationIndex {
  const index = new RecommendationIndex();
  for (const h of problem.households) index.upsertHousehold(h);
  for (const w of problem.workers) index.upsertWorker(w);
  for (const v of problem.vacancies) index.upsertVacancy(v);
  return index;
}

interface PlanRun {
  name: string;
  problem: MatchProblem;
  arcs: CandidateArcs;
  arcMs: number;
  plan: MatchPlan;
  planMs: number;
  /** CPU time of this process during the plan: fairer than wall time on cores shared with other work. */
  planCpuMs: number;
  /** CPU time of the exact solve alone (each part's network built and solved), as a solver benchmark times it. */
  solveCpuMs: number;
  highsMs?: number;
  highsCpuMs?: number;
  highsAgrees?: boolean;
  /** CPU ms of every default-solver run (the first plus one per later comparison round). */
  defaultCpuMs: number[];
  others: OtherSolverRun[];
}

interface OtherSolverRun {
  solver: SolverName;
  planMs: number[];
  planCpuMs: number[];
  phases: number;
  same: boolean;
}

/** Production's exact solvers, and cost scaling: a cross-check plugged in from libs/matching/src/testing. */
type SolverName = ExactSolver | 'cost-scaling';
const SOLVER: Record<SolverName, ExactSolver | CirculationSolver> = {
  'primal-dual': 'primal-dual',
  'network-simplex': 'network-simplex',
  'cost-scaling': costScaling,
};
const SOLVERS = Object.keys(SOLVER) as SolverName[];
const isSolverName = (s: string): s is SolverName => (SOLVERS as string[]).includes(s);
/** The solver a plan names (plans name their solver by a string). */
function solverNamed(name: string): SolverName {
  if (!isSolverName(name)) throw new Error(`unknown solver ${name}`);
  return name;
}
const COMPARE_WITH: SolverName[] =
  process.env.BENCH_COMPARE === '1'
    ? [...SOLVERS]
    : (process.env.BENCH_COMPARE ?? '').split(',').filter(isSolverName);
const COMPARE = COMPARE_WITH.length > 0;
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** What one solver's `phases` count. */
function phaseUnit(solver: string): string {
  return solver === 'primal-dual' ? 'phases' : solver === 'cost-scaling' ? 'refines' : 'pivots';
}

async function runPlan(
  name: string,
  shape: InstanceShape,
  viaIndex: boolean,
  withHighs: boolean,
): Promise<PlanRun> {
  const problem = generateInstance(shape);
  log(
    `${name}: ${problem.households.length} households, ${problem.workers.length} job-seekers, ${problem.vacancies.length} vacancies`,
  );
  let t = performance.now();
  const arcs = viaIndex
    ? indexedArcs(problem, buildIndex(problem), PER_WORKER, SCAN_LIMIT)
    : allEligibleArcs(problem);
  const arcMs = performance.now() - t;
  log(`  candidate pairs: ${arcs.length} in ${seconds(arcMs)}`);
  t = performance.now();
  let cpu = process.cpuUsage();
  const plan = planMatches(problem, arcs);
  const planMs = performance.now() - t;
  const planCpuMs = cpuMs(cpu);
  log(
    `  plan: ${JSON.stringify(plan.figures)} in ${seconds(planMs)} (CPU ${seconds(planCpuMs)}), ${plan.parts} parts, ${plan.phases} ${phaseUnit(plan.solver)}; greedy ${JSON.stringify(plan.greedy)}`,
  );
  // The exact solve alone, as a min-cost-flow benchmark times a solver: no household index, greedy plan,
  // figures or reasons; the same default solver on the same parts.
  const householdOf = householdIndexOf(problem);
  const parts = arcComponents(arcs, householdOf, problem.households.length, problem.vacancies.length);
  cpu = process.cpuUsage();
  const solver = SOLVER[solverNamed(plan.solver)];
  for (const part of parts) solveExactPart(problem, arcs, part, householdOf, solver);
  const solveCpuMs = cpuMs(cpu);
  log(`  exact solve alone: CPU ${seconds(solveCpuMs)}`);
  const run: PlanRun = {
    name,
    problem,
    arcs,
    arcMs,
    plan,
    planMs,
    planCpuMs,
    solveCpuMs,
    defaultCpuMs: [planCpuMs],
    others: [],
  };
  const others = COMPARE_WITH.filter((s) => s !== plan.solver);
  for (let round = 0; round < ROUNDS && others.length > 0; round++) {
    if (round > 0) {
      // Alternate with the default so that both see the same load on the shared cores.
      cpu = process.cpuUsage();
      planMatches(problem, arcs);
      run.defaultCpuMs.push(cpuMs(cpu));
    }
    for (const solver of others) {
      t = performance.now();
      cpu = process.cpuUsage();
      const other = planMatches(problem, arcs, SOLVER[solver]);
      const wall = performance.now() - t;
      const cpuTime = cpuMs(cpu);
      let entry = run.others.find((o) => o.solver === solver);
      if (!entry) {
        entry = {
          solver,
          planMs: [],
          planCpuMs: [],
          phases: other.phases,
          same: JSON.stringify(other.figures) === JSON.stringify(plan.figures),
        };
        run.others.push(entry);
      }
      entry.planMs.push(wall);
      entry.planCpuMs.push(cpuTime);
      log(
        `  ${other.solver}: ${seconds(wall)} (CPU ${seconds(cpuTime)}), ${other.phases} ${phaseUnit(other.solver)}, same optimum: ${entry.same}`,
      );
    }
  }
  if (withHighs) {
    const highs = await highsLoader();
    t = performance.now();
    cpu = process.cpuUsage();
    const lp = highs.solve(matchPlanLp(problem, arcs), { output_flag: false });
    run.highsMs = performance.now() - t;
    run.highsCpuMs = cpuMs(cpu);
    const taken: number[] = [];
    for (let k = 0; k < arcs.length; k++) {
      const c = lp.Columns[`x${k}`];
      if (c && 'Primal' in c && c.Primal > 0.5) taken.push(k);
    }
    const f = planFigures(problem, arcs, taken);
    run.highsAgrees =
      lp.Status === 'Optimal' &&
      f.householdsCovered === plan.figures.householdsCovered &&
      f.placed === plan.figures.placed &&
      f.totalScore === plan.figures.totalScore;
    log(`  HiGHS (LP, incl. model parse): ${lp.Status} ${JSON.stringify(f)} in ${seconds(run.highsMs)}`);
  }
  return run;
}

function latency(problem: MatchProblem): {
  vacancies: number;
  workerP50: number;
  workerP99: number;
  vacancyP50: number;
  vacancyP99: number;
  buildMs: number;
} {
  let t = performance.now();
  const index = buildIndex(problem);
  const buildMs = performance.now() - t;
  const r = mulberry32(99);
  const time = (n: number, query: () => void): number[] => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      t = performance.now();
      query();
      out.push(performance.now() - t);
    }
    return out.sort((a, b) => a - b);
  };
  const byWorker = time(2000, () => {
    const w = problem.workers[Math.floor(r() * problem.workers.length)];
    index.vacanciesFor(w.id, 10, problem.ctx);
  });
  const byVacancy = time(1000, () => {
    const v = problem.vacancies[Math.floor(r() * problem.vacancies.length)];
    index.candidatesFor(v.id, 10, problem.ctx);
  });
  const q = (xs: number[], p: number): number => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  return {
    vacancies: index.vacancyCount,
    workerP50: q(byWorker, 0.5),
    workerP99: q(byWorker, 0.99),
    vacancyP50: q(byVacancy, 0.5),
    vacancyP99: q(byVacancy, 0.99),
    buildMs,
  };
}

function comparisonRows(run: PlanRun): string[] {
  const base = median(run.defaultCpuMs);
  return run.others.map((o) => {
    const cpuMedian = median(o.planCpuMs);
    return `| ${run.name} | ${run.plan.solver}: CPU ${seconds(base)} (${run.plan.phases} ${phaseUnit(run.plan.solver)}) | ${o.solver}: ${seconds(median(o.planMs))} / CPU ${seconds(cpuMedian)} (${o.phases} ${phaseUnit(o.solver)}) | ${o.planCpuMs.length} | ×${(cpuMedian / base).toFixed(2)} | ${o.same ? 'same optimum' : 'DIFFERS'} |`;
  });
}

function planRow(run: PlanRun): string {
  const f = run.plan.figures;
  const g = run.plan.greedy;
  const b = run.plan.bounds;
  const openings = run.problem.vacancies.reduce((s, v) => s + v.remainingOpenings, 0);
  const highs =
    run.highsMs === undefined || run.highsCpuMs === undefined
      ? '—'
      : `${seconds(run.highsMs)} / CPU ${seconds(run.highsCpuMs)} (×${(run.highsCpuMs / run.planCpuMs).toFixed(1)} our CPU, ${run.highsAgrees ? 'same optimum' : 'DIFFERS'})`;
  return `| ${run.name} | ${run.problem.workers.length.toLocaleString('en')} / ${run.problem.vacancies.length.toLocaleString('en')} / ${openings.toLocaleString('en')} | ${run.arcs.length.toLocaleString('en')} | ${seconds(run.arcMs)} | **${seconds(run.planMs)}** / CPU ${seconds(run.planCpuMs)} | ${f.householdsCovered.toLocaleString('en')} / ${f.placed.toLocaleString('en')} / ${f.totalScore.toLocaleString('en')} | ${g.householdsCovered.toLocaleString('en')} / ${g.placed.toLocaleString('en')} / ${g.totalScore.toLocaleString('en')} | ${b.householdsCoverableAtMost.toLocaleString('en')} / ${b.placeableAtMost.toLocaleString('en')} | ${highs} |`;
}

const METHOD: Record<SolverName, string> = {
  'primal-dual':
    'min-cost flow by primal-dual (Dijkstra on reduced costs over a bucket queue — integer keys near the last one popped in ' +
    'O(1) buckets, far ones in a heap — stopped once the sink and its ties are settled; then ' +
    'Dinic blocking flows on the zero-reduced-cost arcs, levels counted back from the sink)',
  'network-simplex':
    'min-cost circulation by primal network simplex after LEMON (spanning tree with thread / succ_num / last_succ, ' +
    'block-search pricing over 0.5·√arcs arcs, strongly feasible pivots, first tree hung backwards from the source at each ' +
    "node's best arc; each vacancy's ⌈8·openings⌉ + 5 most promising pairs priced first, the other nodes then re-hung at " +
    'the prices reached; household nodes only for zero-employment households with two or more job-seekers)',
  'cost-scaling':
    'min-cost circulation by Goldberg cost scaling (push-relabel as in CS2/OR-Tools, ε ÷ 16 per round, from a Dinic max flow; ' +
    'a cross-check in libs/matching/src/testing/, not run in production)',
};

/** Target from the issue: a province plan under 30 s on one core (native OR-Tools cost scaling: ~2.5 s). */
function provinceVerdict(runs: PlanRun[]): string {
  const province = runs.find((r) => r.name.startsWith('province'));
  if (!province) return 'Province plan not run (--no-province).';
  const s = province.planMs / 1000;
  const c = province.planCpuMs / 1000;
  return (
    `Province plan: ${s.toFixed(1)} s wall, ${c.toFixed(1)} s CPU, against the 30 s target (${s <= 30 ? 'met' : 'NOT met'} in wall time, ${c <= 30 ? 'met' : 'NOT met'} in CPU time; ` +
    `${(c / 2.5).toFixed(1)}× the ~2.5 s of native OR-Tools cost scaling in CPU time, aim ≤ 3×: ${c <= 7.5 ? 'met' : 'NOT met'}), ${province.plan.phases} ${province.plan.solver} ${phaseUnit(province.plan.solver)}. ` +
    `The exact solve alone (each part's network built and solved, as a solver benchmark times it) took ${(province.solveCpuMs / 1000).toFixed(1)} s CPU: ` +
    `${(province.solveCpuMs / 2500).toFixed(1)}× native (aim ≤ 3×: ${province.solveCpuMs <= 7500 ? 'met' : 'NOT met'}). ` +
    `Method: ${METHOD[solverNamed(province.plan.solver)]}, on typed-array CSR arcs stored in ` +
    'tail order; independent parts solved apart. Exactness: lexicographic weights proven in libs/matching/src/exact-plan.ts, ' +
    'checked against brute force (small) and HiGHS (medium) in the tests, and the three exact solvers against each other (property tests).'
  );
}

async function main(): Promise<void> {
  const runs: PlanRun[] = [];
  runs.push(await runPlan('county (1 county, all eligible pairs)', COUNTY, false, true));
  const prefecture: InstanceShape = { seed: 11, households: 40_000, vacancies: 2_000, prefectures: 1 };
  runs.push(
    await runPlan(`prefecture (6 counties, top-${PER_WORKER} pairs per worker)`, prefecture, true, true),
  );
  let rssAfterProvince = 0;
  if (!args.has('--no-province')) {
    runs.push(
      await runPlan(`province (88 counties, top-${PER_WORKER} pairs per worker)`, PROVINCE, true, false),
    );
    rssAfterProvince = peakRssMb();
  }
  const lat = latency(generateInstance({ ...PROVINCE, seed: 5, vacancies: 100_000 }));
  log(`recommendations: ${JSON.stringify(lat)}`);

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  lines.push(
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${os.cpus().length} cores shared with other work, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, one thread, ` +
      `load average ${os.loadavg()[0].toFixed(1)} at the end (other builds and tests ran on the same cores: times are pessimistic). ` +
      'Command: `npx ts-node -T -r tsconfig-paths/register bench/matching.bench.ts`. Instances: `bench/lib/matching-instance.ts` (seeded, Guizhou-shaped).',
    '',
    '### Match plan (exact: most zero-employment households covered, then people placed, then score)',
    '',
    'Figures are households covered / people placed / total score. "Bounds" are min(zero-employment households with an eligible worker, openings) / min(workers with an eligible vacancy, openings); the exact plan\'s own figures are the optimum over the same candidate pairs (checked against HiGHS).',
    '',
    '| instance | job-seekers / vacancies / openings | candidate pairs | pairs built in | plan wall / CPU time | exact plan | greedy by score | simple bounds | HiGHS LP wall / CPU (ratio to ours) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...runs.map(planRow),
    '',
    provinceVerdict(runs),
    '',
    ...(COMPARE
      ? [
          '### Exact solvers compared (same pairs, same process, one after the other)',
          '',
          ...SOLVERS.map((s) => `- ${s}: ${METHOD[s]}.`),
          '',
          `Medians over the runs (${ROUNDS} round(s), each solver alternating with the default); ratio = the other solver's median CPU over the default's.`,
          '',
          '| instance | default CPU (median) | other solver wall / CPU (median) | runs | CPU ratio | optimum |',
          '|---|---|---|---|---|---|',
          ...runs.flatMap(comparisonRows),
          '',
        ]
      : []),
    `Peak RSS of the whole run up to the province plan: ${rssAfterProvince || peakRssMb()} MB (instance, index, pairs and solver together).`,
    `Province pairs come from the recommendation index (each worker's best ${PER_WORKER}, scanning at most ${SCAN_LIMIT} indexed vacancies; ` +
      'buckets hold integer slots and a query marks what it saw in a stamped typed array, the best k are kept by insertion); the plan is exact over those pairs.',
    '',
    '### Recommendations (index, no full scan)',
    '',
    `| open vacancies | index build | top-10 vacancies for a worker p50 / p99 | top-10 candidates for a vacancy p50 / p99 |`,
    '|---|---|---|---|',
    `| ${lat.vacancies.toLocaleString('en')} | ${seconds(lat.buildMs)} | ${lat.workerP50.toFixed(2)} ms / ${lat.workerP99.toFixed(2)} ms | ${lat.vacancyP50.toFixed(2)} ms / ${lat.vacancyP99.toFixed(2)} ms |`,
  );
  if (!args.has('--no-write')) writeBenchmarkSection('Matching', lines.join('\n'));
  console.log(lines.join('\n'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

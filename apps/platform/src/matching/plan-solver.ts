import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { planMatches, type CandidateArcs, type MatchPlan, type MatchProblem } from '@lib/matching';

/**
 * Below this many candidate pairs the exact plan takes a few tens of milliseconds and is solved inline;
 * above it (a large county: ~1M pairs take seconds) it runs in a worker thread, so the event loop keeps
 * answering requests and following the log meanwhile.
 */
export const INLINE_SOLVE_MAX_PAIRS = 50_000;

export async function solvePlan(
  problem: MatchProblem,
  arcs: CandidateArcs,
  inlineMaxPairs = INLINE_SOLVE_MAX_PAIRS,
): Promise<MatchPlan> {
  if (arcs.length <= inlineMaxPairs) return planMatches(problem, arcs);
  return solveInWorker(problem, arcs);
}

/** The compiled platform runs JavaScript; tests and ts-node run the TypeScript source through ts-node. */
function workerFile(): { file: string; execArgv: string[] } {
  const compiled = __filename.endsWith('.js');
  return {
    file: join(__dirname, `plan-solver.worker.${compiled ? 'js' : 'ts'}`),
    execArgv: compiled ? [] : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
  };
}

function solveInWorker(problem: MatchProblem, arcs: CandidateArcs): Promise<MatchPlan> {
  const { file, execArgv } = workerFile();
  const worker = new Worker(file, { execArgv });
  return new Promise<MatchPlan>((resolve, reject) => {
    worker.once('message', (answer: { ok: true; plan: MatchPlan } | { ok: false; message: string }) => {
      if (answer.ok) resolve(answer.plan);
      else reject(new Error(`The plan solver failed: ${answer.message}`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The plan solver exited with code ${code}`)));
    worker.postMessage({ problem, arcs });
  });
}

import { startWorker } from './start-worker';
import { planMatches, type CandidateArcs, type MatchPlan, type MatchProblem } from '@lib/matching';

/**
 * Up to this many candidate pairs the exact plan is solved inline: a county's plan (about 16,000 pairs) takes
 * about 20 ms once the solver is compiled, less than a worker costs (a thread started cold, the problem
 * copied to it on the event loop: 0.4-0.5 s of CPU and 45-180 ms of blocked event loop a plan, docs/
 * BENCHMARKS.md, "HTTP reads under match plans"). Above it (a prefecture or the province: up to millions of
 * pairs, seconds) it runs in a worker thread, so the event loop keeps answering reads and following the log.
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

function solveInWorker(problem: MatchProblem, arcs: CandidateArcs): Promise<MatchPlan> {
  const worker = startWorker(__filename, 'plan-solver.worker');
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

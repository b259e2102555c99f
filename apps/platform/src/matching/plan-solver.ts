import { startWorker } from './start-worker';
import { planMatches, type CandidateArcs, type MatchPlan, type MatchProblem } from '@lib/matching';

/**
 * Below this many candidate pairs the exact plan takes about a millisecond and is solved inline; above it
 * (a county's tens of thousands of pairs take tens of milliseconds to seconds) it runs in a worker thread, so
 * the event loop keeps answering reads and following the log meanwhile.
 */
export const INLINE_SOLVE_MAX_PAIRS = 2_000;

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

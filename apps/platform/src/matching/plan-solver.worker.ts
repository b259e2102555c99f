import { parentPort } from 'node:worker_threads';
import { planMatches, type CandidateArcs, type MatchProblem } from '@lib/matching';

/** Solves one plan off the main thread (see plan-solver.ts) and answers with it. */
parentPort?.once('message', (message: { problem: MatchProblem; arcs: CandidateArcs }) => {
  try {
    parentPort?.postMessage({ ok: true, plan: planMatches(message.problem, message.arcs) });
  } catch (error) {
    parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});

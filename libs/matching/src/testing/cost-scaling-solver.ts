import { type CirculationSolver, SINK, SOURCE } from '../exact-plan';
import { setArcCapacityAndFlow } from '../flow-network';
import { solveMinCostCirculation } from './cost-scaling';
import { addMaxFlow } from './max-flow';

/**
 * Cost scaling as an exact solver of a match plan's parts, a cross-check against primal-dual that
 * production does not run (docs/adr/0003-exact-plan-solver.md): `planMatches(problem, arcs, costScaling)`.
 * The optimum places the most people possible (step 1 of the proof in exact-plan.ts), so it is a min-cost
 * max-flow: start from a max flow, closed into a circulation by the return arc capped at its value.
 */
export const costScaling: CirculationSolver = {
  name: 'cost-scaling',
  solve(part) {
    const maxFlow = addMaxFlow(part.net, SOURCE, SINK);
    setArcCapacityAndFlow(part.net, part.returnArc, maxFlow, maxFlow);
    return solveMinCostCirculation(part.net)?.refines ?? null;
  },
};

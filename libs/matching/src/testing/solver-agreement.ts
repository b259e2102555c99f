import fc from 'fast-check';
import { type CirculationSolver, type ExactSolver, type PricingCore, solveExactPart } from '../exact-plan';
import { type FlowNetwork, FlowNetworkBuilder, flowOn } from '../flow-network';
import { allEligibleArcs, householdIndexOf } from '../match-problem';
import { solveMinCostFlow } from '../min-cost-flow';
import { planFigures } from '../plan-figures';
import { randomProblem } from './small-problem';

/** Checks that every exact solver agrees with the primal-dual reference. Uses jest's `expect`: specs only. */

export interface RandomArc {
  readonly from: number;
  readonly to: number;
  readonly capacity: number;
  readonly cost: number;
}

/** Acyclic: every arc goes from a lower to a higher node; node 0 is the source, the last the sink. */
export const acyclicNetwork = (maxNodes: number, maxArcs: number) =>
  fc.integer({ min: 2, max: maxNodes }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      arcs: fc.array(
        fc
          .record({
            a: fc.integer({ min: 0, max: n - 1 }),
            b: fc.integer({ min: 0, max: n - 1 }),
            capacity: fc.integer({ min: 0, max: 5 }),
            cost: fc.integer({ min: -1_000_000, max: 1_000_000 }),
          })
          .filter(({ a, b }) => a !== b)
          .map(({ a, b, capacity, cost }): RandomArc => ({
            from: Math.min(a, b),
            to: Math.max(a, b),
            capacity,
            cost,
          })),
        { maxLength: maxArcs },
      ),
    }),
  );

/**
 * Solves the network as primal-dual's source→sink flow and, with `solve`, as a circulation with a return
 * arc; expects the same flow value and cost. Costs × (total capacity + 1) and cost 1 on the return arc:
 * among the cheapest flows the circulation then prefers the smallest, which is the one primal-dual stops
 * at (it sends flow only while that strictly lowers the cost). Returns the solved circulation.
 */
export function expectSameAsPrimalDual(
  n: number,
  arcs: readonly RandomArc[],
  solve: (net: FlowNetwork) => { readonly cost: number } | null,
) {
  const sink = n - 1;
  const reference = new FlowNetworkBuilder(n);
  for (const a of arcs) reference.addArc(a.from, a.to, a.capacity, a.cost);
  const expected = solveMinCostFlow(reference.build(), 0, sink);

  const total = arcs.reduce((s, a) => s + a.capacity, 0);
  const factor = total + 1;
  const circulation = new FlowNetworkBuilder(n);
  const numbers = arcs.map((a) => circulation.addArc(a.from, a.to, a.capacity, a.cost * factor));
  const back = circulation.addArc(sink, 0, total, 1);
  const net = circulation.build();
  const stats = solve(net);
  expect(stats).not.toBeNull();
  const flow = flowOn(net, back);
  expect(flow).toBe(expected.flow);
  expect(stats?.cost).toBe(expected.cost * factor + flow);
  return { net, numbers, flow, factor, cost: stats?.cost };
}

/**
 * A circulation solver on a three-arc cycle of negative total cost (which primal-dual cannot take): it
 * sends the cycle's bottleneck round it, for a cost of −3.
 */
export function expectCancelsNegativeCycle(solve: (net: FlowNetwork) => { readonly cost: number } | null) {
  const b = new FlowNetworkBuilder(3);
  const x = b.addArc(0, 1, 2, -5);
  const y = b.addArc(1, 2, 3, 1);
  const z = b.addArc(2, 0, 1, 1);
  const net = b.build();
  expect(solve(net)).toMatchObject({ cost: -3 });
  expect([x, y, z].map((a) => flowOn(net, a))).toEqual([1, 1, 1]);
}

/** On random match problems, `solver` finds a plan with primal-dual's figures (so its optimum). */
export function expectSamePlansAsPrimalDual(
  solver: ExactSolver | CirculationSolver,
  numRuns: number,
  pricingCore?: PricingCore,
): void {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
      const problem = randomProblem(seed, { households: 40, maxMembers: 4, vacancies: 15, maxOpenings: 5 });
      const arcs = allEligibleArcs(problem);
      if (arcs.length === 0) return;
      const householdOf = householdIndexOf(problem);
      const all = Int32Array.from({ length: arcs.length }, (_, k) => k);
      const tried = solveExactPart(problem, arcs, all, householdOf, solver, pricingCore);
      const reference = solveExactPart(problem, arcs, all, householdOf, 'primal-dual');
      expect(tried.solver).toBe(typeof solver === 'string' ? solver : solver.name);
      // The network's cost encodes these three figures exactly (exact-plan.ts), so equal figures mean
      // equal minimum cost; the pairs themselves may differ between equally good plans.
      expect(planFigures(problem, arcs, tried.chosen)).toEqual(planFigures(problem, arcs, reference.chosen));
    }),
    { numRuns },
  );
}

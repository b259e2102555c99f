import fc from 'fast-check';
import { solveMinCostCirculation } from './cost-scaling';
import { solveExactPart } from './exact-plan';
import { FlowNetworkBuilder, flowOn } from './flow-network';
import { allEligibleArcs, householdIndexOf } from './match-problem';
import { addMaxFlow } from './max-flow';
import { solveMinCostFlow } from './min-cost-flow';
import { planFigures } from './plan-figures';
import { randomProblem } from './testing/small-problem';

interface RandomArc {
  from: number;
  to: number;
  capacity: number;
  cost: number;
}

/** Acyclic: every arc goes from a lower to a higher node; node 0 is the source, the last the sink. */
const acyclicNetwork = fc.integer({ min: 2, max: 9 }).chain((n) =>
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
      { maxLength: 30 },
    ),
  }),
);

describe('solveMinCostCirculation (cost scaling) against the primal-dual reference', () => {
  it('finds the same minimum cost and flow on random acyclic networks', () => {
    fc.assert(
      fc.property(acyclicNetwork, ({ n, arcs }) => {
        const sink = n - 1;
        const reference = new FlowNetworkBuilder(n);
        for (const a of arcs) reference.addArc(a.from, a.to, a.capacity, a.cost);
        const expected = solveMinCostFlow(reference.build(), 0, sink);

        // Costs × (total capacity + 1) and cost 1 on the return arc: among the cheapest flows the
        // circulation then prefers the smallest, which is the one primal-dual stops at (it sends flow
        // only while that strictly lowers the cost).
        const total = arcs.reduce((s, a) => s + a.capacity, 0);
        const factor = total + 1;
        const circulation = new FlowNetworkBuilder(n);
        for (const a of arcs) circulation.addArc(a.from, a.to, a.capacity, a.cost * factor);
        const back = circulation.addArc(sink, 0, total, 1);
        const net = circulation.build();
        const stats = solveMinCostCirculation(net);
        expect(stats).not.toBeNull();
        const flow = flowOn(net, back);
        expect(flow).toBe(expected.flow);
        expect(stats?.cost).toBe(expected.cost * factor + flow);
      }),
      { numRuns: 400 },
    );
  });

  it('handles cycles and negative cycles, which primal-dual cannot', () => {
    const b = new FlowNetworkBuilder(3);
    const x = b.addArc(0, 1, 2, -5);
    const y = b.addArc(1, 2, 3, 1);
    const z = b.addArc(2, 0, 1, 1);
    const net = b.build();
    expect(solveMinCostCirculation(net)).toMatchObject({ cost: -3 });
    expect([x, y, z].map((a) => flowOn(net, a))).toEqual([1, 1, 1]);
  });

  it('declines costs whose scaled values float64 could not hold exactly', () => {
    const b = new FlowNetworkBuilder(2);
    b.addArc(0, 1, 1, -(2 ** 49));
    b.addArc(1, 0, 1, 0);
    expect(solveMinCostCirculation(b.build())).toBeNull();
  });

  it('gives the same plan value as primal-dual on random match problems', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const problem = randomProblem(seed, {
          households: 40,
          maxMembers: 4,
          vacancies: 15,
          maxOpenings: 5,
        });
        const arcs = allEligibleArcs(problem);
        if (arcs.length === 0) return;
        const householdOf = householdIndexOf(problem);
        const all = Int32Array.from({ length: arcs.length }, (_, k) => k);
        const fast = solveExactPart(problem, arcs, all, householdOf, 'cost-scaling');
        const reference = solveExactPart(problem, arcs, all, householdOf, 'primal-dual');
        expect(fast.solver).toBe('cost-scaling');
        // The network's cost encodes these three figures exactly (exact-plan.ts), so equal figures
        // mean equal minimum cost; the pairs themselves may differ between equally good plans.
        expect(planFigures(problem, arcs, fast.chosen)).toEqual(planFigures(problem, arcs, reference.chosen));
      }),
      { numRuns: 60 },
    );
  });
});

describe('addMaxFlow', () => {
  it('finds the maximum flow, rerouting through a residual arc', () => {
    // 1 → 3 blocks the only way 2 has; the max flow moves 1 to 4.
    const b = new FlowNetworkBuilder(6);
    b.addArc(0, 1, 1, 0);
    b.addArc(0, 2, 1, 0);
    b.addArc(1, 3, 1, 0);
    b.addArc(1, 4, 1, 0);
    b.addArc(2, 3, 1, 0);
    b.addArc(3, 5, 1, 0);
    b.addArc(4, 5, 1, 0);
    expect(addMaxFlow(b.build(), 0, 5)).toBe(2);
  });
});

import fc from 'fast-check';
import { solveExactPart } from './exact-plan';
import { FlowNetworkBuilder, flowOn } from './flow-network';
import { allEligibleArcs, householdIndexOf } from './match-problem';
import { solveMinCostFlow } from './min-cost-flow';
import { solveNetworkSimplex } from './network-simplex';
import { planFigures } from './plan-figures';
import { randomProblem } from './testing/small-problem';

interface RandomArc {
  from: number;
  to: number;
  capacity: number;
  cost: number;
}

/** Acyclic: every arc goes from a lower to a higher node; node 0 is the source, the last the sink. */
const acyclicNetwork = fc.integer({ min: 2, max: 10 }).chain((n) =>
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
      { maxLength: 40 },
    ),
  }),
);

describe('solveNetworkSimplex against the primal-dual reference', () => {
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
        const numbers = arcs.map((a) => circulation.addArc(a.from, a.to, a.capacity, a.cost * factor));
        const back = circulation.addArc(sink, 0, total, 1);
        const net = circulation.build();
        const stats = solveNetworkSimplex(net);
        expect(stats).not.toBeNull();
        const flow = flowOn(net, back);
        expect(flow).toBe(expected.flow);
        expect(stats?.cost).toBe(expected.cost * factor + flow);

        // The flow written back is a feasible circulation whose cost is the one reported.
        const balance = new Array<number>(n).fill(0);
        let cost = flow;
        arcs.forEach((a, i) => {
          const f = flowOn(net, numbers[i]);
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThanOrEqual(a.capacity);
          balance[a.from] -= f;
          balance[a.to] += f;
          cost += f * a.cost * factor;
        });
        balance[sink] -= flow;
        balance[0] += flow;
        expect(balance.every((b) => b === 0)).toBe(true);
        expect(cost).toBe(stats?.cost);
      }),
      { numRuns: 500 },
    );
  });

  it('cancels negative cycles, which primal-dual cannot', () => {
    const b = new FlowNetworkBuilder(3);
    const x = b.addArc(0, 1, 2, -5);
    const y = b.addArc(1, 2, 3, 1);
    const z = b.addArc(2, 0, 1, 1);
    const net = b.build();
    expect(solveNetworkSimplex(net)).toMatchObject({ cost: -3 });
    expect([x, y, z].map((a) => flowOn(net, a))).toEqual([1, 1, 1]);
  });

  it('leaves a network with no negative cycle at zero flow', () => {
    const b = new FlowNetworkBuilder(3);
    const x = b.addArc(0, 1, 2, -5);
    const y = b.addArc(1, 2, 3, 6);
    b.addArc(2, 0, 1, 0);
    const net = b.build();
    expect(solveNetworkSimplex(net)).toMatchObject({ cost: 0 });
    expect([x, y].map((a) => flowOn(net, a))).toEqual([0, 0]);
  });

  it('declines costs whose potentials float64 could not hold exactly', () => {
    const b = new FlowNetworkBuilder(1000);
    b.addArc(0, 1, 1, -(2 ** 43));
    b.addArc(1, 0, 1, 0);
    expect(solveNetworkSimplex(b.build())).toBeNull();
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
        const simplex = solveExactPart(problem, arcs, all, householdOf, 'network-simplex');
        const reference = solveExactPart(problem, arcs, all, householdOf, 'primal-dual');
        expect(simplex.solver).toBe('network-simplex');
        // The network's cost encodes these three figures exactly (exact-plan.ts), so equal figures
        // mean equal minimum cost; the pairs themselves may differ between equally good plans.
        expect(planFigures(problem, arcs, simplex.chosen)).toEqual(
          planFigures(problem, arcs, reference.chosen),
        );
      }),
      { numRuns: 100 },
    );
  });
});

import fc from 'fast-check';
import { type FlowNetwork, FlowNetworkBuilder, flowOn } from './flow-network';
import { solveNetworkSimplex } from './network-simplex';
import {
  acyclicNetwork,
  expectCancelsNegativeCycle,
  expectSameAsPrimalDual,
  expectSamePlansAsPrimalDual,
} from './testing/solver-agreement';

describe('solveNetworkSimplex against the primal-dual reference', () => {
  it('finds the same minimum cost and flow on random acyclic networks', () => {
    fc.assert(
      fc.property(acyclicNetwork(10, 40), ({ n, arcs }) => {
        const sink = n - 1;
        const {
          net,
          numbers,
          flow,
          factor,
          cost: reported,
        } = expectSameAsPrimalDual(n, arcs, solveNetworkSimplex);

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
        expect(cost).toBe(reported);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the same optimum whatever the pricing tiers', () => {
    fc.assert(
      fc.property(
        acyclicNetwork(10, 40),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 50 }),
        ({ n, arcs }, tiers) => {
          // Tiers by arc slot, cycling through the drawn ones: empty tiers and gaps included.
          const tiered = (net: FlowNetwork) =>
            solveNetworkSimplex(
              net,
              Uint8Array.from({ length: net.head.length }, (_, a) => tiers[a % tiers.length]),
            );
          expectSameAsPrimalDual(n, arcs, tiered);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('prices the tiers in order and reports the pivots taken before the last', () => {
    const b = new FlowNetworkBuilder(4);
    b.addArc(0, 1, 1, -5);
    b.addArc(1, 0, 1, 0);
    b.addArc(2, 3, 1, -7);
    b.addArc(3, 2, 1, 0);
    const net = b.build();
    const tier = new Uint8Array(net.head.length);
    tier[net.arcPosition[2]] = 1;
    tier[net.arcPosition[3]] = 1;
    const stats = solveNetworkSimplex(net, tier);
    expect(stats).toMatchObject({ cost: -12 });
    expect(stats?.pivotsBeforeLastTier).toBeGreaterThan(0);
    expect(stats?.pivotsBeforeLastTier).toBeLessThan(stats?.pivots ?? 0);
  });

  it('cancels negative cycles, which primal-dual cannot', () => {
    expectCancelsNegativeCycle(solveNetworkSimplex);
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
    expectSamePlansAsPrimalDual('network-simplex', 100);
  });

  it('gives the same plan value when it first prices a single pair per vacancy', () => {
    expectSamePlansAsPrimalDual('network-simplex', 100, { perOpening: 0, extra: 1 });
  });
});

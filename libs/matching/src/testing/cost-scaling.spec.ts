import fc from 'fast-check';
import { solveMinCostCirculation } from './cost-scaling';
import { FlowNetworkBuilder } from '../flow-network';
import { costScaling } from './cost-scaling-solver';
import { addMaxFlow } from './max-flow';
import {
  acyclicNetwork,
  expectCancelsNegativeCycle,
  expectSameAsPrimalDual,
  expectSamePlansAsPrimalDual,
} from './solver-agreement';

describe('solveMinCostCirculation (cost scaling) against the primal-dual reference', () => {
  it('finds the same minimum cost and flow on random acyclic networks', () => {
    fc.assert(
      fc.property(acyclicNetwork(9, 30), ({ n, arcs }) => {
        expectSameAsPrimalDual(n, arcs, solveMinCostCirculation);
      }),
      { numRuns: 400 },
    );
  });

  it('handles cycles and negative cycles, which primal-dual cannot', () => {
    expectCancelsNegativeCycle(solveMinCostCirculation);
  });

  it('declines costs whose scaled values float64 could not hold exactly', () => {
    const b = new FlowNetworkBuilder(2);
    b.addArc(0, 1, 1, -(2 ** 49));
    b.addArc(1, 0, 1, 0);
    expect(solveMinCostCirculation(b.build())).toBeNull();
  });

  it('gives the same plan value as primal-dual on random match problems', () => {
    expectSamePlansAsPrimalDual(costScaling, 60);
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

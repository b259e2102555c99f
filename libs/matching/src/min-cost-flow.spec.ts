import { FlowNetworkBuilder, flowOn } from './flow-network';
import { lexicographicWeights } from './exact-plan';
import { solveMinCostFlow } from './min-cost-flow';

describe('solveMinCostFlow', () => {
  it('sends flow only while it lowers the cost, rerouting along a residual arc', () => {
    // 0 = source, 3 = sink. A second unit could go 0 → 2 → 3 at cost −1 + 5 > 0, so it is not sent.
    const b = new FlowNetworkBuilder(4);
    const s1 = b.addArc(0, 1, 1, -10);
    const s2 = b.addArc(0, 2, 1, -1);
    const x = b.addArc(1, 3, 1, 0);
    const y = b.addArc(2, 1, 1, 0);
    const z = b.addArc(2, 3, 1, 5); // positive: using it raises the cost by 4 net
    const net = b.build();
    const stats = solveMinCostFlow(net, 0, 3);
    expect(stats).toMatchObject({ flow: 1, cost: -10 });
    expect([s1, s2, x, y, z].map((a) => flowOn(net, a))).toEqual([1, 0, 1, 0, 0]);
  });

  it('finds the assignment that needs an augmenting path through a reverse arc', () => {
    // Workers 1, 2; vacancies 3, 4; sink 5. Worker 1 likes 3 best, but only worker 1 can take 4.
    const b = new FlowNetworkBuilder(6);
    b.addArc(0, 1, 1, 0);
    b.addArc(0, 2, 1, 0);
    const w1v3 = b.addArc(1, 3, 1, -10);
    const w1v4 = b.addArc(1, 4, 1, -8);
    const w2v3 = b.addArc(2, 3, 1, -7);
    b.addArc(3, 5, 1, 0);
    b.addArc(4, 5, 1, 0);
    const net = b.build();
    expect(solveMinCostFlow(net, 0, 5)).toMatchObject({ flow: 2, cost: -15 });
    expect([w1v3, w1v4, w2v3].map((a) => flowOn(net, a))).toEqual([0, 1, 1]);
  });

  it('refuses costs that are not exact integers, and instances too large for exact float64 weights', () => {
    expect(() => new FlowNetworkBuilder(2).addArc(0, 1, 1, 0.5)).toThrow();
    expect(lexicographicWeights(100_000).coverage).toBe(10_000_001);
    expect(() => lexicographicWeights(50_000_000)).toThrow(/too large/);
  });
});

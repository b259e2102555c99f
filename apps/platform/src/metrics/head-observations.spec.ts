import { HeadObservations } from './head-observations';

describe('HeadObservations: how long a projection has been behind', () => {
  it('is 0 for a projection at or past every head seen', () => {
    const heads = new HeadObservations();
    expect(heads.lagSeconds(0n, 5_000)).toBe(0);
    heads.observe(7n, 1_000);
    expect(heads.lagSeconds(7n, 5_000)).toBe(0);
    expect(heads.lagSeconds(9n, 5_000)).toBe(0);
  });

  it('dates the lag from the first head seen above the position: the oldest event not yet applied', () => {
    const heads = new HeadObservations({ resolutionMs: 0 });
    heads.observe(5n, 1_000);
    heads.observe(8n, 4_000);
    heads.observe(12n, 9_000);
    expect(heads.lagSeconds(4n, 10_000)).toBe(9); // event 5 seen at 1 s
    expect(heads.lagSeconds(5n, 10_000)).toBe(6); // events 6..8 seen at 4 s
    expect(heads.lagSeconds(10n, 10_000)).toBe(1);
    expect(heads.lagSeconds(12n, 10_000)).toBe(0);
  });

  it('keeps the first time a head was seen: a lower or equal head seen later changes nothing', () => {
    const heads = new HeadObservations({ resolutionMs: 0 });
    heads.observe(5n, 1_000);
    heads.observe(5n, 3_000);
    heads.observe(4n, 3_500);
    expect(heads.lagSeconds(4n, 6_000)).toBe(5);
    expect(heads.size).toBe(1);
  });

  it('folds heads seen within the resolution into one observation, reading high by at most that much', () => {
    const heads = new HeadObservations({ resolutionMs: 1_000 });
    for (let i = 1; i <= 100; i++) heads.observe(BigInt(i), 10_000 + i * 5); // 100 appends in 0.5 s
    expect(heads.size).toBe(1);
    expect(heads.lagSeconds(99n, 12_000)).toBeCloseTo(1.995, 3);
  });

  it('never keeps more than its capacity', () => {
    const heads = new HeadObservations({ resolutionMs: 0, capacity: 3 });
    for (let i = 1; i <= 10; i++) heads.observe(BigInt(i), i * 1_000);
    expect(heads.size).toBe(3);
    expect(heads.lagSeconds(0n, 20_000)).toBe(19);
    expect(heads.lagSeconds(9n, 20_000)).toBe(17); // the last kept observation, extended to head 10
  });

  it('forgets what every projection applied', () => {
    const heads = new HeadObservations({ resolutionMs: 0 });
    heads.observe(5n, 1_000);
    heads.observe(8n, 4_000);
    heads.forget(5n);
    expect(heads.size).toBe(1);
    expect(heads.lagSeconds(0n, 10_000)).toBe(6);
    heads.forget(8n);
    expect(heads.size).toBe(0);
  });
});

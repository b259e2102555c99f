import { PositionWaiters } from './position-waiters';

describe('PositionWaiters', () => {
  it('answers a wait true once its position or a later one is reached, not before', async () => {
    const waiters = new PositionWaiters();
    let answer: boolean | undefined;
    const waiting = waiters.wait(5n, 10_000).then((reached) => (answer = reached));
    waiters.reached(4n);
    await Promise.resolve();
    expect(answer).toBeUndefined();
    waiters.reached(7n);
    await waiting;
    expect(answer).toBe(true);
  });

  it('answers false after the timeout, and forgets the wait', async () => {
    const waiters = new PositionWaiters();
    expect(await waiters.wait(5n, 10)).toBe(false);
    expect(() => waiters.reached(5n)).not.toThrow();
  });
});

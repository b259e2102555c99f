import { PlanGate } from './plan-gate';

/** A plan that finishes when told. */
function controllable() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { finish, work: () => done.then(() => 'planned') };
}

describe('PlanGate', () => {
  it('refuses a second plan of the same subject while its first runs', async () => {
    const gate = new PlanGate({ concurrent: 2, queue: 2 });
    const first = controllable();
    const running = gate.run('broker-1', first.work);
    await expect(gate.run('broker-1', async () => 'x')).rejects.toMatchObject({ code: 'plan_in_progress' });
    first.finish();
    await expect(running).resolves.toBe('planned');
    await expect(gate.run('broker-1', async () => 'again')).resolves.toBe('again');
  });

  it('runs at most `concurrent` at once, queues the next in order, and turns away beyond the queue', async () => {
    const gate = new PlanGate({ concurrent: 2, queue: 1 });
    const a = controllable();
    const b = controllable();
    const order: string[] = [];
    const ra = gate.run('a', () => a.work().then(() => order.push('a')));
    const rb = gate.run('b', () => b.work().then(() => order.push('b')));
    const rc = gate.run('c', async () => order.push('c'));
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    const refused = gate.run('d', async () => order.push('d'));
    await expect(refused).rejects.toMatchObject({ code: 'rate_limited', headers: { 'Retry-After': '10' } });
    b.finish();
    await rb;
    await rc;
    expect(order).toEqual(['b', 'c']);
    a.finish();
    await ra;
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot of a plan that failed', async () => {
    const gate = new PlanGate({ concurrent: 1, queue: 0 });
    await expect(gate.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run('a', async () => 'ok')).resolves.toBe('ok');
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import { MONITOR_COLLECTIONS, Scheduler } from '@lib/application';
import { MovableClock } from '@lib/application/scheduler/testing/movable-clock';
import { SqliteEventStore } from '@lib/event-store';
import { SqliteReadStore } from '@lib/read-store';
import type { MonitorFeed } from '../monitor/monitor-feed';
import type { MonitorRuntime } from '../monitor/monitor-runtime';
import { schedulerOptionsFromEnv } from './scheduler-options';
import { SchedulerRuntime } from './scheduler-runtime';

describe('the scheduler in the platform', () => {
  let events: SqliteEventStore;
  let reads: SqliteReadStore;
  let runs: jest.SpyInstance;
  beforeEach(() => {
    events = SqliteEventStore.open(':memory:');
    reads = SqliteReadStore.open(':memory:', MONITOR_COLLECTIONS);
    runs = jest.spyOn(Scheduler.prototype, 'runOnce');
  });
  afterEach(async () => {
    runs.mockRestore();
    await reads.close();
    await events.close();
  });

  const runtime = (intervalMs: number, started: Promise<boolean> = Promise.resolve(true)) =>
    new SchedulerRuntime(
      events,
      reads,
      new MovableClock('2026-06-01T00:00:00Z'),
      { whenStarted: () => started } as MonitorRuntime,
      { waitFor: async () => true } as unknown as MonitorFeed,
      { intervalMs, limit: 1000 },
    );

  it('reads SCHEDULER_INTERVAL_MS (default 60000, 0 disables) and refuses a value that is not a whole number', () => {
    expect(schedulerOptionsFromEnv({})).toEqual({ intervalMs: 60_000, limit: 1000 });
    expect(schedulerOptionsFromEnv({ SCHEDULER_INTERVAL_MS: '0' }).intervalMs).toBe(0);
    expect(schedulerOptionsFromEnv({ SCHEDULER_INTERVAL_MS: '250', SCHEDULER_BATCH_LIMIT: '10' })).toEqual({
      intervalMs: 250,
      limit: 10,
    });
    expect(() => schedulerOptionsFromEnv({ SCHEDULER_INTERVAL_MS: '1m' })).toThrow(/SCHEDULER_INTERVAL_MS/);
    expect(() => schedulerOptionsFromEnv({ SCHEDULER_BATCH_LIMIT: '0' })).toThrow(/SCHEDULER_BATCH_LIMIT/);
  });

  it('runs once the projections caught up, then every interval, and stops at shutdown', async () => {
    let caughtUp: (started: boolean) => void = () => undefined;
    const scheduler = runtime(40, new Promise<boolean>((resolve) => (caughtUp = resolve)));
    scheduler.onApplicationBootstrap();
    await sleep(60);
    expect(runs).not.toHaveBeenCalled();
    caughtUp(true);
    // The run at start and at least one after the interval (the machine may be busy: no exact count).
    for (let waited = 0; runs.mock.calls.length < 2 && waited < 5000; waited += 20) await sleep(20);
    expect(runs.mock.calls.length).toBeGreaterThanOrEqual(2);
    await scheduler.beforeApplicationShutdown();
    const stoppedAt = runs.mock.calls.length;
    await sleep(120);
    expect(runs.mock.calls.length).toBe(stoppedAt);
  });

  it('does not run when disabled (0) or when the projections did not start', async () => {
    const disabled = runtime(0);
    disabled.onApplicationBootstrap();
    const failed = runtime(20, Promise.resolve(false));
    failed.onApplicationBootstrap();
    await sleep(80);
    expect(runs).not.toHaveBeenCalled();
    await disabled.beforeApplicationShutdown();
    await failed.beforeApplicationShutdown();
  });
});

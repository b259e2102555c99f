import { SqliteEventStore, type RecordedEvent } from '@lib/event-store';
import { ProjectionRunner, SqliteReadStore } from '@lib/read-store';
import { employmentMonitorProjector } from '../../monitor/employment-monitor.projector';
import { MONITOR_COLLECTIONS } from '../../monitor/monitor-collections';
import { Scheduler, type SchedulerRun } from '../scheduler';
import { MovableClock } from './movable-clock';
import { place, postVacancy, postWelfareVacancy, registerHousehold } from './scheduler-fixtures';

export const POSTED = '2026-03-01T08:00:00Z';
export const PLACED = '2026-04-01T08:00:00Z';
/** v-1 (a labour-station post) expires then. */
export const V_EXPIRES = '2026-06-01T00:00:00Z';
/** v-w (a public-welfare post of 520402, term 12 months) expires then. */
export const W_EXPIRES = '2026-12-31T00:00:00Z';
/** h1.1 holds v-w from 2026-04-01 (placement h1:p1): its term ends on that day. */
export const TERM_ENDS_ON = '2027-04-01';

/**
 * A real SQLite event store and read store, the employment monitor's projector following the log, a clock the
 * test moves and a scheduler; holding v-1, v-w and household h1 (two members, h1.1 placed in v-w).
 */
export async function openSchedulerWorld() {
  const events = SqliteEventStore.open(':memory:');
  const reads = SqliteReadStore.open(':memory:', MONITOR_COLLECTIONS);
  const runner = new ProjectionRunner(events, reads, employmentMonitorProjector());
  const clock = new MovableClock(POSTED);
  const scheduler = new Scheduler({ events, reads, clock });
  await postVacancy(events, 'v-1', V_EXPIRES, POSTED);
  await postWelfareVacancy(events, 'v-w', W_EXPIRES, POSTED);
  await registerHousehold(events, 'h1', 2, POSTED);
  await place(events, 'h1:p1', 'h1.1', 'v-w', PLACED);
  await runner.start();
  return {
    events,
    reads,
    runner,
    clock,
    scheduler,
    /** Waits until the read model has applied the whole log (the process manager's appends included). */
    async caughtUp(): Promise<void> {
      for (
        let head = await events.headPosition();
        runner.position() < head;
        head = await events.headPosition()
      ) {
        if (!(await runner.waitFor(head, 10_000))) throw new Error('the projections did not catch up');
      }
    },
    async ofType(streamId: string, type: string): Promise<RecordedEvent[]> {
      return (await events.readStream(streamId)).filter((e) => e.type === type);
    },
    /** Moves the clock to `at` and runs the scheduler (or another one on the same stores). */
    runAt(at: string, on: Scheduler = scheduler): Promise<SchedulerRun> {
      clock.set(at);
      return on.runOnce();
    },
    async close(): Promise<void> {
      await runner.stop();
      await reads.close();
      await events.close();
    },
  };
}

export type SchedulerWorld = Awaited<ReturnType<typeof openSchedulerWorld>>;

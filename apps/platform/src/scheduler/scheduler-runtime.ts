import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Scheduler, type Clock, type SchedulerRun } from '@lib/application';
import type { EventStore } from '@lib/event-store';
import type { ReadStore } from '@lib/read-store';
import { CLOCK } from '../clock/clock.module';
import { EVENT_STORE } from '../event-store/event-store.module';
import { MonitorFeed } from '../monitor/monitor-feed';
import { MONITOR_READ_STORE, MonitorRuntime } from '../monitor/monitor-runtime';
import { SCHEDULER_OPTIONS, type SchedulerOptions } from './scheduler-options';

/** How long a run in a row waits for the projections to apply the previous run's appends. */
const CATCH_UP_MS = 10_000;

/**
 * Runs the scheduler (libs/application/src/scheduler) in the platform: once the projections have caught up at
 * start, then every SCHEDULER_INTERVAL_MS; a run that stopped at its limit is followed at once by another,
 * after the projections have applied its appends. Safe on several replicas (each event is appended once: see
 * Scheduler). Stops at shutdown after the run in progress.
 */
@Injectable()
export class SchedulerRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private readonly scheduler: Scheduler;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private stop: () => void = () => undefined;
  private readonly stopping = new Promise<void>((resolve) => (this.stop = resolve));
  /** The run in progress (runs never overlap in one process). */
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) events: EventStore,
    @Inject(MONITOR_READ_STORE) reads: ReadStore,
    @Inject(CLOCK) clock: Clock,
    private readonly monitor: MonitorRuntime,
    private readonly feed: MonitorFeed,
    @Inject(SCHEDULER_OPTIONS) private readonly options: SchedulerOptions,
  ) {
    this.scheduler = new Scheduler({ events, reads, clock, limit: options.limit });
  }

  onApplicationBootstrap(): void {
    if (this.options.intervalMs === 0) {
      this.logger.log('Scheduler disabled (SCHEDULER_INTERVAL_MS=0)');
      return;
    }
    // Not awaited: the projections catch up in their own bootstrap hook, which this one must not hold up.
    void this.monitor.whenStarted().then(async (started) => {
      if (!started || this.stopped) return;
      await this.runNow().catch((error: unknown) => this.logFailure(error));
      this.scheduleNext();
    });
  }

  /** Runs now, after the run in progress, and again while a backlog remains; the runs it made. */
  runNow(): Promise<SchedulerRun[]> {
    const runs = this.running.then(() => this.runWhileBacklog());
    this.running = runs.catch(() => undefined);
    return runs;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.stop();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.runNow()
        .catch((error: unknown) => this.logFailure(error))
        .finally(() => this.scheduleNext());
    }, this.options.intervalMs);
  }

  private async runWhileBacklog(): Promise<SchedulerRun[]> {
    const runs: SchedulerRun[] = [];
    for (;;) {
      const run = await this.scheduler.runOnce();
      runs.push(run);
      this.report(run);
      if (!run.more || run.appended.length === 0 || this.stopped) return runs;
      // The due list answers from the read model: it must have these appends before it is asked again.
      const last = run.appended[run.appended.length - 1].position;
      const applied = await Promise.race([
        this.feed.waitFor(last, CATCH_UP_MS),
        this.stopping.then(() => false),
      ]);
      if (!applied) return runs;
    }
  }

  private report(run: SchedulerRun): void {
    if (run.appended.length > 0) {
      const byType = new Map<string, string[]>();
      for (const a of run.appended) byType.set(a.eventType, [...(byType.get(a.eventType) ?? []), a.key]);
      const what = [...byType].map(([type, keys]) => `${keys.length} ${type} (${listed(keys)})`).join(', ');
      this.logger.log(
        `Run at ${run.now}: appended ${what}; ${run.alreadyDone} already done; ${run.found} due found in ${(run.findSeconds * 1000).toFixed(0)} ms`,
      );
    }
    for (const { key, rejection } of run.refused) {
      this.logger.warn(`Run at ${run.now}: ${key} refused (${rejection.code}: ${rejection.message})`);
    }
    for (const { key, error } of run.failed) this.logger.error(`Run at ${run.now}: ${key} failed: ${error}`);
  }

  private logFailure(error: unknown): void {
    this.logger.error(`Scheduler run failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const listed = (keys: readonly string[]): string =>
  keys.length <= 20 ? keys.join(', ') : `${keys.slice(0, 20).join(', ')}, … ${keys.length - 20} more`;

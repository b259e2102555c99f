import { Inject, Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import {
  dueVacancyExpiriesCollection,
  dueWelfareTermsCollection,
  findDueIn,
  type Clock,
  type DueEntry,
} from '@lib/application';
import type { DueItem } from '@lib/domain/scheduling/due-item';
import type { CollectionSpec, ReadStore } from '@lib/read-store';
import { CLOCK } from '../clock/clock.module';
import { MONITOR_READ_STORE } from '../monitor/monitor-runtime';
import { PlatformMetrics } from './platform-metrics';

/** Due items counted per kind and scrape at most: a backlog past it reads as this many. */
export const DUE_COUNT_CAP = 10_000;

export interface SchedulerBacklog {
  readonly kind: DueEntry['kind'];
  /** Pending items whose time has come (dueAt <= now): the scheduler's work not done yet. */
  readonly due: number;
  /** Seconds since the oldest of them was due (0 when none is). */
  readonly oldestDueSeconds: number;
  /** Every pending item, due or not yet. */
  readonly pending: number;
}

/** The scheduler's backlog now, per kind, from the due-items read model the scheduler itself reads. */
export const schedulerBacklog = (store: ReadStore, now: string): Promise<SchedulerBacklog[]> =>
  Promise.all([
    backlogOf(store, now, 'vacancy_expiry', dueVacancyExpiriesCollection),
    backlogOf(store, now, 'welfare_term_end', dueWelfareTermsCollection),
  ]);

async function backlogOf<D extends DueItem>(
  store: ReadStore,
  now: string,
  kind: DueEntry['kind'],
  collection: CollectionSpec<D, 'countyCode' | 'pending' | 'dueAt'>,
): Promise<SchedulerBacklog> {
  const [due, pending] = await Promise.all([
    findDueIn(store, collection, { now, limit: DUE_COUNT_CAP }),
    store.count(collection, { pending: 1 }),
  ]);
  const oldest = due[0];
  const oldestDueSeconds =
    oldest === undefined ? 0 : Math.max(0, (Date.parse(now) - Date.parse(oldest.dueAt)) / 1000);
  return { kind, due: due.length, oldestDueSeconds, pending };
}

/**
 * `scheduler_due_items{kind}`, `scheduler_oldest_due_seconds{kind}` and `scheduler_pending_items{kind}`, at
 * the platform's clock (the scheduler's), from one read per scrape.
 */
export function registerSchedulerGauges(registry: Registry, store: ReadStore, clock: Clock): void {
  let reading: Promise<SchedulerBacklog[]> | undefined;
  const read = (): Promise<SchedulerBacklog[]> => {
    reading ??= schedulerBacklog(store, clock.now()).finally(() => (reading = undefined));
    return reading;
  };
  const gauge = (name: string, help: string, value: (b: SchedulerBacklog) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['kind'] as const,
      registers: [registry],
      async collect() {
        for (const b of await read()) this.set({ kind: b.kind }, value(b));
      },
    });
  gauge(
    'scheduler_due_items',
    `Items due now that the scheduler has not done yet, by kind (counted up to ${DUE_COUNT_CAP})`,
    (b) => b.due,
  );
  gauge(
    'scheduler_oldest_due_seconds',
    'How long the oldest item due has waited past its time, by kind',
    (b) => b.oldestDueSeconds,
  );
  gauge(
    'scheduler_pending_items',
    'Items pending in the due list, due now or later, by kind',
    (b) => b.pending,
  );
}

/**
 * Registered by SchedulerModule, so the backlog series exist where the scheduler runs (whether or not it is
 * enabled: a disabled scheduler's backlog is what an operator wants to see grow), and the metrics module does not
 * import the scheduler (nor, with it, the scheduler's settings into every service).
 */
@Injectable()
export class SchedulerBacklogGauges implements OnModuleInit {
  constructor(
    @Inject(MONITOR_READ_STORE) private readonly reads: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() private readonly metrics?: PlatformMetrics,
  ) {}

  onModuleInit(): void {
    if (this.metrics) registerSchedulerGauges(this.metrics.registry, this.reads, this.clock);
  }
}

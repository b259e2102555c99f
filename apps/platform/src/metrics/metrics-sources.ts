import { Inject, Injectable, OnModuleInit, type Abstract, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Clock } from '@lib/application';
import type { EventStore } from '@lib/event-store';
import type { ReadStore } from '@lib/read-store';
import { CLOCK } from '../clock/clock.module';
import { EVENT_STORE } from '../event-store/event-store.module';
import { MatchingRuntime } from '../matching/matching-runtime';
import { MonitorFeed } from '../monitor/monitor-feed';
import { MONITOR_READ_STORE } from '../monitor/monitor-runtime';
import { registerOpenCasesGauge } from './open-cases-metrics';
import { PlatformMetrics } from './platform-metrics';
import { registerProjectionGauges, type ProjectionSource } from './projection-metrics';

/**
 * Adds the scrape-time gauges of what this process runs: each service is the platform's shell with some of the
 * capability modules (config/service-app.ts), so a source is looked up and its series exist only where it is:
 * the projections where the monitor (`monitor`) or matching (`matching`) runs, the open cases where the
 * monitor's read store is. (The scheduler's backlog is registered by SchedulerModule: scheduler-metrics.ts.)
 */
@Injectable()
export class MetricsSources implements OnModuleInit {
  constructor(
    private readonly metrics: PlatformMetrics,
    private readonly modules: ModuleRef,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const { registry, heads } = this.metrics;
    const feed = this.find(MonitorFeed);
    const matching = this.find(MatchingRuntime);
    const projections: ProjectionSource[] = [
      ...(feed ? [{ name: 'monitor', position: () => feed.position() }] : []),
      ...(matching ? [{ name: 'matching', position: () => matching.state.position() }] : []),
    ];
    if (projections.length > 0) registerProjectionGauges(registry, this.events, projections, heads);
    const reads = this.find<ReadStore>(MONITOR_READ_STORE);
    if (reads) registerOpenCasesGauge(registry, reads, this.clock);
  }

  /** The provider if some module of this application has it. */
  private find<T>(token: Type<T> | Abstract<T> | string): T | undefined {
    try {
      return this.modules.get<T>(token, { strict: false });
    } catch {
      return undefined;
    }
  }
}

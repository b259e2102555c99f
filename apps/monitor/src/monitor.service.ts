import type { Provider } from '@nestjs/common';
import type { EventStore } from '@lib/event-store';
import { KafkaEventBus } from '@lib/messaging';
import { employmentMonitorProjector } from '@lib/application';
import { ProjectionRunner, type ReadStore } from '@lib/read-store';
import { deploymentConfigFromEnv, type DeploymentConfig } from '../../platform/src/config/deployment-config';
import type { ServiceAppOptions } from '../../platform/src/config/service-app';
import { DashboardModule } from '../../platform/src/dashboard/dashboard.module';
import { EVENT_STORE } from '../../platform/src/event-store/event-store.module';
import { MonitorFeed } from '../../platform/src/monitor/monitor-feed';
import { MonitorModule } from '../../platform/src/monitor/monitor.module';
import { MONITOR_READ_STORE, readStoreProvider } from '../../platform/src/monitor/monitor-runtime';
import { SchedulerModule } from '../../platform/src/scheduler/scheduler.module';
import { SubsidiesModule } from '../../platform/src/subsidies/subsidies.module';
import { ReportsModule } from '../../platform/src/reports/reports.module';
import { KafkaMonitorFeed } from './kafka-monitor-feed';

/** The consumer group every monitor replica joins (docs/OPERATIONS.md: scaling). */
export const MONITOR_GROUP = 'monitor';

/** Kafka (group `monitor`) when KAFKA_BROKERS is set, else the event store's own subscription. */
export const monitorFeedProvider = (deployment: DeploymentConfig): Provider => ({
  provide: MonitorFeed,
  inject: [EVENT_STORE, MONITOR_READ_STORE],
  useFactory: (events: EventStore, readStore: ReadStore): MonitorFeed => {
    const brokers = deployment.kafkaBrokers;
    if (brokers === undefined) return new ProjectionRunner(events, readStore, employmentMonitorProjector());
    const bus = new KafkaEventBus({ brokers, clientId: 'relocation-monitor' });
    return new KafkaMonitorFeed(events, readStore, bus, { groupId: MONITOR_GROUP });
  },
});

/**
 * The monitor service: the employment projections (fed from Kafka in the distributed deployment), their
 * queries, read-your-writes, the county event stream, the vacancy list, the access log, and the dashboard.
 * It also appends the zero-employment case events (the projections' process manager) and runs the scheduler
 * (vacancies expire, public-welfare terms end; safe on every replica), so it needs the event store too.
 */
export function monitorService(env: NodeJS.ProcessEnv = process.env): ServiceAppOptions {
  const deployment = deploymentConfigFromEnv(env);
  const monitor = MonitorModule.withFeed({
    // The read models where the deployment keeps them, as the platform's (read-store-from-env.ts).
    readStore: readStoreProvider,
    feed: monitorFeedProvider(deployment),
  });
  return {
    name: 'monitor',
    env,
    modules: [
      monitor,
      DashboardModule,
      SchedulerModule.beside(monitor),
      // The transport subsidy's ledger reads this monitor's read store; its commands go to the event store.
      SubsidiesModule.beside(monitor),
      // The reports read this monitor's read store too.
      ReportsModule.beside(monitor),
    ],
  };
}

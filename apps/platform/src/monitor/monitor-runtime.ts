import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import type { EventStore } from '@lib/event-store';
import { MONITOR_COLLECTIONS, employmentMonitorProjector } from '@lib/application';
import { ProjectionRunner, type ReadStore } from '@lib/read-store';
import type { DeploymentConfig } from '../config/deployment-config';
import { DEPLOYMENT_CONFIG } from '../deployment/deployment.module';
import { MONITOR_READ_MODELS, openReadStore } from '../config/read-store-from-env';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ReadinessRegistry } from '../health/readiness.registry';
import { MonitorFeed } from './monitor-feed';

export const MONITOR_READ_STORE = 'MONITOR_READ_STORE';

/** The read models where the deployment keeps them (read-store-from-env.ts): SQLite in DATA_DIR by default. */
export const readStoreProvider = {
  provide: MONITOR_READ_STORE,
  inject: [DEPLOYMENT_CONFIG, PLATFORM_CONFIG],
  useFactory: (deployment: DeploymentConfig, config: PlatformConfig): Promise<ReadStore> =>
    openReadStore(deployment, config.dataDir, MONITOR_READ_MODELS, MONITOR_COLLECTIONS),
};

/** Embedded: the runner follows the event store's own subscription. */
export const runnerProvider = {
  provide: MonitorFeed,
  inject: [EVENT_STORE, MONITOR_READ_STORE],
  useFactory: (events: EventStore, readStore: ReadStore): MonitorFeed =>
    new ProjectionRunner(events, readStore, employmentMonitorProjector()),
};

/**
 * Starts the projections when the application bootstraps (catch-up from the checkpoint, then live), stops
 * them before the stores close, and tells `/ready` whether they follow the event store. Bootstrap waits for
 * the catch-up: from a checkpoint it is a few batches, and from nothing it is a rebuild that takes seconds
 * (docs/BENCHMARKS.md); in exchange the first answers are never from an empty read side and `/ready` is true at once.
 */
@Injectable()
export class MonitorRuntime
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('MonitorProjections');
  private caughtUp = false;
  private starting: Promise<void> | undefined;
  private settleStart: (started: boolean) => void = () => undefined;
  private readonly started = new Promise<boolean>((resolve) => (this.settleStart = resolve));

  constructor(
    private readonly runner: MonitorFeed,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(MONITOR_READ_STORE) private readonly readStore: ReadStore,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register('projections', async () => {
      const head = await this.events.headPosition();
      const position = this.runner.position();
      const failed = this.runner.failed;
      const details = {
        position: position.toString(),
        headPosition: head.toString(),
        caughtUp: this.caughtUp,
        ...(failed !== undefined ? { error: failed instanceof Error ? failed.message : String(failed) } : {}),
      };
      // Caught up once and still following: the live lag is a batch or two, not a reason to take traffic away.
      return { ready: this.caughtUp && this.runner.running && failed === undefined, details };
    });
  }

  /** Resolves true once the projections caught up at start, false if they did not start (the scheduler waits). */
  whenStarted(): Promise<boolean> {
    return this.started;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.starting = this.runner.start();
    try {
      await this.starting;
      this.caughtUp = true;
      this.settleStart(true);
    } catch (error) {
      // The process stays up (health, docs) but not ready; /ready reports the error.
      this.logger.error(`The projections did not start: ${error instanceof Error ? error.message : error}`);
      this.settleStart(false);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.settleStart(false);
    await this.starting?.catch(() => undefined);
    await this.runner.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.readStore.close();
  }
}

import { join } from 'node:path';
import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { SqliteEventStore, type EventStore } from '@lib/event-store';
import { ReadinessRegistry } from '../health/readiness.registry';
import { PlatformMetrics } from '../metrics/platform-metrics';

/**
 * The injection token of the `EventStore`. A string, so the same token can later be exported from
 * libs/event-store without breaking anyone who injects it by this constant.
 */
export const EVENT_STORE = 'EVENT_STORE';

export type EventStoreFactory = () => EventStore | Promise<EventStore>;

export const sqliteEventStoreFactory =
  (dataDir: string): EventStoreFactory =>
  () =>
    SqliteEventStore.open(join(dataDir, 'events.sqlite'));

/** Registers the store's readiness check and closes the store once the HTTP server has stopped. */
@Injectable()
class EventStoreLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register('eventStore', async () => ({
      ready: true,
      details: { headPosition: (await this.store.headPosition()).toString() },
    }));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Global()
@Module({})
export class EventStoreModule {
  static register(factory: EventStoreFactory): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        {
          // The store everyone injects times its appends when the metrics are served (MetricsModule).
          provide: EVENT_STORE,
          inject: [{ token: PlatformMetrics, optional: true }],
          useFactory: async (metrics?: PlatformMetrics): Promise<EventStore> => {
            const store = await factory();
            return metrics ? metrics.instrument(store) : store;
          },
        },
        EventStoreLifecycle,
      ],
      exports: [EVENT_STORE],
    };
  }
}

import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import {
  KafkaEventBus,
  ReadStoreCheckpointStore,
  SqliteCheckpointStore,
  type EventBus,
} from '@lib/messaging';
import { MongoReadStore } from '@lib/read-store';
import type { DeploymentConfig } from '../../platform/src/config/deployment-config';
import { PLATFORM_CONFIG, type PlatformConfig } from '../../platform/src/config/platform-config';
import {
  RELAY_BUS,
  RELAY_CHECKPOINTS,
  RELAY_TIMINGS,
  RelayRuntime,
  type RelayCheckpoints,
  type RelayTimings,
} from './relay-runtime';

export interface RelayModuleOptions {
  readonly deployment: DeploymentConfig;
  /** The bus; defaults to Kafka at KAFKA_BROKERS (tests pass the in-process bus). */
  readonly bus?: () => EventBus;
  readonly timings?: Partial<RelayTimings>;
}

/**
 * The relay's checkpoint: in MongoDB when MONGO_URL is set — in a database of its own (`<db>_relay`), so a
 * rebuild of the monitor's read models (which swaps that database's generation of collections and
 * checkpoints) never resets the relay — else in `relay-checkpoint.sqlite` in DATA_DIR (a volume).
 */
export async function openRelayCheckpoints(
  deployment: DeploymentConfig,
  dataDir: string,
): Promise<RelayCheckpoints> {
  if (deployment.mongoUrl !== undefined) {
    const database = `${deployment.mongoDatabase}_relay`;
    const store = await MongoReadStore.connect(deployment.mongoUrl, database, []);
    return {
      store: new ReadStoreCheckpointStore(store),
      description: `MongoDB database ${database}`,
      close: () => store.close(),
    };
  }
  const path = join(dataDir, 'relay-checkpoint.sqlite');
  const store = SqliteCheckpointStore.open(path);
  return { store, description: path, close: async () => store.close() };
}

@Module({})
export class RelayModule {
  static register(options: RelayModuleOptions): DynamicModule {
    const { deployment } = options;
    return {
      module: RelayModule,
      providers: [
        {
          provide: RELAY_BUS,
          useFactory: (): EventBus => {
            if (options.bus) return options.bus();
            const brokers = deployment.kafkaBrokers;
            if (brokers === undefined)
              throw new Error('Invalid configuration: the relay needs KAFKA_BROKERS');
            return new KafkaEventBus({
              brokers,
              clientId: 'relocation-relay',
              partitions: deployment.kafkaTopicPartitions,
            });
          },
        },
        {
          provide: RELAY_CHECKPOINTS,
          inject: [PLATFORM_CONFIG],
          useFactory: (config: PlatformConfig) => openRelayCheckpoints(deployment, config.dataDir),
        },
        {
          provide: RELAY_TIMINGS,
          useValue: { topicRetryMs: 2000, unhealthyAfterErrorMs: 15_000, ...options.timings },
        },
        RelayRuntime,
      ],
    };
  }
}

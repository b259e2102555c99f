/**
 * Which adapters a process uses, from the environment. Nothing set: the embedded adapters (SQLite event
 * store, SQLite read store, in-process feed). Each URL switches one port to its server (docs/INTEGRATION.md):
 *
 * - EVENTSTORE_URL  `esdb://eventstore:2113?tls=false` → EventStoreDB
 * - KAFKA_BROKERS   `kafka:19092,kafka2:19092`          → Kafka (the relay publishes, the monitor consumes)
 * - MONGO_URL       `mongodb://mongo:27017/relocation?replicaSet=rs0` → MongoDB (database from the path)
 * - KAFKA_TOPIC_PARTITIONS  partitions of the topics the relay creates (default 6)
 */
export interface DeploymentConfig {
  readonly eventStoreUrl?: string;
  readonly kafkaBrokers?: readonly string[];
  readonly mongoUrl?: string;
  /** The database named in MONGO_URL's path, else `relocation`. */
  readonly mongoDatabase: string;
  readonly kafkaTopicPartitions: number;
}

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

export function deploymentConfigFromEnv(env: NodeJS.ProcessEnv): DeploymentConfig {
  const eventStoreUrl = nonEmpty(env.EVENTSTORE_URL);
  const brokers = nonEmpty(env.KAFKA_BROKERS)
    ?.split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  const mongoUrl = nonEmpty(env.MONGO_URL);
  const partitionsText = nonEmpty(env.KAFKA_TOPIC_PARTITIONS);
  const partitions = partitionsText === undefined ? 6 : Number(partitionsText);
  if (!Number.isInteger(partitions) || partitions < 1) {
    throw new Error(`Invalid configuration: KAFKA_TOPIC_PARTITIONS must be a positive integer`);
  }
  if (eventStoreUrl !== undefined && !/^(esdb|esdb\+discover|kurrentdb|kurrent):\/\//.test(eventStoreUrl)) {
    throw new Error('Invalid configuration: EVENTSTORE_URL must be an esdb:// connection string');
  }
  if (mongoUrl !== undefined && !/^mongodb(\+srv)?:\/\//.test(mongoUrl)) {
    throw new Error('Invalid configuration: MONGO_URL must be a mongodb:// connection string');
  }
  return {
    ...(eventStoreUrl !== undefined ? { eventStoreUrl } : {}),
    ...(brokers !== undefined && brokers.length > 0 ? { kafkaBrokers: brokers } : {}),
    ...(mongoUrl !== undefined ? { mongoUrl } : {}),
    mongoDatabase: mongoUrl === undefined ? 'relocation' : databaseOf(mongoUrl),
    kafkaTopicPartitions: partitions,
  };
}

/** `mongodb://host:27017/relocation?replicaSet=rs0` → `relocation`; no path → `relocation`. */
function databaseOf(url: string): string {
  const afterHosts = url.replace(/^mongodb(\+srv)?:\/\/[^/]*/, '');
  const name = decodeURIComponent(afterHosts.replace(/^\//, '').split('?')[0] ?? '');
  return name === '' ? 'relocation' : name;
}

/** The settings a distributed service cannot start without, by name, so it fails at once saying which. */
export function requireDeployment<K extends 'eventStoreUrl' | 'kafkaBrokers' | 'mongoUrl'>(
  config: DeploymentConfig,
  service: string,
  keys: readonly K[],
): DeploymentConfig & Required<Pick<DeploymentConfig, K>> {
  const envName = { eventStoreUrl: 'EVENTSTORE_URL', kafkaBrokers: 'KAFKA_BROKERS', mongoUrl: 'MONGO_URL' };
  const missing = keys.filter((k) => config[k] === undefined).map((k) => envName[k]);
  if (missing.length > 0) {
    throw new Error(`Invalid configuration: the ${service} service needs ${missing.join(', ')}`);
  }
  return config as DeploymentConfig & Required<Pick<DeploymentConfig, K>>;
}

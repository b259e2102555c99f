/**
 * Which adapters a process uses, from the environment. Nothing set: the embedded adapters (SQLite event
 * store, SQLite read store, in-process feed). Each URL switches one port to its server (docs/INTEGRATION.md):
 *
 * - EVENT_STORE_URL  `postgres://user:pass@db:5432/relocation` → PostgreSQL for every store of the process (events,
 *                   read models unless MONGO_URL, idempotency records, access log, match plans);
 *                   `esdb://eventstore:2113?tls=false` → EventStoreDB for the events (EVENTSTORE_URL: the same)
 * - KAFKA_BROKERS   `kafka:19092,kafka2:19092`          → Kafka (the relay publishes, the monitor consumes)
 * - MONGO_URL       `mongodb://mongo:27017/relocation?replicaSet=rs0` → MongoDB (database from the path)
 * - KAFKA_TOPIC_PARTITIONS  partitions of the topics the relay creates (default 6)
 */
export interface DeploymentConfig {
  /** EventStoreDB's connection string, when the events are kept there. */
  readonly eventStoreUrl?: string;
  /** PostgreSQL's connection string, when the process keeps its stores there. */
  readonly postgresUrl?: string;
  readonly kafkaBrokers?: readonly string[];
  readonly mongoUrl?: string;
  /** The database named in MONGO_URL's path, else `relocation`. */
  readonly mongoDatabase: string;
  readonly kafkaTopicPartitions: number;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

export function deploymentConfigFromEnv(env: NodeJS.ProcessEnv): DeploymentConfig {
  const unified = nonEmpty(env.EVENT_STORE_URL);
  const legacy = nonEmpty(env.EVENTSTORE_URL);
  if (unified !== undefined && legacy !== undefined && unified !== legacy) {
    throw new Error('Invalid configuration: EVENT_STORE_URL and EVENTSTORE_URL differ; set one of them');
  }
  const storeUrl = unified ?? legacy;
  const postgresUrl = storeUrl !== undefined && POSTGRES_URL.test(storeUrl) ? storeUrl : undefined;
  const eventStoreUrl = postgresUrl === undefined ? storeUrl : undefined;
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
    throw new Error(
      'Invalid configuration: EVENT_STORE_URL must be a postgres:// or an esdb:// connection string',
    );
  }
  if (mongoUrl !== undefined && !/^mongodb(\+srv)?:\/\//.test(mongoUrl)) {
    throw new Error('Invalid configuration: MONGO_URL must be a mongodb:// connection string');
  }
  return {
    ...(eventStoreUrl !== undefined ? { eventStoreUrl } : {}),
    ...(postgresUrl !== undefined ? { postgresUrl } : {}),
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

import type { DeploymentConfig } from '../config/deployment-config';
import { sqliteEventStoreFactory, type EventStoreFactory } from './event-store.module';

/**
 * PostgreSQL or EventStoreDB when EVENT_STORE_URL names one, else the SQLite store in the data directory. A
 * server's adapter is loaded only then (dynamic import): the embedded start never loads a server's client.
 */
export function eventStoreFactoryFor(deployment: DeploymentConfig, dataDir: string): EventStoreFactory {
  const { postgresUrl, eventStoreUrl } = deployment;
  if (postgresUrl !== undefined) {
    return async () => {
      const { PostgresEventStore } = await import('@lib/event-store/postgres');
      return PostgresEventStore.connect(postgresUrl);
    };
  }
  if (eventStoreUrl !== undefined) {
    return async () => {
      const { EventStoreDbEventStore } = await import('@lib/event-store/eventstoredb');
      return EventStoreDbEventStore.fromConnectionString(eventStoreUrl);
    };
  }
  return sqliteEventStoreFactory(dataDir);
}

/** What the logs say the process runs on. */
export function adapterNames(deployment: DeploymentConfig): string[] {
  return [
    deployment.postgresUrl ? 'PostgreSQL' : deployment.eventStoreUrl ? 'EventStoreDB' : 'SQLite event store',
    deployment.kafkaBrokers ? 'Kafka' : undefined,
    deployment.mongoUrl ? 'MongoDB' : undefined,
  ].filter((a): a is string => a !== undefined);
}

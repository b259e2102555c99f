import type { DeploymentConfig } from '../config/deployment-config';
import { sqliteEventStoreFactory, type EventStoreFactory } from './event-store.module';

/**
 * EventStoreDB when EVENTSTORE_URL is set, else the SQLite store in the data directory. The EventStoreDB
 * adapter is loaded only then (dynamic import): the embedded start never loads the gRPC client.
 */
export function eventStoreFactoryFor(deployment: DeploymentConfig, dataDir: string): EventStoreFactory {
  const url = deployment.eventStoreUrl;
  if (url === undefined) return sqliteEventStoreFactory(dataDir);
  return async () => {
    const { EventStoreDbEventStore } = await import('@lib/event-store/eventstoredb');
    return EventStoreDbEventStore.fromConnectionString(url);
  };
}

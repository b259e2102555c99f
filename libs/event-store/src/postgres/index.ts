export { PostgresEventStore } from './postgres-event-store';
export type { PostgresEventStoreOptions } from './postgres-event-store';
export {
  connectWithTables,
  createInSchema,
  quotedIdentifier,
  SMALL_STORE_CONNECTIONS,
} from './postgres-tables';
export type { ConnectedTables, PostgresStoreOptions } from './postgres-tables';

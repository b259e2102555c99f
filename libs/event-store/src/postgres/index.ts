export { PostgresEventStore } from './postgres-event-store';
export type { PostgresEventStoreOptions } from './postgres-event-store';
export { connectWithTables, createInSchema, quotedIdentifier } from './postgres-tables';
export type { ConnectedTables, PostgresStoreOptions } from './postgres-tables';

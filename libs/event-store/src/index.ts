export * from './event-store.port';
export * from './category-pages';
export { SqliteEventStore } from './sqlite/sqlite-event-store';
export type { SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { applyDurablePragmas } from './sqlite/sqlite-schema';
export * from './command-handling/decider-runner';

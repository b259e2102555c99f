export * from './read-store.port';
export { SqliteReadStore } from './sqlite/sqlite-read-store';
export type { SqliteReadStoreOptions } from './sqlite/sqlite-read-store';
export * from './monitor-collections';
export { MonitorProjectionRunner } from './runner/projection-runner';
export type { CountyChange, ProjectionRunnerOptions, RebuildReport } from './runner/projection-runner';
export { MongoReadStore } from './mongo/mongo-read-store';

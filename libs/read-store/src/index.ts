export * from './read-store.port';
export { SqliteReadStore } from './sqlite/sqlite-read-store';
export { ProjectionRunner } from './runner/projection-runner';
export { PositionWaiters } from './runner/position-waiters';
export type { ProjectionChange, ProjectionRunnerOptions, RebuildReport } from './runner/projection-runner';
export type { BatchOutcome, BatchWriter, Projector, RebuildState } from './runner/projector';
export { MongoReadStore } from './mongo/mongo-read-store';
export { PostgresReadStore } from './postgres/postgres-read-store';
export type { PostgresReadStoreOptions } from './postgres/postgres-read-store';

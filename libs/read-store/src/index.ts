export * from './read-store.port';
export { SqliteReadStore } from './sqlite/sqlite-read-store';

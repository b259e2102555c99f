/** Test support for read-store adapters and rebuild suites; not for production code. */
export * from './event-log';
export * from './fixtures';
export * from './history.arbitrary';
export * from './monitor-runner';
export * from './recount';

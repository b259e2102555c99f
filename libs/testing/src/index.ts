/** Helpers for the libraries' tests, testing/ fixtures and benchmarks; never for production code. */
export * from './mulberry32';
export * from './integration-suite';
export * from './temporary-directory';
export * from './free-port';
export * from './postgres-database';

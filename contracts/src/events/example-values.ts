/**
 * The ids and the time the definitions' examples share, so that together they tell one story: a worker of
 * one household, placed in one vacancy. Not exported from the contracts: suites use EVENT_EXAMPLES.
 */
export const HOUSEHOLD = '7f9c2b1e-4a0d-4c55-9a77-1f0e6d3c2b10';
export const WORKER = `${HOUSEHOLD}.1`;
export const VACANCY = '0b6f1c3a-2d4e-4f61-8a9b-3c2d1e0f4a5b';
export const PLACEMENT = 'c3d2e1f0-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
export const ID_NUMBER_HASH = 'a'.repeat(64);
export const AT = '2026-03-01T08:00:00Z';

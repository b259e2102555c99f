export * from './cases.bodies';
export * from './errors';
export * from './follow-ups.bodies';
export * from './matching.bodies';
export * from './page-query';
export * from './postings.bodies';
export * from './responses';
export * from './workforce.bodies';

export * from './cases.bodies';
export * from './errors';
export * from './follow-ups.bodies';
export * from './matching.bodies';
export * from './postings.bodies';
export * from './responses';
export * from './workforce.bodies';
export * from './welfare-terms.bodies';

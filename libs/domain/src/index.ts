// The write model (deciders) and the read model (projections) of the service: pure functions only.
export * from './shared/decider';
export * from './shared/keyed-projection';
export * from './shared/name-based-id';
export * from './postings/labour-station.decider';
export * from './postings/workshop.decider';
export * from './postings/vacancy.commands';
export * from './postings/vacancy.state';
export * from './postings/vacancy.decider';
export * from './postings/placement-constraints';
export * from './workforce/household.commands';
export * from './workforce/household.state';
export * from './workforce/household-employment';
export * from './workforce/household.decider';
export * from './placements/placement-saga';
export * from './monitor';
export * from './cases';
export * from './scheduling';

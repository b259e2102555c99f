export * from './case.commands';
export * from './case.state';
export * from './case.decider';
export * from './case-deadlines';
export * from './case-file.projection';
export * from './county-settings';

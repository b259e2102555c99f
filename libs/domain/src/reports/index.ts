export * from './household-placements.projection';
export * from './vacancy-placements.projection';
export * from './workshop-register.projection';
export * from './retention';
export * from './site-report';
export * from './station-report';
export * from './workshop-report';

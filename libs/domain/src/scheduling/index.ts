export * from './due-item';
export * from './vacancy-expiry.projection';
export * from './welfare-term.projection';

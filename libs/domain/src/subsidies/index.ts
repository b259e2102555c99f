export * from './transport-subsidy.commands';
export * from './transport-subsidy.state';
export * from './transport-subsidy.decider';
export * from './subsidy-rates.decider';
export * from './transport-subsidy-claims.projection';
export * from './transport-subsidy-ledger';

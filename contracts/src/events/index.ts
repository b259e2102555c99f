export * from './catalogue';
export * from './cases.events';
export * from './define-event';
export * from './employers.events';
export * from './monitor.events';
export * from './placements.events';
export * from './postings.events';
export * from './resident.events';
export * from './workforce.events';
// Training courses (issue 15, item 3).
export * from './training.events';
export * from './welfare-payroll.events';
// The transport subsidy's claims, reviews, payments and rates.
export * from './subsidies.events';
export * from './monthly-report.events';

// Flows that read or write more than one stream (ADR 0006): the placement saga, one person one household, the
// employment monitor's process manager. Pure decisions stay in libs/domain; I/O goes through the ports.
export * from './shared/flow-outcome';
export * from './shared/flow-recovery';
export * from './shared/flow-step';
export * from './placements/placement-flow';
export * from './placements/placement-recovery';
export * from './residents/resident-claims';
export * from './monitor/monitor-collections';
export * from './monitor/employment-monitor.projector';
export { MonitorBatchWriter, flushOutbox, type BatchPlace } from './monitor/monitor-batch-writer';
export { AppliedPositions, type PositionsStep } from './monitor/applied-positions';
export { assignCase, loadCase, type CaseWorkContext, type CaseWorkOutcome } from './cases/case-work';
export { recordVerification, type VerificationInput } from './cases/case-verification';
export { recordMeasure, type MeasureInput } from './cases/case-measure';
export { caseWorkRecovery } from './cases/case-work-recovery';
export * from './cases/job-seeker-services';
export * from './scheduler/clock';
export * from './scheduler/due-items';
export * from './scheduler/scheduled-steps';
export * from './scheduler/scheduler';
export * from './training/training-flow';
export { trainingRecovery } from './training/training-recovery';
export {
  FiguresAsOf,
  type FiguresAsOfAnswer,
  type FiguresAsOfOptions,
} from './monitor/figures-as-of.service';
export * from './welfare-payroll/welfare-payroll';
export { CountyMonths } from './monthly-reports/county-months';
export * from './monthly-reports/monthly-reports';

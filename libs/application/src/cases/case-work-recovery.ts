import { zeroEmploymentCaseStream, type EventData, type VerificationFollowUp } from '@contracts';
import type { HouseholdCommand } from '@lib/domain/workforce/household.commands';
import type { FlowRecovery, RecoveryContext, RecoveryReport } from '../shared/flow-recovery';
import { serviceCommand } from './case-measure';
import { followUpCommands } from './case-verification';
import { applyOnce } from './case-work';

/**
 * The case work's recovery: every verification with a follow-up and every measure given to a member has its
 * household step applied (skipped where it already is).
 */
export function caseWorkRecovery(): FlowRecovery {
  const pending: {
    caseId: string;
    householdId: string;
    steps: { command: HouseholdCommand; eventId: string }[];
  }[] = [];
  const now = new Date(0).toISOString();
  return {
    flow: 'case-work',
    observe(record) {
      if (record.type !== 'ZeroEmploymentCaseVerified' && record.type !== 'ZeroEmploymentCaseMeasureRecorded')
        return;
      const caseId = record.streamId.slice(zeroEmploymentCaseStream('').length);
      const data = record.data as Record<string, unknown>;
      const householdId = String(data.householdId);
      if (record.type === 'ZeroEmploymentCaseVerified' && data.followUp) {
        const verificationId = String(data.verificationId);
        const steps = followUpCommands(data.followUp as VerificationFollowUp, verificationId, now);
        pending.push({ caseId, householdId, steps });
      }
      if (record.type === 'ZeroEmploymentCaseMeasureRecorded') {
        const measure = data as unknown as EventData<'ZeroEmploymentCaseMeasureRecorded'>;
        const step = serviceCommand(measure, caseId, measure.measureId, now);
        if (step) pending.push({ caseId, householdId, steps: [step] });
      }
    },
    async recover(context: RecoveryContext): Promise<RecoveryReport> {
      const finished: string[] = [];
      for (const { caseId, householdId, steps } of pending) {
        // The commands decide on `now`; the recovery's time is the one that counts for their checks.
        const timed = steps.map(({ command, eventId }) => ({
          command: { ...command, now: context.now },
          eventId,
        }));
        if ((await applyOnce(context, householdId, timed)) !== undefined) finished.push(caseId);
      }
      return { finished, compensated: [] };
    },
  };
}

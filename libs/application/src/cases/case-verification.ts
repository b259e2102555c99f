import { householdStream, parseWorkerId, type EventData, type VerificationFollowUp } from '@contracts';
import type { Rejection } from '@lib/domain/shared/decider';
import type { HouseholdCommand } from '@lib/domain/workforce/household.commands';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { loadState } from '@lib/event-store';
import { FlowRefused, refusalsAsValues } from '../shared/flow-outcome';
import {
  applyOnce,
  derivedId,
  loadCase,
  onCase,
  refuse,
  type CaseWorkContext,
  type CaseWorkOutcome,
} from './case-work';

/**
 * A check on the ground (基层核实). A finding that changes facts brings them, and they are recorded on the
 * household after the case's record, once (case-work.ts).
 */
export interface VerificationInput {
  readonly caseId: string;
  readonly verificationId?: string;
  readonly visitedAt: string;
  readonly method: EventData<'ZeroEmploymentCaseVerified'>['method'];
  readonly finding: EventData<'ZeroEmploymentCaseVerified'>['finding'];
  readonly note?: string;
  readonly employment?: { workerId: string; channel: string; employer?: string; startDate: string };
  readonly workerIds?: readonly string[];
}

/** The follow-up a finding calls for, from the body: an employment found, or members who cannot work. */
function followUpOf(input: VerificationInput, householdId: string, verificationId: string) {
  const ownMember = (workerId: string, field: string) => {
    if (parseWorkerId(workerId)?.householdId !== householdId) {
      refuse('invalid_value', `Worker ${workerId} is not a member of the case's household`, field);
    }
  };
  if (input.finding === 'employed_elsewhere' && input.employment) {
    const { workerId, channel, employer, startDate } = input.employment;
    ownMember(workerId, 'employment.workerId');
    return {
      kind: 'employment_reported',
      workerId,
      // Derived: the household records the employment once, however often the follow-up is applied.
      employmentId: `${householdId}:${derivedId(verificationId, 'employment')}`,
      channel,
      ...(employer === undefined ? {} : { employer }),
      startDate,
    } as VerificationFollowUp;
  }
  if (input.finding === 'no_labour' && input.workerIds) {
    input.workerIds.forEach((w, i) => ownMember(w, `workerIds.${i}`));
    return { kind: 'no_labour', workerIds: [...new Set(input.workerIds)] } as VerificationFollowUp;
  }
  return undefined;
}

/** The household commands of a follow-up, each with its event's derived id. */
export function followUpCommands(
  followUp: VerificationFollowUp,
  verificationId: string,
  now: string,
): { command: HouseholdCommand; eventId: string }[] {
  if (followUp.kind === 'employment_reported') {
    const { workerId, employmentId, channel, employer, startDate } = followUp;
    const command: HouseholdCommand = {
      type: 'ReportEmployment',
      workerId,
      employmentId,
      channel,
      ...(employer === undefined ? {} : { employer }),
      source: 'cadre_visit',
      startDate,
      now,
    };
    return [{ command, eventId: derivedId(verificationId, 'report', workerId) }];
  }
  return followUp.workerIds.map((workerId) => ({
    command: { type: 'ChangeLabourCapacity', workerId, labourCapacity: 'none', now },
    eventId: derivedId(verificationId, 'no_labour', workerId),
  }));
}

export function recordVerification(
  context: CaseWorkContext,
  input: VerificationInput,
): Promise<CaseWorkOutcome> {
  return refusalsAsValues(async () => {
    const state = await loadCase(context.store, input.caseId);
    if (state.status === 'none') refuse('not_found', `Case ${input.caseId} does not exist`);
    if (state.status === 'none') throw new Error('unreachable');
    const verificationId =
      input.verificationId ?? derivedId(input.caseId, 'verification', context.metadata.correlationId);
    const followUp = followUpOf(input, state.householdId, verificationId);
    if (followUp) {
      // The household decides the follow-up on its state now: a refusal there records nothing at all.
      const { state: household } = await loadState(
        context.store,
        householdStream(state.householdId),
        householdDecider,
      );
      for (const { command } of followUpCommands(followUp, verificationId, context.now)) {
        const decision = householdDecider.decide(command, household);
        if (!decision.ok) throw new FlowRefused(withField(decision.rejection, followUp));
      }
    }
    // The employment or the members the body brought are recorded as the follow-up.
    const { caseId, employment: _employment, workerIds: _workerIds, ...verification } = input;
    const recorded = await onCase(
      context,
      {
        type: 'RecordVerification',
        caseId,
        ...verification,
        verificationId,
        ...(followUp === undefined ? {} : { followUp }),
        now: context.now,
      },
      derivedId(caseId, 'verified', verificationId),
    );
    const applied = followUp
      ? await applyOnce(context, state.householdId, followUpCommands(followUp, verificationId, context.now))
      : undefined;
    return { ok: true, recordId: verificationId, position: applied ?? recorded.position };
  });
}

/**
 * A household refusal of a follow-up names the body's field it came from: the employment's own field when the
 * household named one (`employment.startDate`), else the part of the body.
 */
function withField(rejection: Rejection, followUp: VerificationFollowUp): Rejection {
  const part = followUp.kind === 'employment_reported' ? 'employment' : 'workerIds';
  const own = rejection.details?.field;
  const field = part === 'employment' && typeof own === 'string' ? `${part}.${own}` : part;
  return { ...rejection, details: { ...rejection.details, field } };
}

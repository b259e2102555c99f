/**
 * The county's work on a zero-employment case (ADR 0007): a verification whose finding changes facts, and a
 * measure given to a member, are recorded on the case's stream first, then their consequence on the
 * household's (an employment report, a capacity change, a "131" service), each with an id derived from the
 * record, so the consequence is applied once however often it is retried. The case's record is the commit
 * point: a crash before the household's step is finished at the next start (`caseWorkRecovery`).
 */
import { householdStream, parseCaseId, zeroEmploymentCaseStream, type EventMetadata } from '@contracts';
import { caseDecider, type CaseCommand, type CaseState } from '@lib/domain/cases';
import type { Rejection } from '@lib/domain/shared/decider';
import { nameBasedUuid } from '@lib/domain/shared/name-based-id';
import type { HouseholdCommand } from '@lib/domain/workforce/household.commands';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { loadState, type EventStore, type Position } from '@lib/event-store';
import { FlowRefused, orRefuse, refusalsAsValues, type FlowOutcome } from '../shared/flow-outcome';
import { runStep } from '../shared/flow-step';

/** Namespace of the ids derived from the case work's records (a fixed random uuid). */
const CASE_WORK_NAMESPACE = 'a3c9e0d2-5b7f-4e81-9d26-0f4c8b1e7a53';
export const derivedId = (...parts: string[]): string => nameBasedUuid(CASE_WORK_NAMESPACE, parts.join('/'));

export interface CaseWorkContext {
  readonly store: EventStore;
  readonly now: string;
  readonly metadata: EventMetadata;
}

export type CaseWorkOutcome = FlowOutcome<{ readonly recordId: string; readonly position: Position }>;

export const refuse = (code: Rejection['code'], message: string, field?: string): never => {
  throw new FlowRefused({ code, message, ...(field ? { details: { field } } : {}) });
};

/** The case's state, with its id checked: 404 for an id that names no case. */
export async function loadCase(store: EventStore, caseId: string): Promise<CaseState> {
  if (!parseCaseId(caseId)) return { status: 'none' };
  return (await loadState(store, zeroEmploymentCaseStream(caseId), caseDecider)).state;
}

export async function onCase(context: CaseWorkContext, command: CaseCommand, eventId?: string) {
  return orRefuse(
    await runStep(
      context.store,
      {
        streamId: zeroEmploymentCaseStream(command.caseId),
        decider: caseDecider,
        command,
        ...(eventId ? { eventId } : {}),
      },
      context.metadata,
    ),
  );
}

/**
 * A household command of a follow-up, once: skipped when its derived event is in the household stream (a
 * capacity changed back since must stay as it is).
 */
export async function applyOnce(
  context: CaseWorkContext,
  householdId: string,
  steps: readonly { command: HouseholdCommand; eventId: string }[],
): Promise<Position | undefined> {
  const streamId = householdStream(householdId);
  const stored = new Set((await context.store.readStream(streamId)).map((e) => e.id));
  let position: Position | undefined;
  for (const { command, eventId } of steps) {
    if (stored.has(eventId)) continue;
    const result = await stepOrThrowUnlessDone(
      runStep(context.store, { streamId, decider: householdDecider, command, eventId }, context.metadata),
    );
    position = result ?? position;
  }
  return position;
}

/** A follow-up step already true of the household (the employment known, the capacity already none) is done. */
async function stepOrThrowUnlessDone(step: ReturnType<typeof runStep>): Promise<Position | undefined> {
  const result = await step;
  if (result.ok) return result.position;
  if (result.rejection.code === 'worker_already_employed') return undefined;
  throw new Error(`Case follow-up refused: ${result.rejection.code}: ${result.rejection.message}`);
}

export function assignCase(
  context: CaseWorkContext,
  caseId: string,
  assignee: { readonly id: string; readonly name: string },
): Promise<CaseWorkOutcome> {
  return refusalsAsValues(async () => {
    const { position } = await onCase(context, { type: 'AssignCase', caseId, assignee, now: context.now });
    return { ok: true, recordId: caseId, position };
  });
}

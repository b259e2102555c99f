import type { DomainEvent, EventMetadata } from '@contracts';
import type { Decider, Rejection } from '@lib/domain/shared/decider';
import { runDecider, type EventStore, type Position } from '@lib/event-store';

/**
 * One step of a flow: one command decided on one stream. A step that names its event id (derived from the
 * flow and the step, `nameBasedUuid`) appends nothing new when it is run again: a retry, or the recovery of a
 * flow a crash interrupted, offers the store the very same event.
 */
export interface FlowStep<C, S, E extends DomainEvent> {
  readonly streamId: string;
  readonly decider: Decider<C, S, E>;
  readonly command: C;
  readonly eventId?: string;
}

export type StepResult =
  | {
      readonly ok: true;
      readonly position: Position;
      /** How many events this run appended: 0 when the step's effect was already there. */
      readonly appended: number;
    }
  | { readonly ok: false; readonly rejection: Rejection };

export async function runStep<C, S, E extends DomainEvent>(
  store: EventStore,
  step: FlowStep<C, S, E>,
  metadata: EventMetadata,
): Promise<StepResult> {
  const { streamId, decider, command, eventId } = step;
  const result = await runDecider({
    store,
    streamId,
    decider,
    command,
    metadata,
    ...(eventId === undefined ? {} : { eventIds: () => eventId }),
  });
  return result.ok
    ? { ok: true, position: result.position, appended: result.events.length }
    : { ok: false, rejection: result.rejection };
}

/** A step the protocol cannot refuse (a confirmation, a compensation): a refusal there is a bug, thrown. */
export async function stepOrThrow(step: Promise<StepResult>): Promise<{ ok: true; position: Position }> {
  const result = await step;
  if (!result.ok) throw new Error(`Flow step refused: ${result.rejection.code}: ${result.rejection.message}`);
  return result;
}

import type { EventMetadata } from '@contracts';
import type { EventStore } from '@lib/event-store';

/**
 * The one shape of a flow that writes to more than one stream (ADR 0006): it DOES its steps one stream at a
 * time, each step idempotent (a derived event id, or a decider that answers "already done"), the last stream
 * it must write being its commit point; what a crash leaves between two steps is FINISHED OR COMPENSATED by
 * the flow's recovery, which reads what the streams say and takes the step that follows (a pure function of
 * those states in libs/domain, shared with the flow itself).
 */
export interface FlowRecovery {
  /** The flow's name, for the report. */
  readonly flow: string;
  /** Finishes or compensates every flow a crash left half done; safe to run again. */
  recover(context: RecoveryContext): Promise<RecoveryReport>;
}

export interface RecoveryContext {
  readonly store: EventStore;
  readonly now: string;
  readonly metadata: EventMetadata;
  /**
   * The lease: only flows begun at or before this time are recovered (a live flow may own newer ones). The
   * all-in-one process recovers at start, when no flow can be live, and leaves it unset.
   */
  readonly startedBefore?: string;
}

export interface RecoveryReport {
  /** Flows taken to their end (ids). */
  readonly finished: readonly string[];
  /** Flows undone by their compensation (ids). */
  readonly compensated: readonly string[];
}

/** The metadata of a recovery's appends: a system actor, one correlation for the pass. */
export function recoveryMetadata(flow: string, correlationId: string, now: string): EventMetadata {
  return {
    actor: { id: `${flow}-recovery`, role: 'system' },
    correlationId,
    causationId: correlationId,
    now,
  };
}

/** Runs each recovery in turn (they touch different streams, but one at a time keeps the start-up log readable). */
export async function recoverAll(
  recoveries: readonly FlowRecovery[],
  context: Omit<RecoveryContext, 'metadata'> & { readonly correlationId: string },
): Promise<ReadonlyMap<string, RecoveryReport>> {
  const reports = new Map<string, RecoveryReport>();
  for (const recovery of recoveries) {
    const metadata = recoveryMetadata(recovery.flow, context.correlationId, context.now);
    reports.set(recovery.flow, await recovery.recover({ ...context, metadata }));
  }
  return reports;
}

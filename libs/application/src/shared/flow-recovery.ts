import type { EventMetadata } from '@contracts';
import type { EventStore, RecordedEvent } from '@lib/event-store';

/**
 * The one shape of a flow that writes to more than one stream (ADR 0006): it DOES its steps one stream at a
 * time, each step idempotent (a derived event id, or a decider that answers "already done"); what a crash
 * leaves between two steps is FINISHED OR COMPENSATED by the flow's recovery, which reads what the streams say
 * and takes the step that follows (a pure function of those states in libs/domain, shared with the flow).
 *
 * A recovery finds its half-done flows in one pass over the log that serves every recovery (`observe`), then
 * finishes them (`recover`). A fresh instance per pass: it keeps what it observed.
 */
export interface FlowRecovery {
  /** The flow's name, for the report. */
  readonly flow: string;
  /** Sees every event of the log once, in order. */
  observe(record: RecordedEvent): void;
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

/** One pass over the log for every recovery, then each recovers in turn. */
export async function recoverAll(
  recoveries: readonly FlowRecovery[],
  context: Omit<RecoveryContext, 'metadata'> & { readonly correlationId: string },
): Promise<ReadonlyMap<string, RecoveryReport>> {
  for await (const page of context.store.readAllPages()) {
    for (const record of page) for (const recovery of recoveries) recovery.observe(record);
  }
  const reports = new Map<string, RecoveryReport>();
  for (const recovery of recoveries) {
    const metadata = recoveryMetadata(recovery.flow, context.correlationId, context.now);
    reports.set(recovery.flow, await recovery.recover({ ...context, metadata }));
  }
  return reports;
}

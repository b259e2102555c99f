import type { Rejection } from '@lib/domain/shared/decider';

/** What a flow answers: its result, or the rejection that stopped it (nothing of it stays appended). */
export type FlowOutcome<T extends object> =
  ({ readonly ok: true } & T) | { readonly ok: false; readonly rejection: Rejection };

/**
 * Unwinds a flow from a refusal deep inside it to the flow's entry point, which turns it back into a value.
 * Never escapes a flow.
 */
export class FlowRefused extends Error {
  constructor(readonly rejection: Rejection) {
    super(`${rejection.code}: ${rejection.message}`);
    this.name = 'FlowRefused';
  }
}

/** The value of an outcome, or a FlowRefused for its rejection. */
export function orRefuse<R extends { readonly ok: boolean }>(outcome: R): Extract<R, { ok: true }> {
  if (!outcome.ok) throw new FlowRefused((outcome as unknown as { rejection: Rejection }).rejection);
  return outcome as Extract<R, { ok: true }>;
}

/** Runs a flow body, turning a FlowRefused into its rejection. */
export async function refusalsAsValues<T extends object>(
  body: () => Promise<FlowOutcome<T>>,
): Promise<FlowOutcome<T>> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof FlowRefused) return { ok: false, rejection: error.rejection };
    throw error;
  }
}

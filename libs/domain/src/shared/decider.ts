/**
 * A decider is the write model of one stream: three pure functions and no class (the shape of emmett's
 * deciders). `decide` never reads a clock or draws an id: both come in the command.
 */

import { REJECTION_CODES, type RejectionCode } from '@contracts/http/errors';

// The rejection codes are part of the contract (clients branch on them); the HTTP layer maps them to statuses.
export { REJECTION_CODES, type RejectionCode };

export interface Rejection {
  readonly code: RejectionCode;
  /** For people; may name ids, never a person's name or ID number. */
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** What a decider answers: the events to append (none for an idempotent repeat), or why not. */
export type Decision<E> =
  { readonly ok: true; readonly events: E[] } | { readonly ok: false; readonly rejection: Rejection };

export interface Decider<Command, State, Event> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Decision<Event>;
}

export const accept = <E>(...events: NoInfer<E>[]): Decision<E> => ({ ok: true, events });

/** Nothing to append: the command's effect is already there (a retried or repeated command). */
export const alreadyDone = <E>(): Decision<E> => ({ ok: true, events: [] });

export const reject = <E = never>(
  code: RejectionCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Decision<E> => ({ ok: false, rejection: details ? { code, message, details } : { code, message } });

export const isRejectionCode = (value: string): value is RejectionCode =>
  (REJECTION_CODES as readonly string[]).includes(value);

/** Folds events into a state, from the decider's initial state. */
export function foldEvents<S, E>(
  decider: Pick<Decider<unknown, S, E>, 'initialState' | 'evolve'>,
  events: Iterable<E>,
): S {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}

/** Ends an exhaustive `switch`: adding a member to the union without a case fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

import type { Decider, Decision } from '@lib/domain/shared/decider';

/**
 * A decider over a list of commands, decided one after the other on the state the previous ones produced,
 * so one request that means two domain commands (PATCH openings and expiry) is one atomic append: all of
 * its events or, on any rejection, none.
 */
export function sequenceDecider<C, S, E>(decider: Decider<C, S, E>): Decider<readonly C[], S, E> {
  return {
    initialState: decider.initialState,
    evolve: decider.evolve,
    decide(commands, state): Decision<E> {
      const events: E[] = [];
      let current = state;
      for (const command of commands) {
        const decision = decider.decide(command, current);
        if (!decision.ok) return decision;
        for (const event of decision.events) current = decider.evolve(current, event);
        events.push(...decision.events);
      }
      return { ok: true, events };
    },
  };
}

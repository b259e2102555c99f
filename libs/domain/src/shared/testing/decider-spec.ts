import { type Decider, foldEvents, type RejectionCode } from '../decider';

/**
 * Specifications that read as given/when/then:
 * `given(decider, [events]).when(command).then([events])` or `.thenRejects('vacancy_full')` (with the
 * message and details it must have, when given).
 * Uses jest's `expect`, so it is for spec files only.
 */
export function given<C, S, E>(decider: Decider<C, S, E>, events: readonly NoInfer<E>[] = []) {
  return {
    when(command: C) {
      const run = () => decider.decide(command, foldEvents(decider, events));
      return {
        then(expected: readonly E[]): void {
          const decision = run();
          if (!decision.ok) {
            throw new Error(
              `Expected events, got rejection ${decision.rejection.code}: ${decision.rejection.message}`,
            );
          }
          expect(decision.events).toEqual(expected);
        },
        /** No events: the command's effect is already there. */
        thenNothing(): void {
          const decision = run();
          expect(decision).toEqual({ ok: true, events: [] });
        },
        /** `details`, when given, must be part of the rejection's (e.g. `{ field: 'startDate' }`). */
        thenRejects(code: RejectionCode, message?: RegExp, details?: Record<string, unknown>): void {
          const decision = run();
          if (decision.ok) {
            throw new Error(`Expected rejection ${code}, got events ${JSON.stringify(decision.events)}`);
          }
          expect(decision.rejection.code).toBe(code);
          if (message) expect(decision.rejection.message).toMatch(message);
          if (details) expect(decision.rejection.details).toMatchObject(details);
        },
      };
    },
  };
}

import type { EventStore } from '@lib/event-store';

/**
 * Crash points for the crash tests (through platform-with-faults.child.ts, never the production entry): the
 * process kills itself with SIGKILL right after the append of a chosen event type is durable, or right before
 * it is made (the decision taken, nothing written). Inert without a fault: the store is returned as is.
 *   - placement-after-reserve, placement-after-place: test/e2e/placements-crash.e2e.test.ts;
 *   - scheduler-before-expiry, scheduler-after-expiry: test/e2e/scheduler-crash.e2e.test.ts.
 */
const CRASH_POINTS: Readonly<Record<string, { readonly type: string; readonly when: 'before' | 'after' }>> = {
  'placement-after-reserve': { type: 'VacancyOpeningReserved', when: 'after' },
  'placement-after-place': { type: 'WorkerPlaced', when: 'after' },
  'scheduler-before-expiry': { type: 'VacancyExpired', when: 'before' },
  'scheduler-after-expiry': { type: 'VacancyExpired', when: 'after' },
};

export function withFaultInjection(store: EventStore, fault: string | undefined): EventStore {
  const point = fault ? CRASH_POINTS[fault] : undefined;
  if (!point) return store;
  const append: EventStore['append'] = async (streamId, events, expected) => {
    const hit = events.some((e) => e.type === point.type);
    if (hit && point.when === 'before') process.kill(process.pid, 'SIGKILL');
    const result = await store.append(streamId, events, expected);
    if (hit && point.when === 'after') process.kill(process.pid, 'SIGKILL');
    return result;
  };
  return new Proxy(store, {
    get: (target, key, receiver) =>
      key === 'append' ? append : (Reflect.get(target, key, receiver) as unknown),
  });
}

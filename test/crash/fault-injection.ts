import type { EventStore } from '@lib/event-store';

/**
 * Crash points of the placement saga, for test/e2e/placements-crash.e2e.test.ts (through
 * platform-with-faults.child.ts, never the production entry): with `placement-after-reserve` (or
 * `placement-after-place`) the process kills itself with SIGKILL right after that step's append is durable.
 * Inert without a fault: the store is returned as is.
 */
const CRASH_AFTER: Readonly<Record<string, string>> = {
  'placement-after-reserve': 'VacancyOpeningReserved',
  'placement-after-place': 'WorkerPlaced',
};

export function withFaultInjection(store: EventStore, fault: string | undefined): EventStore {
  const eventType = fault ? CRASH_AFTER[fault] : undefined;
  if (!eventType) return store;
  const append: EventStore['append'] = async (streamId, events, expected) => {
    const result = await store.append(streamId, events, expected);
    if (events.some((e) => e.type === eventType)) process.kill(process.pid, 'SIGKILL');
    return result;
  };
  return new Proxy(store, {
    get: (target, key, receiver) =>
      key === 'append' ? append : (Reflect.get(target, key, receiver) as unknown),
  });
}

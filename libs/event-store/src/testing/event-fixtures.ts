import { randomUUID } from 'node:crypto';
import { encodeEvent, streamKindOf, type DomainEvent, type EventMetadata, type StreamKind } from '@contracts';
import type { EventStore, EventToAppend, Position, RecordedEvent } from '../event-store.port';

/** A stream name no other test (nor another run against a shared server) uses. */
export const uniqueStream = (kind = 'test'): string => `${kind}-${randomUUID()}`;

export function newEvent(type = 'TestEvent', data: Record<string, unknown> = {}): EventToAppend {
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    data,
    metadata: { actor: 'contract-test', correlationId: randomUUID(), causationId: randomUUID() },
  };
}

export const newEvents = (count: number, type = 'TestEvent'): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => newEvent(type, { i }));

/** What a stored event must give back of what was appended. */
export const appendedPart = (event: EventToAppend | RecordedEvent): EventToAppend => ({
  id: event.id,
  type: event.type,
  version: event.version,
  occurredAt: event.occurredAt,
  data: event.data,
  metadata: event.metadata,
});

/** Reads the log after `afterPosition`, keeping only the events of streams that start with `prefix`. */
export async function readAllOf(
  store: EventStore,
  afterPosition: Position,
  prefix: string,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll(afterPosition)) {
    if (event.streamId.startsWith(prefix)) events.push(event);
  }
  return events;
}

export function expectIncreasing(positions: readonly Position[]): void {
  for (let i = 1; i < positions.length; i++) {
    if (!(positions[i] > positions[i - 1])) {
      throw new Error(`positions not increasing at ${i}: ${positions[i - 1]} then ${positions[i]}`);
    }
  }
}

/** Resolves once `condition` holds, checking after each macrotask; rejects after `timeoutMs`. */
export async function eventually(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Metadata of test commands: a broker actor and the command's time. */
export const testMetadata = (now: string, correlationId = 'test'): EventMetadata => ({
  actor: { id: 'test-broker', role: 'broker' },
  correlationId,
  causationId: correlationId,
  now,
});

/** A domain event as a test appends it straight to a store, recorded at `at`. */
export const domainEventToAppend = (event: DomainEvent, at: string): EventToAppend => ({
  id: randomUUID(),
  ...encodeEvent(event),
  occurredAt: at,
  metadata: testMetadata(at),
});

/**
 * A log for the global-read tests: 12 batches of `perBatch` events, alternating between two streams of a fresh
 * prefix. Returns the prefix, the head before, and the events' ids in order.
 */
export async function appendTwoStreamLog(
  store: EventStore,
  label: string,
  perBatch: number,
): Promise<{ prefix: string; headBefore: Position; ids: string[] }> {
  const prefix = uniqueStream(label);
  const headBefore = await store.headPosition();
  const ids: string[] = [];
  for (let batch = 0; batch < 12; batch++) {
    const events = newEvents(perBatch);
    await store.append(`${prefix}-${batch % 2}`, events, 'any');
    ids.push(...events.map((e) => e.id));
  }
  return { prefix, headBefore, ids };
}

/**
 * The store, whose appends to one kind of stream fail: a process killed after a flow's first record, before
 * its second (the crash a flow's recovery must mend).
 */
export function appendsFailFor(store: EventStore, kind: StreamKind): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'append') return Reflect.get(target, property, receiver) as unknown;
      return (...args: Parameters<EventStore['append']>) =>
        streamKindOf(args[0]) === kind
          ? Promise.reject(new Error(`killed before the ${kind} append`))
          : target.append(...args);
    },
  });
}

import { encodeEvent, type DomainEvent } from '@contracts';
import {
  IdempotencyConflict,
  WrongExpectedVersion,
  type EventStore,
  type EventToAppend,
} from '@lib/event-store';
import type { MonitorAppend } from '@lib/domain/monitor/employment-monitor.process-manager';

/** The outbox key of an append: its first event's id (derived from the transition: unique, the same on replay). */
export const outboxKeyOf = (append: MonitorAppend): string => append.events[0].id;

function toEventsToAppend(append: MonitorAppend): EventToAppend[] {
  return append.events.map((event) => {
    const { type, version, data } = encodeEvent(event as DomainEvent);
    return {
      id: event.id,
      type,
      version,
      data,
      occurredAt: event.occurredAt,
      metadata: { ...event.metadata },
    };
  });
}

/**
 * Appends one transition's monitor events exactly once. The ids are derived from the transition, so a replay
 * (a restart, a rebuild) repeats the same append: a store that recognises the retry answers as before; one
 * that refuses it (the case stream exists, the ids are stored) is checked: the stream must hold these very
 * ids, else it throws.
 */
export async function appendExactlyOnce(
  store: EventStore,
  append: MonitorAppend,
): Promise<'appended' | 'present'> {
  const events = toEventsToAppend(append);
  try {
    await store.append(append.streamId, events, append.expectedRevision);
    return 'appended';
  } catch (error) {
    if (!(error instanceof WrongExpectedVersion || error instanceof IdempotencyConflict)) throw error;
    const stored = new Set((await store.readStream(append.streamId)).map((e) => e.id));
    if (!events.every((e) => stored.has(e.id))) {
      throw new Error(`${append.streamId}: the stream holds other events than this transition's`, {
        cause: error,
      });
    }
    return 'present';
  }
}

/**
 * Appends a batch's transitions: streams in parallel (so a store can commit them together), each stream's
 * appends in order (a case's opening before its clearing).
 */
export async function appendAll(store: EventStore, appends: readonly MonitorAppend[]): Promise<void> {
  const byStream = new Map<string, MonitorAppend[]>();
  for (const append of appends) {
    const list = byStream.get(append.streamId);
    if (list) list.push(append);
    else byStream.set(append.streamId, [append]);
  }
  await Promise.all(
    [...byStream.values()].map(async (list) => {
      for (const append of list) await appendExactlyOnce(store, append);
    }),
  );
}

import { encodeEvent, type DomainEvent } from '@contracts';
import {
  IdempotencyConflict,
  WrongExpectedVersion,
  type EventStore,
  type EventToAppend,
} from '@lib/event-store';
import type { MonitorAppend } from '@lib/domain/monitor/employment-monitor.process-manager';

/** The outbox key of an append: its stream and the revision it expects, unique per transition. */
export const outboxKeyOf = (append: MonitorAppend): string => `${append.streamId}@${append.expectedRevision}`;

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
 * Appends one transition's monitor events exactly once. The ids are derived from the transition and the
 * expected revision from the household stream, so a replay (a restart, a rebuild) repeats the same append:
 * a store that recognises the retry answers as before; one that refuses it (wrong expected version, ids
 * already stored) is checked: the stream must hold these very ids at these revisions, else it throws.
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
    const from = append.expectedRevision === 'no_stream' ? 0 : append.expectedRevision + 1;
    const stored = await store.readStream(append.streamId, from);
    const present = events.every((e, i) => stored[i]?.id === e.id);
    if (!present) {
      throw new Error(
        `${append.streamId}: the monitor stream at revision ${from} holds other events than this transition's`,
        { cause: error },
      );
    }
    return 'present';
  }
}

/**
 * Appends a batch's transitions: streams in parallel (so a store can commit them together), each stream's
 * appends in order (its expected revisions follow one another).
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

import {
  decodeStoredEvent,
  eventEnvelopeJson,
  type DomainEvent,
  type EventEnvelope,
  type EventEnvelopeJson,
} from '@contracts';
import { positionToString, type RecordedEvent } from '@lib/event-store';
import type { BusMessage } from './event-bus.port';
import { HEADERS, topicOf } from './topics';

export type TopicRouter = (event: RecordedEvent) => string;

export const routeByStream: TopicRouter = (event) => topicOf(event.streamId, event.type);

/** The bus message of a stored event: the envelope JSON (position as a string), keyed by its stream. */
export function toBusMessage(event: RecordedEvent, route: TopicRouter = routeByStream): BusMessage {
  const json: EventEnvelopeJson = {
    id: event.id,
    type: event.type,
    version: event.version,
    streamId: event.streamId,
    revision: event.revision,
    position: positionToString(event.position),
    occurredAt: event.occurredAt,
    data: event.data,
    metadata: event.metadata as EventEnvelopeJson['metadata'],
  };
  return {
    topic: route(event),
    key: event.streamId,
    value: JSON.stringify(json),
    headers: {
      [HEADERS.eventType]: event.type,
      [HEADERS.eventVersion]: String(event.version),
      [HEADERS.position]: json.position,
    },
  };
}

/** Why a message could not be decoded: never worth retrying, the same bytes fail the same way. */
export class UndecodableMessage extends Error {
  readonly code = 'undecodable_message';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UndecodableMessage';
  }
}

/**
 * The typed envelope of a bus message: JSON, then the envelope schema, then the event's own schema (upcast
 * to its current version, exactly as from the store). Throws UndecodableMessage.
 */
export function decodeBusMessage(value: string): EventEnvelope<DomainEvent> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw new UndecodableMessage(`not JSON: ${(error as Error).message}`, { cause: error });
  }
  const envelope = eventEnvelopeJson.safeParse(parsed);
  if (!envelope.success) {
    const issues = envelope.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new UndecodableMessage(`not an event envelope: ${issues.join('; ')}`);
  }
  const json = envelope.data;
  try {
    return decodeStoredEvent({ ...json, position: BigInt(json.position) });
  } catch (error) {
    throw new UndecodableMessage((error as Error).message, { cause: error });
  }
}

import {
  CURRENT_EVENTS,
  ENVELOPE_TIME,
  type DomainEvent,
  type EventDefinition,
  type EventType,
} from './events';
import { eventMetadata, type EventEnvelope } from './envelope';

const CURRENT_BY_TYPE: ReadonlyMap<string, EventDefinition> = new Map(CURRENT_EVENTS.map((d) => [d.type, d]));

if (CURRENT_BY_TYPE.size !== CURRENT_EVENTS.length) throw new Error('Two current definitions share a type');

/** Every version of every type, by `type@version`: the current ones and those their `previous` chains reach. */
const DEFINITION_BY_KEY: ReadonlyMap<string, EventDefinition> = new Map(
  CURRENT_EVENTS.flatMap((current) => {
    const versions: EventDefinition[] = [];
    for (let d: EventDefinition | undefined = current; d !== undefined; d = d.previous) versions.push(d);
    return versions.map((d) => [`${d.type}@${d.version}`, d] as const);
  }),
);

export const isEventType = (type: string): type is EventType => CURRENT_BY_TYPE.has(type);

export const currentDefinition = (type: string): EventDefinition | undefined => CURRENT_BY_TYPE.get(type);

export type EventDecodeErrorCode =
  | 'unknown_event_type'
  | 'unknown_event_version'
  | 'missing_upcaster'
  | 'invalid_event_data'
  | 'invalid_event_metadata';

export class EventDecodeError extends Error {
  constructor(
    readonly code: EventDecodeErrorCode,
    readonly eventType: string,
    readonly eventVersion: number,
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(`${eventType}@${eventVersion}: ${message}`);
    this.name = 'EventDecodeError';
  }
}

export interface RawEvent {
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
}

function parseOrThrow(definition: EventDefinition, data: unknown, at: RawEvent): unknown {
  const result = definition.schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new EventDecodeError(
    'invalid_event_data',
    at.type,
    at.version,
    `data does not match ${definition.type}@${definition.version}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
    issues,
  );
}

/**
 * Decodes stored event data to the current version: upcasts through the chain, then validates against
 * the current schema. Throws EventDecodeError; never returns unvalidated data.
 */
export function decodeEvent(raw: RawEvent): DomainEvent & { version: number } {
  const current = CURRENT_BY_TYPE.get(raw.type);
  if (!current) throw new EventDecodeError('unknown_event_type', raw.type, raw.version, 'unknown event type');
  if (!Number.isInteger(raw.version) || raw.version < 1 || raw.version > current.version) {
    throw new EventDecodeError(
      'unknown_event_version',
      raw.type,
      raw.version,
      `current version is ${current.version}`,
    );
  }
  let data = raw.data;
  for (let version = raw.version; version < current.version; version++) {
    const from = DEFINITION_BY_KEY.get(`${raw.type}@${version}`);
    const to = DEFINITION_BY_KEY.get(`${raw.type}@${version + 1}`);
    // defineEvent gives every version above 1 its previous and its upcast: a gap is a broken definition.
    if (!from || !to?.upcast) {
      throw new EventDecodeError(
        'missing_upcaster',
        raw.type,
        raw.version,
        `no upcaster from version ${version}`,
      );
    }
    // Each step validates against its own version's schema, so an upcast only sees well-formed data.
    data = to.upcast(parseOrThrow(from, data, raw));
  }
  const parsed = parseOrThrow(current, data, raw);
  return { type: raw.type, version: current.version, data: parsed } as DomainEvent & { version: number };
}

/**
 * The business time of an event: the data field its definition names (deciders stamp it from the command's
 * `now`), or the envelope's `occurredAt` when its data holds none.
 */
export function eventTimeOf(event: {
  readonly type: string;
  readonly data: unknown;
  readonly occurredAt: string;
}): string {
  const definition = CURRENT_BY_TYPE.get(event.type);
  if (!definition) throw new EventDecodeError('unknown_event_type', event.type, 0, 'unknown event type');
  if (definition.time === ENVELOPE_TIME) return event.occurredAt;
  return (event.data as Readonly<Record<string, string>>)[definition.time];
}

/** Validates a new event and gives what the store appends: the current version and the parsed data. */
export function encodeEvent(event: DomainEvent): {
  type: EventType;
  version: number;
  data: Record<string, unknown>;
} {
  const current = CURRENT_BY_TYPE.get(event.type);
  if (!current) throw new EventDecodeError('unknown_event_type', event.type, 0, 'unknown event type');
  const data = parseOrThrow(current, event.data, {
    type: event.type,
    version: current.version,
    data: event.data,
  });
  return { type: event.type, version: current.version, data: data as Record<string, unknown> };
}

/** What an event store gives back (structurally the port's RecordedEvent). */
export interface StoredEvent extends RawEvent {
  readonly id: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: bigint;
  readonly occurredAt: string;
  readonly metadata: unknown;
}

/** Decodes a stored event into its typed envelope: data upcast and validated, metadata validated. */
export function decodeStoredEvent(stored: StoredEvent): EventEnvelope<DomainEvent> {
  const event = decodeEvent(stored);
  const metadata = eventMetadata.safeParse(stored.metadata);
  if (!metadata.success) {
    throw new EventDecodeError('invalid_event_metadata', stored.type, stored.version, metadata.error.message);
  }
  return {
    ...event,
    id: stored.id,
    streamId: stored.streamId,
    revision: stored.revision,
    position: stored.position,
    occurredAt: stored.occurredAt,
    metadata: metadata.data,
  } as EventEnvelope<DomainEvent>;
}

/**
 * Decodes an event a rebuild reads back from the store's own log, trusting what is already at its current
 * version: every append goes through `encodeEvent` (the decider runner, the monitor appender), which validated
 * that very data against that very schema, and zod parsing is idempotent for these schemas (no transforms), so
 * parsing again gives the same data. Older versions still go through the upcasters and full validation.
 * Opt-in, for a rebuild only: a live feed (Kafka, another store) keeps `decodeStoredEvent`.
 */
export function decodeAppendedEvent(stored: StoredEvent): EventEnvelope<DomainEvent> {
  const current = CURRENT_BY_TYPE.get(stored.type);
  if (current === undefined || stored.version !== current.version) return decodeStoredEvent(stored);
  return {
    type: stored.type,
    version: stored.version,
    data: stored.data,
    id: stored.id,
    streamId: stored.streamId,
    revision: stored.revision,
    position: stored.position,
    occurredAt: stored.occurredAt,
    metadata: stored.metadata,
  } as EventEnvelope<DomainEvent>;
}

/**
 * Pure translations between the event store port and `@eventstore/db-client` v6: expected revisions,
 * $all positions, errors and the event envelope. No I/O here, so all of it is unit-tested without a server.
 */
import {
  ANY,
  NO_STREAM,
  START as ESDB_START,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  jsonEvent,
  type AppendExpectedRevision,
  type CurrentRevision,
  type JSONEventData,
  type Position as EsdbPosition,
  type ReadPosition,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import {
  START,
  WrongExpectedVersion,
  type EventToAppend,
  type ExpectedRevision,
  type JsonObject,
  type Position,
  type RecordedEvent,
} from '../event-store.port';

/** What this adapter stores in an ESDB event's metadata besides the data itself. */
export interface StoredMetadata {
  /** The port's `version` of the event type (`type@schemaVersion` names its zod schema). */
  readonly schemaVersion: number;
  readonly occurredAt: string;
  /** The port's metadata (actor, correlationId, causationId, idempotencyKey?), kept whole. */
  readonly metadata: JsonObject;
  /** Copies read by ESDB's own `$by_correlation_id` projection, if enabled; ignored on read. */
  readonly $correlationId?: string;
  readonly $causationId?: string;
}

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) {
        throw new RangeError(`Not an expected revision: ${String(expected)}`);
      }
      return BigInt(expected);
  }
}

/** ESDB revisions are uint64; ours are numbers. A stream past 2^53 events is not a case we meet. */
export function revisionToNumber(revision: bigint): number {
  const value = Number(revision);
  if (!Number.isSafeInteger(value))
    throw new RangeError(`Revision ${revision} exceeds Number.MAX_SAFE_INTEGER`);
  return value;
}

export function fromEsdbCurrentRevision(current: CurrentRevision): number | 'no_stream' {
  return current === NO_STREAM ? 'no_stream' : revisionToNumber(current);
}

/** An ESDB `WrongExpectedVersionError` becomes the port's error; anything else is returned unchanged. */
export function mapAppendError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (error instanceof WrongExpectedVersionError) {
    return new WrongExpectedVersion(streamId, expected, fromEsdbCurrentRevision(error.actualVersion));
  }
  return error;
}

/**
 * Positions. Every event written through gRPC `appendToStream` is an implicitly committed prepare record,
 * and ESDB reports its $all position as (commit = prepare = the record's log position); the append
 * response itself carries (commit, commit). Only events of explicit transactions (legacy TCP API, which
 * this service never uses) have commit > prepare. So the port's single bigint is the commit position and
 * decoding gives (p, p). An event with commit != prepare is refused loudly rather than mis-ordered.
 */
export function fromEsdbPosition(position: EsdbPosition): Position {
  if (position.commit !== position.prepare) {
    throw new RangeError(
      `$all position commit=${position.commit} prepare=${position.prepare} belongs to an explicit transaction; ` +
        'this adapter only supports events written by appendToStream (commit == prepare)',
    );
  }
  return position.commit;
}

export function toEsdbPosition(position: Position): EsdbPosition {
  if (position < START) throw new RangeError(`Not a position: ${position}`);
  return { commit: position, prepare: position };
}

/** Where a read or subscription strictly after `afterPosition` starts (START is before the first event). */
export function toEsdbReadPosition(afterPosition: Position): ReadPosition {
  return afterPosition === START ? ESDB_START : toEsdbPosition(afterPosition);
}

/** System events ($-prefixed type, or in a $-prefixed stream such as `$$<stream>` metadata) are not ours. */
export function isSystemEvent(event: { readonly type: string; readonly streamId: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

export function toJsonEvent(event: EventToAppend): JSONEventData {
  const metadata: StoredMetadata = {
    schemaVersion: event.version,
    occurredAt: event.occurredAt,
    metadata: event.metadata,
    ...stringField('$correlationId', event.metadata.correlationId),
    ...stringField('$causationId', event.metadata.causationId),
  };
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: { ...metadata } });
}

/** The port's event from an ESDB recorded event; `position` comes from $all or the stream read. */
export function fromEsdbEvent(event: EsdbRecordedEvent, position: Position): RecordedEvent {
  if (!event.isJson || !isJsonObject(event.data)) {
    throw new TypeError(
      `Event ${event.id} in ${event.streamId} is not a JSON object: not written by this service`,
    );
  }
  const metadata = parseStoredMetadata(event.metadata, event.id);
  return {
    id: event.id,
    type: event.type,
    version: metadata.schemaVersion,
    occurredAt: metadata.occurredAt,
    data: event.data,
    metadata: metadata.metadata,
    streamId: event.streamId,
    revision: revisionToNumber(event.revision),
    position,
  };
}

export function parseStoredMetadata(value: unknown, eventId: string): StoredMetadata {
  if (
    isJsonObject(value) &&
    typeof value.schemaVersion === 'number' &&
    Number.isInteger(value.schemaVersion) &&
    typeof value.occurredAt === 'string' &&
    isJsonObject(value.metadata)
  ) {
    return { schemaVersion: value.schemaVersion, occurredAt: value.occurredAt, metadata: value.metadata };
  }
  throw new TypeError(`Event ${eventId} lacks { schemaVersion, occurredAt, metadata } in its ESDB metadata`);
}

function isJsonObject(value: unknown): value is JsonObject {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}

function stringField<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' ? ({ [key]: value } as Record<K, string>) : {};
}

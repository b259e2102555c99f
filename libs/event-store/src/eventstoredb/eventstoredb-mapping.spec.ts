import {
  ANY,
  NO_STREAM,
  START as ESDB_START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type JSONEventData,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import fc from 'fast-check';
import { WrongExpectedVersion, type EventToAppend } from '../event-store.port';
import { appendedPart, newEvent } from '../testing/event-fixtures';
import {
  fromEsdbEvent,
  fromEsdbPosition,
  isSystemEvent,
  mapAppendError,
  parseStoredMetadata,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toEsdbReadPosition,
  toJsonEvent,
} from './eventstoredb-mapping';

/** What the server gives back for an event appended as `sent`: JSON bytes parsed again, a revision, a position. */
function asStored(
  sent: JSONEventData,
  streamId: string,
  revision: bigint,
  position: bigint,
): EsdbRecordedEvent {
  return {
    streamId,
    id: sent.id,
    isJson: true,
    revision,
    type: sent.type,
    created: new Date(0),
    data: JSON.parse(JSON.stringify(sent.data)) as EsdbRecordedEvent['data'],
    metadata: JSON.parse(JSON.stringify(sent.metadata)) as EsdbRecordedEvent['metadata'],
    position: { commit: position, prepare: position },
  } as EsdbRecordedEvent;
}

describe('expected revision mapping', () => {
  it('maps the named states to the client constants and numbers to bigint revisions', () => {
    expect(toEsdbExpectedRevision('any')).toBe(ANY);
    expect(toEsdbExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
    expect(toEsdbExpectedRevision(0)).toBe(0n);
    expect(toEsdbExpectedRevision(41)).toBe(41n);
  });

  it('refuses revisions that are not non-negative integers', () => {
    expect(() => toEsdbExpectedRevision(-1)).toThrow(RangeError);
    expect(() => toEsdbExpectedRevision(1.5)).toThrow(RangeError);
    expect(() => toEsdbExpectedRevision(Number.NaN)).toThrow(RangeError);
  });
});

describe('position mapping', () => {
  it('round-trips every position through (commit, prepare) and keeps the order', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
        fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
        (a, b) => {
          expect(fromEsdbPosition(toEsdbPosition(a))).toBe(a);
          expect(toEsdbPosition(a)).toEqual({ commit: a, prepare: a });
          expect(fromEsdbPosition(toEsdbPosition(a)) < fromEsdbPosition(toEsdbPosition(b))).toBe(a < b);
        },
      ),
    );
  });

  it('reads from the start of $all for START, and from (p, p) otherwise', () => {
    expect(toEsdbReadPosition(0n)).toBe(ESDB_START);
    expect(toEsdbReadPosition(1234n)).toEqual({ commit: 1234n, prepare: 1234n });
  });

  it('refuses positions of explicit transactions (commit != prepare) and negative positions', () => {
    expect(() => fromEsdbPosition({ commit: 500n, prepare: 420n })).toThrow(/explicit transaction/);
    expect(() => toEsdbPosition(-1n)).toThrow(RangeError);
  });
});

describe('append error mapping', () => {
  it('turns WrongExpectedVersionError into WrongExpectedVersion with the actual revision', () => {
    const esdb = new WrongExpectedVersionError(undefined, {
      streamName: 'vacancy-1',
      expected: 3n,
      current: 7n,
    });
    const mapped = mapAppendError(esdb, 'vacancy-1', 3);
    expect(mapped).toBeInstanceOf(WrongExpectedVersion);
    expect(mapped).toMatchObject({
      streamId: 'vacancy-1',
      expected: 3,
      actual: 7,
      code: 'wrong_expected_version',
    });
  });

  it("reports a missing stream as actual 'no_stream'", () => {
    const esdb = new WrongExpectedVersionError(undefined, {
      streamName: 'household-9',
      expected: STREAM_EXISTS,
      current: NO_STREAM,
    });
    expect(mapAppendError(esdb, 'household-9', 'stream_exists')).toMatchObject({
      expected: 'stream_exists',
      actual: 'no_stream',
    });
  });

  it('leaves other errors as they are', () => {
    const other = new StreamNotFoundError(undefined, 'x');
    expect(mapAppendError(other, 'x', 0)).toBe(other);
    const plain = new Error('unavailable');
    expect(mapAppendError(plain, 'x', 'any')).toBe(plain);
  });
});

describe('envelope mapping', () => {
  it('sends the event id as the ESDB id and the version, occurredAt and metadata in the ESDB metadata', () => {
    const event = newEvent('VacancyPosted', { openings: 3 });
    const sent = toJsonEvent(event);
    expect(sent).toMatchObject({ id: event.id, type: 'VacancyPosted', contentType: 'application/json' });
    expect(sent.data).toEqual({ openings: 3 });
    expect(sent.metadata).toEqual({
      schemaVersion: 1,
      occurredAt: event.occurredAt,
      metadata: event.metadata,
      $correlationId: event.metadata.correlationId,
      $causationId: event.metadata.causationId,
    });
  });

  it('round-trips any JSON event through what the server stores', () => {
    const jsonObject = fc.dictionary(fc.string(), fc.jsonValue()).map((o) => JSON.parse(JSON.stringify(o)));
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.string({ minLength: 1 }).filter((t) => !t.startsWith('$')),
        fc.integer({ min: 1, max: 50 }),
        jsonObject,
        jsonObject,
        fc.nat({ max: 10_000 }),
        fc.bigInt({ min: 1n, max: 2n ** 62n }),
        (id, type, version, data, metadata, revision, position) => {
          const event: EventToAppend = {
            id,
            type,
            version,
            occurredAt: '2026-03-01T08:00:00.000Z',
            data,
            metadata,
          };
          const recorded = fromEsdbEvent(
            asStored(toJsonEvent(event), 'workshop-1', BigInt(revision), position),
            position,
          );
          expect(appendedPart(recorded)).toEqual(appendedPart(event));
          expect(recorded).toMatchObject({ streamId: 'workshop-1', revision, position });
        },
      ),
    );
  });

  it('refuses events this service did not write', () => {
    const sent = toJsonEvent(newEvent());
    const binary = {
      ...asStored(sent, 's-1', 0n, 10n),
      isJson: false,
      data: new Uint8Array([1]),
    } as EsdbRecordedEvent;
    expect(() => fromEsdbEvent(binary, 10n)).toThrow(/not a JSON object/);
    const foreign = {
      ...asStored(sent, 's-1', 0n, 10n),
      metadata: { $correlationId: 'x' },
    } as EsdbRecordedEvent;
    expect(() => fromEsdbEvent(foreign, 10n)).toThrow(/schemaVersion/);
    expect(() => parseStoredMetadata({ schemaVersion: 1.5, occurredAt: 'x', metadata: {} }, 'e')).toThrow(
      TypeError,
    );
    expect(() => parseStoredMetadata(undefined, 'e')).toThrow(TypeError);
  });

  it('recognises system events by type or stream', () => {
    expect(isSystemEvent({ type: '$statsCollected', streamId: '$stats-127.0.0.1:2113' })).toBe(true);
    expect(isSystemEvent({ type: '$metadata', streamId: '$$vacancy-1' })).toBe(true);
    expect(isSystemEvent({ type: 'Anything', streamId: '$ce-vacancy' })).toBe(true);
    expect(isSystemEvent({ type: 'VacancyPosted', streamId: 'vacancy-1' })).toBe(false);
  });
});

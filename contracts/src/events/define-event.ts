import type { z } from 'zod';
import type { TypedEvent } from '../envelope';
import type { StreamKind } from '../streams';

/** The names of the data's required string fields. */
export type StringFieldOf<TData> = {
  [K in keyof TData]-?: TData[K] extends string ? K : never;
}[keyof TData] &
  string;

/** The data carries no time of its own: the envelope's `occurredAt` is the event's time. */
export const ENVELOPE_TIME = 'envelope';

/** Where an event's business time is: one of its data's string fields, or the envelope's `occurredAt`. */
export type EventTimeOf<TData> = Exclude<StringFieldOf<TData>, typeof ENVELOPE_TIME> | typeof ENVELOPE_TIME;

/** One `type@version` of an event: all a reader, a writer, the bus and the suites need to know of it. */
export interface EventDefinition<
  TType extends string = string,
  TVersion extends number = number,
  TSchema extends z.ZodType = z.ZodType,
  TStream extends StreamKind = StreamKind,
> {
  readonly type: TType;
  readonly version: TVersion;
  /** The kind of stream the event is appended to: the bus routes by it, deciders fold by it. */
  readonly stream: TStream;
  /** The data field that holds the event's business time, or ENVELOPE_TIME (see eventTimeOf). */
  readonly time: string;
  readonly schema: TSchema;
  /** One valid data: the schema's own test, and a fixture other suites build on. */
  readonly example: z.output<TSchema>;
  /** The version before (version > 1 only): old events stay in the store as written, read through `upcast`. */
  readonly previous?: EventDefinition<TType>;
  /** Turns data valid against `previous.schema` into this version's data. */
  readonly upcast?: (data: unknown) => unknown;
}

interface EventSpec<
  TType extends string,
  TVersion extends number,
  TStream extends StreamKind,
  TSchema extends z.ZodType,
> {
  readonly type: TType;
  readonly version: TVersion;
  readonly stream: TStream;
  readonly time: NoInfer<EventTimeOf<z.output<TSchema>>>;
  readonly schema: TSchema;
  readonly example: NoInfer<z.output<TSchema>>;
}

/** Version 1 has nothing before it; a later version names the one before and how its data becomes this one's. */
type Lineage<
  TVersion extends number,
  TPrevious extends EventDefinition,
  TSchema extends z.ZodType,
> = TVersion extends 1
  ? { readonly previous?: undefined; readonly upcast?: undefined }
  : {
      readonly previous: TPrevious;
      readonly upcast: (data: z.output<TPrevious['schema']>) => z.input<NoInfer<TSchema>>;
    };

/**
 * Defines one `type@version`. Listing the current version in its context's `*_EVENTS` array is all it takes
 * to register it: the type unions, the registry, the upcasters, the examples and the events of each kind
 * of stream all derive from the definitions (see ./catalogue).
 */
export function defineEvent<
  TType extends string,
  TVersion extends number,
  TStream extends StreamKind,
  TSchema extends z.ZodType,
  TPrevious extends EventDefinition<TType> = never,
>(
  spec: EventSpec<TType, TVersion, TStream, TSchema> & Lineage<TVersion, TPrevious, TSchema>,
): EventDefinition<TType, TVersion, TSchema, TStream> {
  const { type, version, previous, upcast } = spec;
  if (!Number.isInteger(version) || version < 1) throw new Error(`${type}: a version is an integer from 1`);
  if (version > 1 !== (previous !== undefined) || (previous !== undefined) !== (upcast !== undefined)) {
    throw new Error(`${type}@${version}: a version above 1, and only one, names its previous and an upcast`);
  }
  if (previous !== undefined && (previous.type !== type || previous.version !== version - 1)) {
    throw new Error(`${type}@${version}: the previous version is ${type}@${version - 1}`);
  }
  return Object.freeze({ ...spec }) as EventDefinition<TType, TVersion, TSchema, TStream>;
}

/** The typed event (`{ type, data }`) of a definition. */
export type EventOf<D> =
  D extends EventDefinition<infer TType, number, infer TSchema, StreamKind>
    ? TypedEvent<TType, z.output<TSchema>>
    : never;

/** The data type of a definition. */
export type DataOf<D> = D extends EventDefinition<string, number, infer TSchema> ? z.output<TSchema> : never;

import type { z } from 'zod';
import type { TypedEvent } from '../envelope';

/** One `type@version` of an event: its literal name, version and the schema of its data. */
export interface EventDefinition<
  TType extends string = string,
  TVersion extends number = number,
  TSchema extends z.ZodType = z.ZodType,
> {
  readonly type: TType;
  readonly version: TVersion;
  readonly schema: TSchema;
}

export function defineEvent<TType extends string, TVersion extends number, TSchema extends z.ZodType>(
  type: TType,
  version: TVersion,
  schema: TSchema,
): EventDefinition<TType, TVersion, TSchema> {
  return Object.freeze({ type, version, schema });
}

/** The typed event (`{ type, data }`) of a definition. */
export type EventOf<D> =
  D extends EventDefinition<infer TType, number, infer TSchema>
    ? TypedEvent<TType, z.output<TSchema>>
    : never;

/** The data type of a definition. */
export type DataOf<D> = D extends EventDefinition<string, number, infer TSchema> ? z.output<TSchema> : never;

import { z } from 'zod';
import { actorId, isoDateTime } from './values';

export const ACTOR_ROLES = ['admin', 'station', 'workshop', 'county_office', 'broker', 'system'] as const;
export const actorRole = z.enum(ACTOR_ROLES);
export type ActorRole = z.infer<typeof actorRole>;

export const actor = z.object({ id: actorId, role: actorRole }).strict();
export type Actor = z.infer<typeof actor>;

/**
 * Metadata of every stored event. `now` is the command's time (deciders never read a clock);
 * unknown keys are kept, so an adapter or a later service may add its own without breaking readers.
 */
export const eventMetadata = z
  .object({
    actor,
    correlationId: z.string().min(1).max(200),
    causationId: z.string().min(1).max(200),
    idempotencyKey: z.string().min(1).max(200).optional(),
    now: isoDateTime.optional(),
    /**
     * The event's place among the events one command appended to its stream. A household registered with
     * its members' jobs is one batch: readers that judge transitions (the employment monitor) judge them
     * at the end of a batch, not between its events. Absent: the event is a batch of its own.
     */
    batch: z
      .object({ index: z.number().int().min(0), size: z.number().int().min(1) })
      .strict()
      .refine((b) => b.index < b.size, { error: 'batch.index must be below batch.size' })
      .optional(),
  })
  .loose();
export type EventMetadata = z.infer<typeof eventMetadata>;

/** A typed event as deciders and projections see it: the literal type and its current-version data. */
export interface TypedEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/** A stored event, decoded (upcast to the current version) and typed. */
export type EventEnvelope<E extends TypedEvent = TypedEvent> = E & {
  readonly id: string;
  readonly version: number;
  readonly streamId: string;
  readonly revision: number;
  readonly position: bigint;
  readonly occurredAt: string;
  readonly metadata: EventMetadata;
};

/** The envelope in JSON (Kafka messages, HTTP): the position as a decimal string. */
export const eventEnvelopeJson = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  version: z.number().int().min(1),
  streamId: z.string().min(1),
  revision: z.number().int().min(0),
  position: z.string().regex(/^\d+$/),
  occurredAt: isoDateTime,
  data: z.record(z.string(), z.unknown()),
  metadata: eventMetadata,
});
export type EventEnvelopeJson = z.infer<typeof eventEnvelopeJson>;

import type { DomainEvent, EventEnvelope, EventOfType, EventType } from '@contracts';

/** A decoded stored event, as every projection receives it. */
export type AnyEnvelope = EventEnvelope<DomainEvent>;
export type EnvelopeOf<T extends EventType> = EventEnvelope<EventOfType<T>>;

/**
 * A read-model document fed by ONE stream. `lastRevision` is the revision of the last event of that stream
 * applied to it: an event at or below it is a replay and changes nothing (at-least-once delivery is safe).
 */
export interface GuardedDocument {
  readonly lastRevision: number;
}

/**
 * A projection over keyed documents, so one definition serves an in-memory rebuild (a record of documents)
 * and a read store (load the one document the event touches, apply, save it with the checkpoint).
 * `evolve` is pure and need not care about replays; `applyProjection` adds the revision guard.
 */
export interface KeyedProjection<TDoc extends GuardedDocument, TType extends EventType = EventType> {
  readonly name: string;
  readonly handles: readonly TType[];
  /** The key of the document the event touches; undefined when it touches none. */
  keyOf(event: EnvelopeOf<TType>): string | undefined;
  /** The document after the event, given the one before (undefined: not created yet); undefined: no document. */
  evolve(doc: TDoc | undefined, event: EnvelopeOf<TType>): TDoc | undefined;
}

export function handlesEvent<TType extends EventType>(
  projection: { readonly handles: readonly TType[] },
  event: AnyEnvelope,
): event is EnvelopeOf<TType> & AnyEnvelope {
  return (projection.handles as readonly EventType[]).includes(event.type);
}

/** True when the document has already seen this event (or a later one of its stream). */
export const alreadyApplied = (doc: GuardedDocument | undefined, event: AnyEnvelope): boolean =>
  doc !== undefined && event.revision <= doc.lastRevision;

/**
 * Applies one event to its document: the same reference back when nothing changes (a replay, an event of
 * another type, or an event the document ignores), so a store writes only what changed.
 */
export function applyProjection<TDoc extends GuardedDocument, TType extends EventType>(
  projection: KeyedProjection<TDoc, TType>,
  doc: TDoc | undefined,
  event: AnyEnvelope,
): TDoc | undefined {
  return handlesEvent(projection, event) ? applyHandledEvent(projection, doc, event) : doc;
}

/**
 * applyProjection for an event the caller already knows the projection handles (a rebuild looks the type up
 * in a Set once per event instead of scanning `handles` again per projection).
 */
export function applyHandledEvent<TDoc extends GuardedDocument, TType extends EventType>(
  projection: KeyedProjection<TDoc, TType>,
  doc: TDoc | undefined,
  event: AnyEnvelope,
): TDoc | undefined {
  if (alreadyApplied(doc, event)) return doc;
  const next = projection.evolve(doc, event as EnvelopeOf<TType>);
  if (next === undefined || next === doc) return doc;
  // A projection that stamps the revision itself (the household one does) needs no second copy.
  return next.lastRevision === event.revision ? next : { ...next, lastRevision: event.revision };
}

/** Documents by key: the in-memory state of a projection; plain JSON, so it survives a serialise/parse. */
export type DocumentMap<TDoc> = Readonly<Record<string, TDoc>>;

/**
 * The pure `(state, envelope) -> state` reducer of a keyed projection over an in-memory map. It copies the
 * map (fine for tests and small rebuilds); a large in-memory store keeps a Map and calls applyProjection.
 */
export function reduceDocuments<TDoc extends GuardedDocument, TType extends EventType>(
  projection: KeyedProjection<TDoc, TType>,
  state: DocumentMap<TDoc>,
  event: AnyEnvelope,
): DocumentMap<TDoc> {
  if (!handlesEvent(projection, event)) return state;
  const key = projection.keyOf(event);
  if (key === undefined) return state;
  const before = Object.prototype.hasOwnProperty.call(state, key) ? state[key] : undefined;
  const after = applyProjection(projection, before, event);
  return after === before || after === undefined ? state : { ...state, [key]: after };
}

/** The documents a projection makes of events in order, from `state` (none by default). */
export function projectAll<TDoc extends GuardedDocument, TType extends EventType>(
  projection: KeyedProjection<TDoc, TType>,
  events: readonly AnyEnvelope[],
  state: DocumentMap<TDoc> = {},
): DocumentMap<TDoc> {
  return events.reduce((docs, event) => reduceDocuments(projection, docs, event), state);
}

import { eventTypesOf, STREAM_KINDS, type BoundedContext, type StreamKind } from '@contracts';

/**
 * Topics: one per bounded context, chosen by the STREAM the event is in, and keyed by the stream id.
 *
 * Why the stream and not the event type: a stream's events must stay in one partition, in order, or the
 * projections' revision guard (`event.revision <= doc.lastRevision` is a replay) would drop an event that
 * arrives after a later one of its stream. The household stream holds both workforce events
 * (WorkerRegistered) and placement events (WorkerPlaced: the household is the placement's commit point),
 * so splitting it by event type across two topics would reorder it. The placement events therefore
 * travel on `relocation.workforce`; `relocation.placements` is reserved for a placement stream of its own
 * and nothing is routed there today.
 */
export const TOPICS = {
  postings: 'relocation.postings',
  workforce: 'relocation.workforce',
  placements: 'relocation.placements',
  monitor: 'relocation.monitor',
  deadLetter: 'relocation.dead-letter',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/** The topics the relay publishes to (every one that receives events today). */
export const EVENT_TOPICS: readonly Topic[] = [TOPICS.postings, TOPICS.workforce, TOPICS.monitor];

/** Every topic a deployment creates. */
export const ALL_TOPICS: readonly Topic[] = [...EVENT_TOPICS, TOPICS.deadLetter];

interface StreamCategory {
  readonly prefix: string;
  readonly topic: Topic;
  /** The event types the contracts allow in this kind of stream. */
  readonly events: ReadonlySet<string>;
}

const TOPIC_OF_CONTEXT: Readonly<Record<BoundedContext, Topic>> = {
  postings: TOPICS.postings,
  workforce: TOPICS.workforce,
  monitor: TOPICS.monitor,
};

/**
 * Each kind of stream with its prefix and context (the contracts' stream catalogue) and the events it may hold
 * (the definitions whose stream it is). Claims on a person (ADR 0004) belong to the workforce context beside
 * the households they name.
 */
export const STREAM_CATEGORIES: readonly StreamCategory[] = (Object.keys(STREAM_KINDS) as StreamKind[]).map(
  (kind) => ({
    prefix: STREAM_KINDS[kind].prefix,
    topic: TOPIC_OF_CONTEXT[STREAM_KINDS[kind].context],
    events: new Set<string>(eventTypesOf(kind)),
  }),
);

export class UnroutableEvent extends Error {
  readonly code = 'unroutable_event';
  constructor(
    readonly streamId: string,
    readonly eventType: string,
  ) {
    super(`No topic for ${eventType} in stream ${streamId}`);
    this.name = 'UnroutableEvent';
  }
}

/**
 * The topic of an event. Throws UnroutableEvent for a stream kind or an event type the contracts do not
 * place there: better a relay that stops and says so than an event on a topic no one reads.
 */
export function topicOf(streamId: string, eventType: string): Topic {
  const category = STREAM_CATEGORIES.find((c) => streamId.startsWith(c.prefix));
  if (!category || !category.events.has(eventType)) throw new UnroutableEvent(streamId, eventType);
  return category.topic;
}

/** Header names the service sets on bus messages. */
export const HEADERS = {
  eventType: 'event-type',
  eventVersion: 'event-version',
  position: 'event-position',
  deadLetterReason: 'dead-letter-reason',
  deadLetterCode: 'dead-letter-code',
  deadLetterTopic: 'dead-letter-source-topic',
  deadLetterPartition: 'dead-letter-source-partition',
  deadLetterOffset: 'dead-letter-source-offset',
  deadLetterGroup: 'dead-letter-group',
} as const;

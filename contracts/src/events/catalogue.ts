import { STREAM_KINDS, type StreamKind } from '../streams';
import type { EventDefinition, EventOf } from './define-event';
import { CASES_EVENTS } from './cases.events';
import { EMPLOYERS_EVENTS } from './employers.events';
import { MONITOR_EVENTS } from './monitor.events';
import { PLACEMENTS_EVENTS } from './placements.events';
import { POSTINGS_EVENTS } from './postings.events';
import { RESIDENT_EVENTS } from './resident.events';
import { WORKFORCE_EVENTS } from './workforce.events';
// Training courses (issue 15, item 3).
import { TRAINING_EVENTS } from './training.events';
import { WELFARE_PAYROLL_EVENTS } from './welfare-payroll.events';
// The transport subsidy's claims, reviews, payments and rates.
import { SUBSIDIES_EVENTS } from './subsidies.events';
import { MONTHLY_REPORT_EVENTS } from './monthly-report.events';

/**
 * Every event type at its current version: each context's own list, and this, the one list of those lists.
 * All the rest (the type unions, the registry, the upcasters, the examples, the events of each kind of
 * stream) derives from the definitions.
 */
export const CURRENT_EVENTS = [
  ...POSTINGS_EVENTS,
  ...EMPLOYERS_EVENTS,
  ...WORKFORCE_EVENTS,
  ...RESIDENT_EVENTS,
  ...PLACEMENTS_EVENTS,
  ...MONITOR_EVENTS,
  ...CASES_EVENTS,
  // Training courses (issue 15, item 3).
  ...TRAINING_EVENTS,
  ...WELFARE_PAYROLL_EVENTS,
  // The transport subsidy's claims, reviews, payments and rates.
  ...SUBSIDIES_EVENTS,
  // The county's monthly report (月报), kept as sent.
  ...MONTHLY_REPORT_EVENTS,
] as const satisfies readonly EventDefinition[];

type CurrentDefinition = (typeof CURRENT_EVENTS)[number];

export type DomainEvent = EventOf<CurrentDefinition>;
export type EventType = DomainEvent['type'];
/** The current-version data of one event type. */
export type EventData<T extends EventType> = Extract<DomainEvent, { type: T }>['data'];
/** The typed event of one type. */
export type EventOfType<T extends EventType> = Extract<DomainEvent, { type: T }>;

export const EVENT_TYPES: readonly EventType[] = CURRENT_EVENTS.map((d) => d.type);

/**
 * One valid example of every current event type (each definition's own), typed against the schemas; handy
 * for other suites' fixtures.
 */
export const EVENT_EXAMPLES = Object.freeze(
  Object.fromEntries(CURRENT_EVENTS.map((d) => [d.type, d.example])),
) as { readonly [T in EventType]: EventData<T> };

/** The typed events of one kind of stream (the definitions whose `stream` it is): what its decider folds. */
export type EventsOfStream<K extends StreamKind> = EventOf<
  Extract<CurrentDefinition, { readonly stream: K }>
>;

const TYPES_OF_STREAM: ReadonlyMap<StreamKind, readonly EventType[]> = new Map(
  (Object.keys(STREAM_KINDS) as StreamKind[]).map((kind) => [
    kind,
    Object.freeze(CURRENT_EVENTS.filter((d) => d.stream === kind).map((d) => d.type)),
  ]),
);

/** The event types one kind of stream holds, in the order of the definitions. */
export const eventTypesOf = <K extends StreamKind>(kind: K): readonly EventsOfStream<K>['type'][] =>
  TYPES_OF_STREAM.get(kind) as readonly EventsOfStream<K>['type'][];

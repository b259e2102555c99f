import type { MonitorEvent } from './monitor.events';
import type { PlacementsEvent } from './placements.events';
import type { PostingsEvent } from './postings.events';
import type { ResidentEvent } from './resident.events';
import type { WorkforceEvent } from './workforce.events';

export * from './define-event';
export * from './monitor.events';
export * from './placements.events';
export * from './postings.events';
export * from './resident.events';
export * from './workforce.events';

export type DomainEvent = PostingsEvent | WorkforceEvent | ResidentEvent | PlacementsEvent | MonitorEvent;
export type EventType = DomainEvent['type'];
/** The current-version data of one event type. */
export type EventData<T extends EventType> = Extract<DomainEvent, { type: T }>['data'];
/** The typed event of one type. */
export type EventOfType<T extends EventType> = Extract<DomainEvent, { type: T }>;
export * from './event-examples';

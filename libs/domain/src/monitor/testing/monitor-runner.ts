import { currentDefinition } from '@contracts';
import {
  applyToMonitorReadModel,
  EMPTY_MONITOR_READ_MODEL,
  type MonitorReadModel,
} from '../monitor-read-model';
import type { AnyEnvelope } from '../../shared/keyed-projection';
import type { MonitorAppend } from '../employment-monitor.process-manager';

/**
 * A stand-in for the event store in the monitor's tests: it keeps the global log, numbers what the process
 * manager appends, and applies the store's append rules (`no_stream` for a new stream; the same ids again are
 * a no-op; some of them again is a conflict).
 */
export class InMemoryMonitorLog {
  readonly log: AnyEnvelope[] = [];
  private readonly streams = new Map<string, string[]>();
  private nextPosition = 1n;

  /** Records a domain event as the store would: a fresh global position. */
  record(event: AnyEnvelope): AnyEnvelope {
    const recorded = { ...event, position: this.nextPosition++ } as AnyEnvelope;
    this.log.push(recorded);
    return recorded;
  }

  /** Appends the process manager's events; the recorded envelopes, or [] for an idempotent repeat. */
  append(append: MonitorAppend): AnyEnvelope[] {
    const ids = this.streams.get(append.streamId) ?? [];
    const incoming = append.events.map((e) => e.id);
    // The same ids stored: a repeat. Some of them, or a case's opening on a stream that exists: a conflict.
    if (incoming.every((id) => ids.includes(id))) return [];
    if (incoming.some((id) => ids.includes(id))) throw new Error(`${append.streamId}: ids partly stored`);
    if (append.expectedRevision === 'no_stream' && ids.length > 0) {
      throw new Error(`${append.streamId}: expected no stream, it holds ${ids.length} events`);
    }
    this.streams.set(append.streamId, [...ids, ...incoming]);
    return append.events.map(
      (e, i) =>
        ({
          ...e,
          version: currentDefinition(e.type)?.version ?? 1,
          streamId: append.streamId,
          revision: ids.length + i,
          position: this.nextPosition++,
        }) as AnyEnvelope,
    );
  }

  monitorEventIds(streamId: string): readonly string[] {
    return this.streams.get(streamId) ?? [];
  }
}

/**
 * Runs the monitor live: each domain event is recorded and applied, the process manager's appends go to the
 * log and their events are applied right after (as a subscription would deliver them).
 */
export function runMonitorLive(
  events: readonly AnyEnvelope[],
  store: InMemoryMonitorLog = new InMemoryMonitorLog(),
  start: MonitorReadModel = EMPTY_MONITOR_READ_MODEL,
): { model: MonitorReadModel; store: InMemoryMonitorLog } {
  let model = start;
  const deliver = (event: AnyEnvelope) => {
    const step = applyToMonitorReadModel(model, event);
    model = step.model;
    for (const append of step.appends) {
      for (const recorded of store.append(append)) {
        store.log.push(recorded);
        deliver(recorded);
      }
    }
  };
  for (const event of events) deliver(store.record(event));
  return { model, store };
}

/** Rebuilds from a recorded log (monitor events included); the process manager's appends must all be repeats. */
export function rebuildMonitor(
  log: readonly AnyEnvelope[],
  store: InMemoryMonitorLog,
  start: MonitorReadModel = EMPTY_MONITOR_READ_MODEL,
): MonitorReadModel {
  let model = start;
  for (const event of log) {
    const step = applyToMonitorReadModel(model, event);
    model = step.model;
    for (const append of step.appends) {
      if (store.append(append).length > 0)
        throw new Error(`${append.streamId}: a rebuild appended new events`);
    }
  }
  return model;
}

import { decodeStoredEvent, encodeEvent, streamKindOf, type DomainEvent } from '@contracts';
import type { EventStore, RecordedEvent } from '@lib/event-store';
import type { AnyEnvelope } from '@lib/domain/shared/keyed-projection';
import {
  EMPTY_MONITOR_READ_MODEL,
  applyToMonitorReadModel,
  type MonitorReadModel,
} from '@lib/domain/monitor/monitor-read-model';
import type { MonitorAppend } from '@lib/domain/monitor/employment-monitor.process-manager';
import {
  caseFilesCollection,
  countySettingsCollection,
  followUpsCollection,
  householdPlacementsCollection,
  householdsCollection,
  monitorOutboxCollection,
  regionsCollection,
  subsidiesCollection,
  subsidyClaimsCollection,
  vacanciesCollection,
  vacancyPlacementsCollection,
  workersCollection,
  workshopRegisterCollection,
} from '../monitor-collections';
import { findAll, type ReadStore } from '@lib/read-store';

/** Appends decoded envelopes (from the history generator) to a real store, each at its stream revision. */
export async function appendHistory(store: EventStore, events: readonly AnyEnvelope[]): Promise<void> {
  for (const e of events) {
    const { type, version, data } = encodeEvent(e as DomainEvent);
    await store.append(
      e.streamId,
      [{ id: e.id, type, version, occurredAt: e.occurredAt, data, metadata: { ...e.metadata } }],
      e.revision === 0 ? 'no_stream' : e.revision - 1,
    );
  }
}

export async function readLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const e of store.readAll()) events.push(e);
  return events;
}

/** The pure oracle: `applyToMonitorReadModel` folded over the whole stored log, with every append it asked for. */
export async function foldLog(
  store: EventStore,
): Promise<{ model: MonitorReadModel; appends: MonitorAppend[] }> {
  let model = EMPTY_MONITOR_READ_MODEL;
  const appends: MonitorAppend[] = [];
  for (const record of await readLog(store)) {
    const step = applyToMonitorReadModel(model, decodeStoredEvent(record) as AnyEnvelope);
    model = step.model;
    appends.push(...step.appends);
  }
  return { model, appends };
}

/** Every monitor projection's documents, in key order: what two runs must agree on. */
export async function snapshot(store: ReadStore) {
  return {
    households: await findAll(store, householdsCollection),
    regions: await findAll(store, regionsCollection),
    cases: await findAll(store, caseFilesCollection),
    workers: await findAll(store, workersCollection),
    vacancies: await findAll(store, vacanciesCollection),
    subsidies: await findAll(store, subsidiesCollection),
    subsidyClaims: await findAll(store, subsidyClaimsCollection),
    countySettings: await findAll(store, countySettingsCollection),
    followUps: await findAll(store, followUpsCollection),
    householdPlacements: await findAll(store, householdPlacementsCollection),
    vacancyPlacements: await findAll(store, vacancyPlacementsCollection),
    workshops: await findAll(store, workshopRegisterCollection),
  };
}

/** The process manager's outbox: appends committed with a batch and not yet known to be in the event store. */
export const outboxOf = (store: ReadStore): Promise<MonitorAppend[]> =>
  findAll(store, monitorOutboxCollection);

const byKey = <T>(record: Readonly<Record<string, T>>): T[] =>
  Object.keys(record)
    .sort()
    .map((k) => record[k]);

/** The oracle's model in the same shape as `snapshot`. */
export const snapshotOfModel = (model: MonitorReadModel) => ({
  households: byKey(model.households),
  regions: byKey(model.regions),
  cases: byKey(model.cases),
  workers: byKey(model.workers),
  vacancies: byKey(model.vacancies),
  subsidies: byKey(model.subsidies),
  subsidyClaims: byKey(model.subsidyClaims),
  countySettings: byKey(model.countySettings),
  followUps: byKey(model.followUps),
  householdPlacements: byKey(model.householdPlacements),
  vacancyPlacements: byKey(model.vacancyPlacements),
  workshops: byKey(model.workshops),
});

/** Monitor events in the log: `type id` of each, in order. */
export const monitorEventsOf = (log: readonly RecordedEvent[]): string[] =>
  log
    .filter((e) => ['employmentMonitor', 'zeroEmploymentCase'].includes(streamKindOf(e.streamId) ?? ''))
    .map((e) => `${e.type} ${e.id}`);

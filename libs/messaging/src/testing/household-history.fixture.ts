import { randomUUID } from 'node:crypto';
import { decodeStoredEvent, encodeEvent, type DomainEvent } from '@contracts';
import { householdEmploymentProjection } from '@lib/domain/monitor/household-employment.projection';
import { type HouseholdEmployment } from '@lib/domain/monitor/household-employment';
import { reduceDocuments, type AnyEnvelope, type DocumentMap } from '@lib/domain/shared/keyed-projection';
import { HouseholdScript } from '@lib/domain/monitor/testing';
import type { EventStore, EventToAppend } from '@lib/event-store';
import type { EnvelopeHandler, Envelope } from '../consumers/projection-consumer';

/** A few event-store appends per household, schema-valid, so every event goes through the real decoders. */
export async function appendHouseholdHistories(
  store: EventStore,
  households: number,
  from = 0,
): Promise<void> {
  for (let h = from; h < from + households; h++) {
    const script = new HouseholdScript(`hh-${h}`, '520402')
      .register('2026-01-05T08:00:00.000Z', ['full', 'partial', 'none'])
      .place('2026-02-01T08:00:00.000Z', 1, `pl-${h}-1`, 'out_of_province')
      .end('2026-03-01T08:00:00.000Z', 1, `pl-${h}-1`)
      .report('2026-03-10T08:00:00.000Z', 2, `emp-${h}-2`, 'flexible');
    // One append per step, as the command handlers do (registration with its members in one).
    const steps = [script.log.events.slice(0, 4), ...script.log.events.slice(4).map((e) => [e])];
    let revision: number | 'no_stream' = 'no_stream';
    for (const step of steps) {
      const result = await store.append(step[0].streamId, step.map(toAppend), revision);
      revision = result.nextExpectedRevision;
    }
  }
}

// The fixture's envelopes carry the current data under version 1; encodeEvent stamps the current version.
const toAppend = (envelope: AnyEnvelope): EventToAppend => ({
  id: randomUUID(),
  ...encodeEvent({ type: envelope.type, data: envelope.data } as DomainEvent),
  occurredAt: envelope.occurredAt,
  metadata: envelope.metadata,
});

/**
 * The household-employment documents, fed by envelopes (idempotent through the projection's revision
 * guard). `applied` counts every envelope handed over, repeats included.
 */
export class HouseholdReadModel implements EnvelopeHandler {
  documents: DocumentMap<HouseholdEmployment> = {};
  applied = 0;
  /** Revisions each stream received, in delivery order (repeats included). */
  readonly deliveries = new Map<string, number[]>();

  async applyEnvelopes(envelopes: readonly Envelope[]): Promise<void> {
    for (const envelope of envelopes) {
      this.documents = reduceDocuments(householdEmploymentProjection, this.documents, envelope);
      this.applied += 1;
      const seen = this.deliveries.get(envelope.streamId) ?? [];
      seen.push(envelope.revision);
      this.deliveries.set(envelope.streamId, seen);
    }
  }
}

/** The documents a projection straight from the store's log gives: what every bus path must end with. */
export async function referenceModel(store: EventStore): Promise<DocumentMap<HouseholdEmployment>> {
  const model = new HouseholdReadModel();
  for await (const event of store.readAll()) await model.applyEnvelopes([decodeStoredEvent(event)]);
  return model.documents;
}

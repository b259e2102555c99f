import type { EventData, EventOfType, EventType } from '@contracts';
import { eventTimeOf } from '@contracts';
import type { AnyEnvelope, EnvelopeOf } from '../../shared/keyed-projection';

/**
 * Builds decoded envelopes as a store would number them: revisions per stream from 0, one global position
 * per event from 1. Test fixtures only.
 */
export class EventLogBuilder {
  private nextPosition = 1n;
  private readonly revisions = new Map<string, number>();
  readonly events: AnyEnvelope[] = [];

  append<T extends EventType>(
    streamId: string,
    type: T,
    data: EventData<T>,
    occurredAt?: string,
  ): EnvelopeOf<T> {
    const revision = (this.revisions.get(streamId) ?? -1) + 1;
    this.revisions.set(streamId, revision);
    const position = this.nextPosition++;
    const envelope = {
      ...({ type, data } as EventOfType<T>),
      id: `${streamId}@${revision}`,
      version: 1,
      streamId,
      revision,
      position,
      occurredAt: occurredAt ?? '',
      metadata: {
        actor: { id: 'officer-1', role: 'county_office' as const },
        correlationId: `corr-${position}`,
        causationId: `corr-${position}`,
      },
    } as EnvelopeOf<T>;
    // By default the event occurred at the time its data carries, as the deciders stamp it.
    if (occurredAt === undefined) {
      Object.assign(envelope, { occurredAt: eventTimeOf(envelope as unknown as AnyEnvelope) });
    }
    this.events.push(envelope as unknown as AnyEnvelope);
    return envelope;
  }
}

import type { RecordedEvent } from '@lib/event-store';
import { routeByStream, toBusMessage } from '../envelope-message';
import type { InProcessEventBus } from '../in-process/in-process-event-bus';

/**
 * Partitions that interleave, for tests of consumers that must not assume the log's order. The in-process bus
 * already hands a group one partition's batch at a time, round robin, so batches of different partitions
 * arrive out of global-position order; these helpers let a test go further and publish the store's events
 * partition by partition in an order of its choosing (as the relay would publish them, but holding some
 * partitions back), and wait until a group has consumed everything published.
 */

/** The `topic:partition` an event goes to (the relay's route, the bus's partition of the stream id). */
export function partitionOfEvent(bus: InProcessEventBus, event: RecordedEvent): string {
  return `${routeByStream(event)}:${bus.partitionOf(event.streamId)}`;
}

/** Publishes stored events as the relay would (same topic, key and envelope), in the order given. */
export async function publishEvents(bus: InProcessEventBus, events: readonly RecordedEvent[]): Promise<void> {
  await bus.publish(events.map((event) => toBusMessage(event)));
}

/** Splits events into those of the partitions `held` picks and the others, each in the order given. */
export function holdBack(
  bus: InProcessEventBus,
  events: readonly RecordedEvent[],
  held: (partition: string) => boolean,
): { held: RecordedEvent[]; others: RecordedEvent[] } {
  const split = { held: [] as RecordedEvent[], others: [] as RecordedEvent[] };
  for (const event of events) (held(partitionOfEvent(bus, event)) ? split.held : split.others).push(event);
  return split;
}

/** Resolves once `groupId` has committed every partition of `topics` up to its end; rejects after `timeoutMs`. */
export async function consumedAll(
  bus: InProcessEventBus,
  groupId: string,
  topics: readonly string[],
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const behind = (): string | undefined => {
    const committed = bus.committedOffsets(groupId);
    for (const topic of topics) {
      const partitions = bus.log(topic);
      for (let p = 0; p < partitions.length; p++) {
        if ((committed.get(`${topic}:${p}`) ?? 0) < partitions[p].length) return `${topic}:${p}`;
      }
    }
    return undefined;
  };
  for (let lagging = behind(); lagging !== undefined; lagging = behind()) {
    if (Date.now() > deadline) throw new Error(`group ${groupId} has not consumed ${lagging}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

import { SqliteEventStore } from '@lib/event-store';
import type { BatchControl, BusMessage, ConsumedBatch } from '../event-bus.port';
import { InProcessEventBus } from '../in-process/in-process-event-bus';
import type { InProcessConsumer } from '../in-process/in-process-consumer';
import { InMemoryCheckpointStore } from '../relay/checkpoint-store';
import { EventRelay } from '../relay/event-relay';
import { waitUntil } from '../testing/event-bus.contract';
import {
  appendHouseholdHistories,
  HouseholdReadModel,
  referenceModel,
} from '../testing/household-history.fixture';
import { ALL_TOPICS, HEADERS, TOPICS } from '../topics';
import { PoisonMessage, ProjectionConsumer, type Envelope } from './projection-consumer';

describe('ProjectionConsumer', () => {
  let store: SqliteEventStore;
  let bus: InProcessEventBus;
  const consumers: ProjectionConsumer[] = [];

  beforeEach(async () => {
    store = SqliteEventStore.open(':memory:');
    bus = new InProcessEventBus({ partitions: 4, maxBatchSize: 8 });
    await bus.ensureTopics(ALL_TOPICS);
    await appendHouseholdHistories(store, 12);
    await new EventRelay(store, bus, new InMemoryCheckpointStore()).catchUp();
  });
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
    await bus.close();
    await store.close();
  });

  const start = async (
    model: { applyEnvelopes(e: readonly Envelope[]): Promise<void> },
    groupId = 'monitor',
  ) => {
    const consumer = new ProjectionConsumer(bus, model, {
      groupId,
      topics: [TOPICS.workforce],
      retryDelayMs: 1,
    });
    consumers.push(consumer);
    return { consumer, bus: await consumer.start() };
  };
  const committedTotal = (groupId = 'monitor') =>
    [...bus.committedOffsets(groupId).values()].reduce((sum, n) => sum + n, 0);

  it('projects every stream in revision order across partitions and commits everything', async () => {
    const model = new HouseholdReadModel();
    await start(model);
    await waitUntil(() => committedTotal() === 84, 5000, 'all committed');
    expect(model.documents).toEqual(await referenceModel(store));
    for (const revisions of model.deliveries.values()) expect(revisions).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('redelivers what a crashed consumer wrote but did not commit; the idempotent projection absorbs it', async () => {
    const model = new HouseholdReadModel();
    let crashed = false;
    const crashing = {
      // The first batch is written, then the process dies before the commit.
      applyEnvelopes: async (envelopes: readonly Envelope[]) => {
        await model.applyEnvelopes(envelopes);
        if (!crashed) {
          crashed = true;
          await (first as InProcessConsumer).crash();
        }
      },
    };
    const { bus: first } = await start(crashing);
    await waitUntil(() => crashed, 5000, 'crash');
    expect(committedTotal()).toBe(0);

    await start(model);
    await waitUntil(() => committedTotal() === 84, 5000, 'all committed after the restart');
    expect(model.applied).toBe(84 + 8);
    expect(model.documents).toEqual(await referenceModel(store));
  });

  it('dead-letters an undecodable message with its reason and moves the offset past it', async () => {
    const dead: string[] = [];
    const bad: BusMessage[] = [
      { topic: TOPICS.workforce, key: 'household-x', value: '{not json', headers: { 'event-type': '?' } },
      {
        topic: TOPICS.workforce,
        key: 'household-y',
        value: JSON.stringify({
          id: 'e1',
          type: 'NoSuchEvent',
          version: 1,
          streamId: 'household-y',
          revision: 0,
          position: '999',
          occurredAt: '2026-01-01T00:00:00.000Z',
          data: {},
          metadata: { actor: { id: 'a', role: 'admin' }, correlationId: 'c', causationId: 'c' },
        }),
        headers: {},
      },
    ];
    await bus.publish(bad);
    const model = new HouseholdReadModel();
    const consumer = new ProjectionConsumer(bus, model, {
      groupId: 'monitor',
      topics: [TOPICS.workforce],
      onDeadLetter: (d) => dead.push(d.message.key),
    });
    consumers.push(consumer);
    await consumer.start();
    await waitUntil(() => committedTotal() === 86, 5000, 'all committed');

    const letters = bus.messagesOf(TOPICS.deadLetter);
    expect(letters.map((m) => m.key).sort()).toEqual(['household-x', 'household-y']);
    const x = letters.find((m) => m.key === 'household-x');
    expect(x?.value).toBe('{not json');
    expect(x?.headers[HEADERS.deadLetterCode]).toBe('undecodable_message');
    expect(x?.headers[HEADERS.deadLetterReason]).toMatch(/not JSON/);
    expect(x?.headers[HEADERS.deadLetterTopic]).toBe(TOPICS.workforce);
    expect(x?.headers[HEADERS.deadLetterGroup]).toBe('monitor');
    const y = letters.find((m) => m.key === 'household-y');
    expect(y?.headers[HEADERS.deadLetterCode]).toBe('unknown_event_type');
    expect(dead.sort()).toEqual(['household-x', 'household-y']);
    expect(model.documents).toEqual(await referenceModel(store));
  });

  it('isolates and dead-letters the one event a handler refuses for good; the rest of its batch is applied', async () => {
    const model = new HouseholdReadModel();
    const refusing = {
      applyEnvelopes: async (envelopes: readonly Envelope[]) => {
        if (envelopes.some((e) => e.streamId === 'household-hh-3' && e.revision === 5)) {
          throw new PoisonMessage('cannot apply household-hh-3@5');
        }
        await model.applyEnvelopes(envelopes);
      },
    };
    await start(refusing);
    await waitUntil(() => committedTotal() === 84, 5000, 'all committed');
    const letters = bus.messagesOf(TOPICS.deadLetter);
    expect(letters).toHaveLength(1);
    expect(letters[0].headers[HEADERS.deadLetterReason]).toBe('cannot apply household-hh-3@5');
    expect(letters[0].headers[HEADERS.deadLetterCode]).toBe('poison_message');
    expect(model.deliveries.get('household-hh-3')).not.toContain(5);
    expect(model.deliveries.get('household-hh-4')).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('retries a transient failure without committing, then gives the batch back to the bus, never dead-letters it', async () => {
    const model = new HouseholdReadModel();
    let failures = 0;
    let committedDuringFailures = -1;
    const flaky = {
      applyEnvelopes: async (envelopes: readonly Envelope[]) => {
        // Seven failures: more than one batch's five tries, so the bus redelivers it once.
        if (failures < 7) {
          failures += 1;
          committedDuringFailures = Math.max(committedDuringFailures, committedTotal());
          throw new Error('read store unavailable');
        }
        await model.applyEnvelopes(envelopes);
      },
    };
    await start(flaky);
    await waitUntil(() => committedTotal() === 84, 5000, 'all committed');
    expect(committedDuringFailures).toBe(0);
    expect(bus.messagesOf(TOPICS.deadLetter)).toHaveLength(0);
    expect(model.documents).toEqual(await referenceModel(store));
  });

  it('commits the batch only after the handler has written it', async () => {
    const order: string[] = [];
    const consumer = new ProjectionConsumer(
      bus,
      { applyEnvelopes: async () => void order.push('write') },
      { groupId: 'g', topics: [TOPICS.workforce] },
    );
    const messages = bus
      .messagesOf(TOPICS.workforce)
      .filter((m) => m.partition === 0)
      .slice(0, 3);
    const batch: ConsumedBatch = { topic: TOPICS.workforce, partition: 0, messages };
    const control: BatchControl = {
      heartbeat: async () => undefined,
      isRunning: () => true,
      commit: async (offset) => void order.push(`commit ${offset}`),
    };
    await consumer.handleBatch(batch, control);
    expect(order).toEqual(['write', 'commit 2']);
  });
});

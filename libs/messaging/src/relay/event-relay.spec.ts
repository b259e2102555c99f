import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore, type RecordedEvent } from '@lib/event-store';
import { decodeBusMessage } from '../envelope-message';
import type { BusMessage } from '../event-bus.port';
import { InProcessEventBus } from '../in-process/in-process-event-bus';
import { ProjectionConsumer } from '../consumers/projection-consumer';
import { waitUntil } from '../testing/event-bus.contract';
import { FaultyEventBus } from '../testing/faulty-event-bus';
import {
  appendHouseholdHistories,
  HouseholdReadModel,
  referenceModel,
} from '../testing/household-history.fixture';
import { ALL_TOPICS, HEADERS, TOPICS } from '../topics';
import { InMemoryCheckpointStore } from './checkpoint-store';
import { EventRelay } from './event-relay';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';

const directory = mkdtempSync(join(tmpdir(), 'event-relay-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function storedEvents(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

describe('EventRelay', () => {
  let store: SqliteEventStore;
  let bus: InProcessEventBus;
  const following: EventRelay[] = [];

  beforeEach(async () => {
    store = SqliteEventStore.open(':memory:');
    bus = new InProcessEventBus({ partitions: 4 });
    await bus.ensureTopics(ALL_TOPICS);
  });
  afterEach(async () => {
    await Promise.all(following.splice(0).map((r) => r.stop()));
    await bus.close();
    await store.close();
  });

  it('publishes every stored event once, keyed by its stream, as envelope JSON, and checkpoints the head', async () => {
    await appendHouseholdHistories(store, 10);
    const checkpoints = new InMemoryCheckpointStore();
    const relay = new EventRelay(store, bus, checkpoints, { batchSize: 7 });

    expect(await relay.catchUp()).toBe(70);

    const stored = await storedEvents(store);
    const published = bus.messagesOf(TOPICS.workforce);
    expect(published).toHaveLength(stored.length);
    expect(await checkpoints.load('relay')).toBe(await store.headPosition());
    const byId = new Map(published.map((m) => [decodeBusMessage(m.value).id, m]));
    for (const event of stored) {
      const message = byId.get(event.id) as BusMessage;
      expect(message.key).toBe(event.streamId);
      expect(message.headers[HEADERS.position]).toBe(String(event.position));
      expect(decodeBusMessage(message.value)).toMatchObject({
        streamId: event.streamId,
        revision: event.revision,
        position: event.position,
        type: event.type,
      });
    }
    // A stream's messages sit in one partition, in revision order.
    for (const streamId of new Set(stored.map((e) => e.streamId))) {
      const ofStream = published.filter((m) => m.key === streamId);
      expect(new Set(ofStream.map((m) => m.partition)).size).toBe(1);
      expect(ofStream.map((m) => decodeBusMessage(m.value).revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    }
  });

  it('checkpoints only after the bus acknowledged: a lost ack re-publishes after a restart, and the projection absorbs the repeats', async () => {
    await appendHouseholdHistories(store, 6);
    const checkpoints = new InMemoryCheckpointStore();
    const faulty = new FaultyEventBus(bus);
    const relay = new EventRelay(store, faulty, checkpoints, { batchSize: 10 });

    expect(await relay.publishNextBatch()).toBe(10);
    const afterFirst = await checkpoints.load('relay');
    faulty.failNext('ack_lost');
    await expect(relay.publishNextBatch()).rejects.toThrow('acknowledgement lost');
    expect(await checkpoints.load('relay')).toBe(afterFirst);
    faulty.failNext('refused');
    await expect(relay.publishNextBatch()).rejects.toThrow('broker unavailable');
    expect(await checkpoints.load('relay')).toBe(afterFirst);

    // A new relay process: starts from the durable checkpoint, so the unacknowledged batch goes again.
    const restarted = new EventRelay(store, faulty, checkpoints, { batchSize: 10 });
    expect(await restarted.catchUp()).toBe(32);
    expect(bus.messagesOf(TOPICS.workforce)).toHaveLength(42 + 10);

    const model = new HouseholdReadModel();
    const consumer = new ProjectionConsumer(bus, model, { groupId: 'monitor', topics: [TOPICS.workforce] });
    await consumer.start();
    await waitUntil(() => model.applied >= 52, 5000, 'all deliveries');
    await consumer.stop();
    expect(model.applied).toBe(52);
    expect(model.documents).toEqual(await referenceModel(store));
  });

  it('never publishes what is not in the store, nor beyond its head, while appends go on during a follow', async () => {
    const storeIds = async () => new Set((await storedEvents(store)).map((e) => e.id));
    const violations: string[] = [];
    const spy = new FaultyEventBus(bus, async (messages) => {
      const head = await store.headPosition();
      const ids = await storeIds();
      for (const m of messages) {
        const envelope = decodeBusMessage(m.value);
        if (envelope.position > head) violations.push(`${envelope.position} > head ${head}`);
        if (!ids.has(envelope.id)) violations.push(`${envelope.id} not in the store`);
      }
    });
    const relay = new EventRelay(store, spy, new InMemoryCheckpointStore(), {
      batchSize: 5,
      pollIntervalMs: 50,
    });
    following.push(relay);
    await appendHouseholdHistories(store, 2);
    await relay.start();
    for (let round = 0; round < 4; round++) await appendHouseholdHistories(store, 2, 2 + round * 2);
    await waitUntil(() => relay.published >= 70, 5000, 'relay caught up');
    await relay.stop();

    expect(violations).toEqual([]);
    expect(relay.position()).toBe(await store.headPosition());
    expect(bus.messagesOf(TOPICS.workforce)).toHaveLength(70);
    expect(spy.publishCalls).toBeGreaterThan(1);
  });

  it('retries a failed publish on its own while following, from the durable checkpoint', async () => {
    await appendHouseholdHistories(store, 3);
    const faulty = new FaultyEventBus(bus);
    faulty.failNext('refused', 'ack_lost');
    const errors: unknown[] = [];
    const relay = new EventRelay(store, faulty, new InMemoryCheckpointStore(), {
      retryDelayMs: 5,
      onError: (e) => errors.push(e),
    });
    following.push(relay);
    await relay.start();
    await waitUntil(() => relay.position() === 21n, 5000, 'caught up after failures');
    await relay.stop();
    expect(errors).toHaveLength(2);
    // The lost ack wrote the batch once more than needed; nothing is missing.
    expect(bus.messagesOf(TOPICS.workforce)).toHaveLength(42);
  });

  it('keeps its checkpoint in SQLite across a restart of the process', async () => {
    const path = join(directory, 'checkpoints.db');
    await appendHouseholdHistories(store, 2);
    const first = SqliteCheckpointStore.open(path);
    await new EventRelay(store, bus, first).catchUp();
    first.close();

    await appendHouseholdHistories(store, 1, 2);
    const second = SqliteCheckpointStore.open(path);
    expect(await second.load('relay')).toBe(14n);
    expect(await new EventRelay(store, bus, second).catchUp()).toBe(7);
    second.close();
    expect(bus.messagesOf(TOPICS.workforce)).toHaveLength(21);
  });

  it('stops instead of publishing an event whose stream has no topic', async () => {
    await store.append(
      'mystery-1',
      [
        {
          id: '6f1c1d4e-1111-4c1a-9a60-000000000001',
          type: 'HouseholdRegistered',
          version: 1,
          occurredAt: '2026-01-01T00:00:00.000Z',
          data: {},
          metadata: {},
        },
      ],
      'no_stream',
    );
    const checkpoints = new InMemoryCheckpointStore();
    await expect(new EventRelay(store, bus, checkpoints).catchUp()).rejects.toThrow('No topic');
    expect(await checkpoints.load('relay')).toBeUndefined();
  });
});

import fc from 'fast-check';
import { SqliteEventStore } from '@lib/event-store';
import { householdHistoryArbitrary } from '@lib/domain/monitor/testing/history.arbitrary';
import { ALL_TOPICS, EventRelay, InMemoryCheckpointStore, InProcessEventBus } from '@lib/messaging';
import { MONITOR_COLLECTIONS } from '@lib/application';
import { SqliteReadStore } from '@lib/read-store';
import {
  appendHistory,
  foldLog,
  monitorEventsOf,
  readLog,
  snapshot,
  snapshotOfModel,
} from '@lib/application/monitor/testing/monitor-fixtures';
import { KafkaMonitorFeed } from './kafka-monitor-feed';

/** The feed appends case events, which the relay publishes and the feed applies again: wait for a fixpoint. */
async function settle(feed: KafkaMonitorFeed, store: SqliteEventStore): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const head = await store.headPosition();
    if (!(await feed.waitFor(head, 5000))) throw new Error(`feed never applied ${head}`);
    await new Promise((resolve) => setTimeout(resolve, 30));
    if ((await store.headPosition()) === head) return;
  }
  throw new Error('the Kafka-fed monitor never settled');
}

describe('KafkaMonitorFeed (over the in-process bus: partitions, batches, redelivery as Kafka)', () => {
  it('builds from the bus what the pure fold of the log gives, appending each case event once', async () => {
    const histories = fc.sample(householdHistoryArbitrary({ maxHouseholds: 6, maxSteps: 60 }), {
      numRuns: 6,
      seed: 20_240_601,
    });
    for (const history of histories) {
      const events = SqliteEventStore.open(':memory:');
      const reads = SqliteReadStore.open(':memory:', MONITOR_COLLECTIONS);
      const bus = new InProcessEventBus({ partitions: 4, maxBatchSize: 7 });
      await bus.ensureTopics(ALL_TOPICS);
      const relay = new EventRelay(events, bus, new InMemoryCheckpointStore(), { pollIntervalMs: 20 });
      const feed = new KafkaMonitorFeed(events, reads, bus, { retryDelayMs: 1 });
      try {
        await feed.start();
        await relay.start();
        await appendHistory(events, history.events);
        await settle(feed, events);
        const oracle = await foldLog(events);
        expect(await snapshot(reads)).toEqual(snapshotOfModel(oracle.model));
        const appended = monitorEventsOf(await readLog(events));
        const expected = oracle.appends.flatMap((a) => a.events.map((e) => `${e.type} ${e.id}`));
        expect([...appended].sort()).toEqual(expected.sort());
        expect(feed.running).toBe(true);
        expect(feed.failed).toBeUndefined();
      } finally {
        await relay.stop();
        await feed.stop();
        await reads.close();
        await events.close();
      }
    }
  });

  it('answers read-your-writes once everything up to the position is applied, and times out before', async () => {
    const events = SqliteEventStore.open(':memory:');
    const reads = SqliteReadStore.open(':memory:', MONITOR_COLLECTIONS);
    const bus = new InProcessEventBus({ partitions: 3 });
    await bus.ensureTopics(ALL_TOPICS);
    const relay = new EventRelay(events, bus, new InMemoryCheckpointStore());
    const feed = new KafkaMonitorFeed(events, reads, bus);
    const [history] = fc.sample(householdHistoryArbitrary({ maxHouseholds: 2, maxSteps: 10 }), {
      numRuns: 1,
      seed: 3,
    });
    try {
      await feed.start();
      await appendHistory(events, history.events);
      const head = await events.headPosition();
      expect(await feed.waitFor(head, 50)).toBe(false); // not relayed yet
      const waiting = feed.waitFor(head, 5000);
      await relay.catchUp();
      expect(await waiting).toBe(true);
      expect(feed.position()).toBeGreaterThanOrEqual(head);
    } finally {
      await feed.stop();
      await reads.close();
      await events.close();
    }
  });
});

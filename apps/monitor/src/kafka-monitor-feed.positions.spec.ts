import { SqliteEventStore, type Position } from '@lib/event-store';
import {
  ALL_TOPICS,
  EVENT_TOPICS,
  EventRelay,
  InMemoryCheckpointStore,
  InProcessEventBus,
  type Envelope,
} from '@lib/messaging';
import { appendHouseholdHistories } from '@lib/messaging/testing/household-history.fixture';
import {
  consumedAll,
  holdBack,
  partitionOfEvent,
  publishEvents,
} from '@lib/messaging/testing/partitioned-delivery';
import { MONITOR_COLLECTIONS, employmentMonitorProjector } from '@lib/application';
import { ProjectionRunner, SqliteReadStore } from '@lib/read-store';
import {
  foldLog,
  monitorEventsOf,
  readLog,
  snapshot,
  snapshotOfModel,
} from '@lib/application/monitor/testing/monitor-fixtures';
import { KafkaMonitorFeed } from './kafka-monitor-feed';

const GROUP = 'monitor';

/**
 * The bug report's scenario (6 partitions, a few thousand events, both services restarted), replayed over the
 * in-process bus: a stream's events stay in order in one partition, the partitions interleave, so the batches
 * reach the feed out of the log's order and the last batch written is not the one holding the highest position.
 */
describe('KafkaMonitorFeed positions with interleaved partitions', () => {
  let events: SqliteEventStore;
  let reads: SqliteReadStore;
  let bus: InProcessEventBus;
  let relay: EventRelay;
  const feeds: KafkaMonitorFeed[] = [];

  beforeEach(async () => {
    events = SqliteEventStore.open(':memory:');
    reads = SqliteReadStore.open(':memory:', MONITOR_COLLECTIONS);
    bus = new InProcessEventBus({ partitions: 6, maxBatchSize: 50 });
    await bus.ensureTopics(ALL_TOPICS);
    relay = new EventRelay(events, bus, new InMemoryCheckpointStore());
  });

  afterEach(async () => {
    for (const feed of feeds.splice(0)) await feed.stop();
    await reads.close();
    await events.close();
  });

  const startFeed = async (groupId = GROUP): Promise<KafkaMonitorFeed> => {
    const feed = new KafkaMonitorFeed(events, reads, bus, { groupId, retryDelayMs: 1 });
    feeds.push(feed);
    await feed.start();
    return feed;
  };

  const stopFeed = async (feed: KafkaMonitorFeed): Promise<void> => {
    feeds.splice(feeds.indexOf(feed), 1);
    await feed.stop();
  };

  /** Relays and consumes until the feed's own appends (case events) are relayed and consumed too. */
  const settle = async (groupId = GROUP): Promise<void> => {
    for (let round = 0; round < 20; round++) {
      await consumedAll(bus, groupId, EVENT_TOPICS);
      if ((await relay.catchUp()) === 0) return;
    }
    throw new Error('the feed never settled');
  };

  /** The figures and case events must be what an in-order projection of the log gives, each case event once. */
  const expectInOrderFigures = async (): Promise<void> => {
    const oracle = await foldLog(events);
    expect(await snapshot(reads)).toEqual(snapshotOfModel(oracle.model));
    const appended = monitorEventsOf(await readLog(events));
    const expected = oracle.appends.flatMap((a) => a.events.map((e) => `${e.type} ${e.id}`));
    expect([...appended].sort()).toEqual(expected.sort());
  };

  it('claims after a restart every position it applied, waits for one it has not, and keeps the figures', async () => {
    await appendHouseholdHistories(events, 290);
    await relay.catchUp();
    const first = await startFeed();
    const batchEnds: Position[] = [];
    const apply = first.applyEnvelopes.bind(first);
    jest.spyOn(first, 'applyEnvelopes').mockImplementation(async (envelopes: readonly Envelope[]) => {
      await apply(envelopes);
      batchEnds.push(envelopes[envelopes.length - 1].position);
    });
    await settle();
    const head = await events.headPosition();
    expect(head).toBeGreaterThan(3000n);
    // The report's situation: the partitions interleaved, and the last batch written ended below the head.
    expect(batchEnds.at(-1)).toBeLessThan(head);
    expect(first.position()).toBe(head);

    // Restart (both services, as in the report): a new feed on the same read store, the group's offsets kept.
    await stopFeed(first);
    const second = await startFeed();
    expect(second.position()).toBe(head);
    for (const position of [1n, 441n, 3000n, head]) expect(await second.waitFor(position, 1)).toBe(true);
    expect(await second.waitFor(head + 1n, 20)).toBe(false);
    await expectInOrderFigures();

    // New events; the partition holding the lowest of them is held back while the others are consumed.
    await appendHouseholdHistories(events, 12, 290);
    const fresh = (await readLog(events)).filter((e) => e.position > head);
    const lowest = fresh[0].position;
    const highest = fresh[fresh.length - 1].position;
    const late = partitionOfEvent(bus, fresh[0]);
    const { held, others } = holdBack(bus, fresh, (partition) => partition === late);
    expect(others.length).toBeGreaterThan(0);
    await publishEvents(bus, others);
    await consumedAll(bus, GROUP, EVENT_TOPICS);
    expect(second.position()).toBe(lowest - 1n);
    expect(await second.waitFor(lowest, 50)).toBe(false);
    expect(await second.waitFor(others[others.length - 1].position, 50)).toBe(false);
    const waiting = second.waitFor(highest, 5000);
    await publishEvents(bus, held);
    expect(await waiting).toBe(true);
    expect(second.position()).toBeGreaterThanOrEqual(highest);

    // The relay re-publishes what the test published by hand (repeats), then the feed's case events.
    await settle();
    expect(second.position()).toBe(await events.headPosition());
    await expectInOrderFigures();
  });

  it('changes no figure when a restarted group is handed again what it had applied', async () => {
    await appendHouseholdHistories(events, 60);
    const first = await startFeed();
    await settle();
    const head = await events.headPosition();
    const figures = await snapshot(reads);
    await stopFeed(first);

    // A group with no commits reads every partition from its start: every event comes again.
    const replaying = await startFeed('monitor-replay');
    expect(replaying.position()).toBe(head);
    await consumedAll(bus, 'monitor-replay', EVENT_TOPICS);
    expect(await events.headPosition()).toBe(head);
    expect(replaying.position()).toBe(head);
    expect(await snapshot(reads)).toEqual(figures);
    await expectInOrderFigures();
  });

  it('starts from the position of a store rebuild, and refuses a read store whose positions it cannot know', async () => {
    await appendHouseholdHistories(events, 20);
    const report = await new ProjectionRunner(events, reads, employmentMonitorProjector()).rebuild();
    const figures = await snapshot(reads);
    const rebuilt = await startFeed();
    expect(rebuilt.position()).toBe(report.position);
    await settle();
    expect(await snapshot(reads)).toEqual(figures);
    await stopFeed(rebuilt);

    // Written by the feed before it recorded its pending positions: 440 was only its last batch's end.
    const old = SqliteReadStore.open(':memory:', MONITOR_COLLECTIONS);
    await old.applyBatch({ changes: [], checkpoint: { name: 'monitor-kafka@2', position: 440n } });
    const feed = new KafkaMonitorFeed(events, old, bus);
    await expect(feed.start()).rejects.toThrow(/monitor-kafka@2.*rebuild/);
    expect(feed.failed).toBeDefined();
    await old.close();
  });
});

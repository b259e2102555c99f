/**
 * What the adapter asks of kafkajs, checked against a stand-in of the client (no broker runs here; the
 * behaviour against a real cluster is the contract suite in kafka-event-bus.integration.test.ts).
 */
import type { EachBatchPayload } from 'kafkajs';
import { KafkaEventBus } from './kafka-event-bus';

const calls = {
  producerConfigs: [] as unknown[],
  sendBatch: [] as unknown[],
  runConfigs: [] as {
    autoCommit?: boolean;
    eachBatchAutoResolve?: boolean;
    eachBatch?: (p: EachBatchPayload) => Promise<void>;
  }[],
  createTopics: [] as unknown[],
};

jest.mock('kafkajs', () => {
  const actual = jest.requireActual('kafkajs');
  class Kafka {
    producer(config: unknown) {
      calls.producerConfigs.push(config);
      return {
        connect: async () => undefined,
        disconnect: async () => undefined,
        sendBatch: async (batch: { topicMessages: { topic: string; messages: unknown[] }[] }) => {
          calls.sendBatch.push(batch);
          return batch.topicMessages.map((t) => ({ topicName: t.topic, partition: 0, errorCode: 0 }));
        },
      };
    }
    consumer() {
      return {
        events: { GROUP_JOIN: 'consumer.group_join' },
        on: (_: string, listener: () => void) => listener(),
        connect: async () => undefined,
        subscribe: async () => undefined,
        run: async (config: (typeof calls.runConfigs)[number]) => void calls.runConfigs.push(config),
        disconnect: async () => undefined,
      };
    }
    admin() {
      return {
        connect: async () => undefined,
        disconnect: async () => undefined,
        listTopics: async () => ['relocation.workforce'],
        createTopics: async (options: unknown) => void calls.createTopics.push(options),
      };
    }
  }
  return { ...actual, Kafka };
});

describe('KafkaEventBus (against a stand-in of kafkajs)', () => {
  const bus = new KafkaEventBus({ brokers: ['b:9092'], partitions: 8 });

  it('publishes through an idempotent producer, one request in flight, acks from every in-sync replica', async () => {
    await bus.publish([
      { topic: 'relocation.workforce', key: 'household-1', value: 'a', headers: { h: '1' } },
      { topic: 'relocation.postings', key: 'vacancy-1', value: 'b', headers: {} },
      { topic: 'relocation.workforce', key: 'household-1', value: 'c', headers: {} },
    ]);
    expect(calls.producerConfigs).toEqual([
      expect.objectContaining({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false }),
    ]);
    expect(calls.sendBatch).toEqual([
      {
        acks: -1,
        topicMessages: [
          {
            topic: 'relocation.workforce',
            messages: [
              { key: 'household-1', value: 'a', headers: { h: '1' } },
              { key: 'household-1', value: 'c', headers: {} },
            ],
          },
          { topic: 'relocation.postings', messages: [{ key: 'vacancy-1', value: 'b', headers: {} }] },
        ],
      },
    ]);
  });

  it('creates only the missing topics, with the configured partitions', async () => {
    await bus.ensureTopics(['relocation.workforce', 'relocation.dead-letter']);
    expect(calls.createTopics).toEqual([
      {
        waitForLeaders: true,
        topics: [{ topic: 'relocation.dead-letter', numPartitions: 8, replicationFactor: -1 }],
      },
    ]);
  });

  it('consumes with auto-commit and auto-resolve off, and commits the resolved offset when the handler says so', async () => {
    const order: string[] = [];
    await bus.consume({
      groupId: 'monitor',
      topics: ['relocation.workforce'],
      eachBatch: async (batch, control) => {
        order.push(`handle ${batch.messages.map((m) => `${m.key}@${m.offset}:${m.headers.h}`).join(',')}`);
        await control.heartbeat();
        await control.commit(batch.messages[1].offset);
      },
    });
    const run = calls.runConfigs[0];
    expect(run).toMatchObject({ autoCommit: false, eachBatchAutoResolve: false });
    const uncommitted = {
      topics: [{ topic: 'relocation.workforce', partitions: [{ partition: 2, offset: '42' }] }],
    };
    const payload = {
      batch: {
        topic: 'relocation.workforce',
        partition: 2,
        isEmpty: () => false,
        messages: [
          {
            key: Buffer.from('household-1'),
            value: Buffer.from('{}'),
            offset: '40',
            headers: { h: Buffer.from('x') },
          },
          { key: Buffer.from('household-1'), value: Buffer.from('{}'), offset: '41', headers: {} },
        ],
      },
      heartbeat: async () => void order.push('heartbeat'),
      resolveOffset: (offset: string) => void order.push(`resolve ${offset}`),
      uncommittedOffsets: () => uncommitted,
      commitOffsetsIfNecessary: async (offsets: unknown) => {
        expect(offsets).toBe(uncommitted);
        order.push('commit');
      },
      isRunning: () => true,
      isStale: () => false,
    } as unknown as EachBatchPayload;
    await run.eachBatch?.(payload);
    expect(order).toEqual([
      'handle household-1@40:x,household-1@41:undefined',
      'heartbeat',
      'resolve 41',
      'commit',
    ]);
  });
});

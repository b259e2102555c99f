import type { BusConsumer, BusMessage, ConsumeOptions, ConsumedMessage, EventBus } from '../event-bus.port';
import { UnknownTopic } from '../event-bus.port';
import { ConsumerGroup, InProcessConsumer } from './in-process-consumer';

export interface InProcessEventBusOptions {
  /** Partitions of every topic (default 4): several, so tests see keys spread and per-key order kept. */
  readonly partitions?: number;
  /** Most messages handed to one eachBatch call (default 100). */
  readonly maxBatchSize?: number;
  /** Pause before a crashed consumer resumes from its committed offsets (default 10 ms). */
  readonly restartDelayMs?: number;
  /** Told of every consumer crash (a throwing eachBatch), e.g. to log it. */
  readonly onConsumerCrash?: (error: unknown, groupId: string) => void;
}

export type StoredMessage = Omit<ConsumedMessage, 'partition' | 'offset'>;

/**
 * The bus inside one process: topics of partitions kept in memory, a key's partition from a hash of the
 * key, consumer groups whose committed offsets survive their consumers (a new consumer of the group
 * resumes where the last commit left off). Used by tests and the embedded platform; loses everything
 * with the process, which is fine there because the event store is the source of truth.
 */
export class InProcessEventBus implements EventBus {
  readonly partitions: number;
  readonly maxBatchSize: number;
  readonly restartDelayMs: number;
  readonly onConsumerCrash: (error: unknown, groupId: string) => void;
  private readonly topics = new Map<string, StoredMessage[][]>();
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly consumers = new Set<InProcessConsumer>();

  constructor(options: InProcessEventBusOptions = {}) {
    this.partitions = options.partitions ?? 4;
    this.maxBatchSize = options.maxBatchSize ?? 100;
    this.restartDelayMs = options.restartDelayMs ?? 10;
    this.onConsumerCrash = options.onConsumerCrash ?? (() => undefined);
    if (!Number.isInteger(this.partitions) || this.partitions < 1) throw new RangeError('partitions >= 1');
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    for (const topic of topics) {
      if (!this.topics.has(topic)) {
        this.topics.set(
          topic,
          Array.from({ length: this.partitions }, () => []),
        );
      }
    }
  }

  async publish(messages: readonly BusMessage[]): Promise<void> {
    // Every topic is checked before anything is written: a failed publish writes nothing here.
    for (const message of messages) this.log(message.topic);
    for (const { topic, key, value, headers } of messages) {
      this.log(topic)[this.partitionOf(key)].push({ topic, key, value, headers: { ...headers } });
    }
    if (messages.length > 0) for (const consumer of this.consumers) consumer.wake();
  }

  async consume(options: ConsumeOptions): Promise<InProcessConsumer> {
    for (const topic of options.topics) this.log(topic);
    let group = this.groups.get(options.groupId);
    if (!group) {
      group = new ConsumerGroup(options.groupId, this);
      this.groups.set(options.groupId, group);
    }
    const consumer = new InProcessConsumer(group, options, this);
    this.consumers.add(consumer);
    void consumer.finished.then(() => this.consumers.delete(consumer));
    group.join(consumer);
    consumer.start();
    return consumer;
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
  }

  /** The partition of a key: FNV-1a of its UTF-8 bytes, so it is the same in every process. */
  partitionOf(key: string): number {
    let hash = 0x811c9dc5;
    for (const byte of Buffer.from(key, 'utf8')) {
      hash ^= byte;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash % this.partitions;
  }

  /** A partition's messages (for consumers and tests). */
  log(topic: string): StoredMessage[][] {
    const partitions = this.topics.get(topic);
    if (!partitions) throw new UnknownTopic(topic);
    return partitions;
  }

  /** Every message of a topic, partition by partition, in offset order (for tests and tools). */
  messagesOf(topic: string): ConsumedMessage[] {
    return this.log(topic).flatMap((messages, partition) =>
      messages.map((m, offset) => ({ ...m, partition, offset: String(offset) })),
    );
  }

  /** A group's committed offsets by `topic:partition` (the next offset it will read). */
  committedOffsets(groupId: string): ReadonlyMap<string, number> {
    return this.groups.get(groupId)?.committed ?? new Map();
  }

  /** Test hook, for assertions that a consumer is running. */
  consumersOf(groupId: string): readonly BusConsumer[] {
    return [...this.consumers].filter((c) => c.groupId === groupId);
  }
}

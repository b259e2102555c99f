import {
  Kafka,
  logLevel,
  type Consumer,
  type EachBatchPayload,
  type IHeaders,
  type KafkaConfig,
  type Producer,
  type RetryOptions,
} from 'kafkajs';
import type {
  BusConsumer,
  BusHeaders,
  BusMessage,
  ConsumeOptions,
  ConsumedMessage,
  EventBus,
} from '../event-bus.port';

export interface KafkaEventBusOptions {
  readonly brokers: readonly string[];
  readonly clientId?: string;
  /** Partitions of the topics `ensureTopics` creates (default 6): the most consumers a group can use. */
  readonly partitions?: number;
  /** Replicas of those topics; -1 (default) takes the broker's `default.replication.factor`. */
  readonly replicationFactor?: number;
  /** Producer retries; kafkajs's default for an idempotent producer is unlimited. */
  readonly producerRetry?: RetryOptions;
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  /** Anything else of kafkajs's client configuration (ssl, sasl, timeouts, logCreator…). */
  readonly kafka?: Omit<KafkaConfig, 'brokers' | 'clientId'>;
}

/**
 * The bus over Kafka (kafkajs 2.2).
 *
 * Producer: idempotent (the broker drops a retried duplicate batch), acks -1 (every in-sync replica has the
 * batch before `publish` resolves; kafkajs refuses anything else with idempotence) and one request in
 * flight (kafkajs keeps its sequence numbers in order only then, so a retry cannot reorder a key).
 * Consumer: `eachBatch` with auto-resolve and auto-commit off; an offset is resolved and committed only
 * when the handler calls `commit` after its write, so a crash redelivers from the last commit.
 */
export class KafkaEventBus implements EventBus {
  private readonly kafka: Kafka;
  private readonly partitions: number;
  private readonly replicationFactor: number;
  private producer: Promise<Producer> | undefined;
  private readonly consumers = new Set<Consumer>();

  constructor(private readonly options: KafkaEventBusOptions) {
    this.kafka = new Kafka({
      logLevel: logLevel.WARN,
      ...options.kafka,
      brokers: [...options.brokers],
      clientId: options.clientId ?? 'relocation-employment',
    });
    this.partitions = options.partitions ?? 6;
    this.replicationFactor = options.replicationFactor ?? -1;
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t));
      if (missing.length === 0) return;
      // createTopics answers false for a topic another process created meanwhile: that is fine too.
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: this.partitions,
          replicationFactor: this.replicationFactor,
        })),
      });
    } finally {
      await admin.disconnect();
    }
  }

  async publish(messages: readonly BusMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, { key: string; value: string; headers: IHeaders }[]>();
    for (const { topic, key, value, headers } of messages) {
      let list = byTopic.get(topic);
      if (!list) byTopic.set(topic, (list = []));
      list.push({ key, value, headers: { ...headers } });
    }
    const producer = await this.connectedProducer();
    const results = await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list })),
    });
    const failed = results.filter((r) => r.errorCode !== 0);
    if (failed.length > 0) {
      throw new Error(`Kafka refused ${failed.map((r) => `${r.topicName}[${r.partition}]: ${r.errorCode}`)}`);
    }
  }

  async consume(options: ConsumeOptions): Promise<BusConsumer> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: this.options.sessionTimeoutMs,
      heartbeatInterval: this.options.heartbeatIntervalMs,
    });
    let joined!: () => void;
    const ready = new Promise<void>((resolve) => (joined = resolve));
    consumer.on(consumer.events.GROUP_JOIN, () => joined());
    await consumer.connect();
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload, options),
    });
    this.consumers.add(consumer);
    return {
      ready,
      // disconnect() stops fetching, waits for the batch in progress, then leaves the group.
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await (await producer).disconnect();
  }

  private async handleBatch(payload: EachBatchPayload, options: ConsumeOptions): Promise<void> {
    const { batch } = payload;
    if (batch.isEmpty()) return;
    const messages: ConsumedMessage[] = batch.messages.map((m) => ({
      topic: batch.topic,
      partition: batch.partition,
      offset: m.offset,
      key: m.key?.toString('utf8') ?? '',
      value: m.value?.toString('utf8') ?? '',
      headers: headersToStrings(m.headers),
    }));
    await options.eachBatch(
      { topic: batch.topic, partition: batch.partition, messages },
      {
        heartbeat: () => payload.heartbeat(),
        // Stale: a rebalance or seek moved this partition on; what follows would be redelivered anyway.
        isRunning: () => payload.isRunning() && !payload.isStale(),
        commit: async (offset) => {
          payload.resolveOffset(offset);
          // With autoCommit off, commitOffsetsIfNecessary() alone commits nothing: pass the resolved offsets.
          await payload.commitOffsetsIfNecessary(payload.uncommittedOffsets());
        },
      },
    );
  }

  private connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        retry: this.options.producerRetry,
      });
      this.producer = producer.connect().then(
        () => producer,
        (error: unknown) => {
          this.producer = undefined;
          throw error;
        },
      );
    }
    return this.producer;
  }
}

function headersToStrings(headers: IHeaders | undefined): BusHeaders {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const one = Array.isArray(value) ? value[value.length - 1] : value;
    result[name] = one.toString();
  }
  return result;
}

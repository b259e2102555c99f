/**
 * The event bus port: how services exchange the event store's events (distributed mode). Delivery is
 * at-least-once: a consumer commits a partition's offset only after its own write, so a crash redelivers
 * from the last commit and consumers must be idempotent (the projections are: see GuardedDocument).
 *
 * Every adapter (in-process, Kafka) passes the same contract suite (`testing/event-bus.contract.ts`).
 */

/** Header values are strings: Kafka's are bytes, and everything this service puts there is text. */
export type BusHeaders = Readonly<Record<string, string>>;

export interface BusMessage {
  readonly topic: string;
  /** The partitioning key: messages with the same key keep their publish order (one partition). */
  readonly key: string;
  /** The envelope JSON (`eventEnvelopeJson` of contracts). */
  readonly value: string;
  readonly headers: BusHeaders;
}

export interface ConsumedMessage extends BusMessage {
  readonly partition: number;
  /** The message's offset in its partition, a decimal string (Kafka's offsets are 64-bit). */
  readonly offset: string;
}

/** Messages of ONE partition, in offset order. */
export interface ConsumedBatch {
  readonly topic: string;
  readonly partition: number;
  readonly messages: readonly ConsumedMessage[];
}

export interface BatchControl {
  /** Keeps the consumer's group membership alive during a long batch; call between writes. */
  heartbeat(): Promise<void>;
  /**
   * Records that everything of this batch's partition up to and including `offset` is written, and
   * commits it to the group. Resolves once committed. Messages after it are redelivered if the batch
   * ends without a later commit.
   */
  commit(offset: string): Promise<void>;
  /** False once the consumer is stopping: finish the current write, commit, and return. */
  isRunning(): boolean;
}

export interface ConsumeOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /**
   * Handles one partition's batch. Throwing is a consumer crash: nothing after the last commit counts as
   * handled, and it is delivered again (after a short pause) from the last committed offset.
   */
  eachBatch(batch: ConsumedBatch, control: BatchControl): Promise<void>;
  /** Start of a group that has never committed: the earliest message (default) or only new ones. */
  readonly fromBeginning?: boolean;
}

export interface BusConsumer {
  /** Resolves once the consumer has joined its group and will receive messages. */
  readonly ready: Promise<void>;
  /** Leaves the group after the batch in progress; uncommitted messages go to the next member. */
  stop(): Promise<void>;
}

export interface EventBus {
  /** Creates the topics that do not exist yet (idempotent). Publishing to an unknown topic fails. */
  ensureTopics(topics: readonly string[]): Promise<void>;
  /**
   * Publishes all the messages, each to its topic and key's partition, in order per key. Resolves only
   * once the broker has acknowledged every one (for Kafka: every in-sync replica); rejects otherwise, and
   * then any of them may or may not have been written (the caller re-publishes; consumers absorb repeats).
   */
  publish(messages: readonly BusMessage[]): Promise<void>;
  consume(options: ConsumeOptions): Promise<BusConsumer>;
  /** Stops every consumer and releases connections. */
  close(): Promise<void>;
}

export class UnknownTopic extends Error {
  readonly code = 'unknown_topic';
  constructor(readonly topic: string) {
    super(`Topic ${topic} does not exist`);
    this.name = 'UnknownTopic';
  }
}

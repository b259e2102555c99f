import type { BatchControl, BusConsumer, ConsumeOptions, ConsumedBatch } from '../event-bus.port';
import type { InProcessEventBus } from './in-process-event-bus';

const partitionKey = (topic: string, partition: number): string => `${topic}:${partition}`;

export class StaleConsumer extends Error {
  readonly code = 'stale_consumer';
  constructor(groupId: string, partition: string) {
    super(`Group ${groupId}: ${partition} is no longer assigned to this consumer`);
    this.name = 'StaleConsumer';
  }
}

/**
 * A consumer group: its committed offsets (kept after every member has left) and its members, among whom
 * the partitions of the subscribed topics are shared out again whenever one joins or leaves.
 */
export class ConsumerGroup {
  /** Next offset to read, by `topic:partition`; absent: never committed. */
  readonly committed = new Map<string, number>();
  private readonly members: InProcessConsumer[] = [];

  constructor(
    readonly groupId: string,
    private readonly bus: InProcessEventBus,
  ) {}

  join(member: InProcessConsumer): void {
    this.members.push(member);
    this.rebalance();
  }

  leave(member: InProcessConsumer): void {
    const index = this.members.indexOf(member);
    if (index >= 0) this.members.splice(index, 1);
    this.rebalance();
  }

  private rebalance(): void {
    const topics = [...new Set(this.members.flatMap((m) => m.topics))].sort();
    const all = topics.flatMap((topic) =>
      Array.from({ length: this.bus.log(topic).length }, (_, p) => ({ topic, partition: p })),
    );
    const assignment = new Map<InProcessConsumer, { topic: string; partition: number }[]>(
      this.members.map((m) => [m, []]),
    );
    const eligible = (topic: string) => this.members.filter((m) => m.topics.includes(topic));
    all.forEach((tp, i) => {
      const candidates = eligible(tp.topic);
      if (candidates.length > 0) assignment.get(candidates[i % candidates.length])?.push(tp);
    });
    for (const [member, partitions] of assignment) member.assign(partitions);
  }
}

/**
 * One member of a group. Its loop hands one partition's batch at a time to `eachBatch`, starting at the
 * partition's resolved position (the last commit): a batch that ends without a commit is delivered again;
 * a throwing batch is a crash, after which every position goes back to the group's committed offsets.
 */
export class InProcessConsumer implements BusConsumer {
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly ready: Promise<void> = Promise.resolve();
  /** Resolves when the loop has ended and the consumer has left its group. */
  readonly finished: Promise<void>;
  private resolveFinished!: () => void;
  private positions = new Map<string, number>();
  private running = true;
  private crashed = false;
  private started = false;
  private nextIndex = 0;
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly group: ConsumerGroup,
    private readonly options: ConsumeOptions,
    private readonly bus: InProcessEventBus,
  ) {
    this.groupId = options.groupId;
    this.topics = [...options.topics];
    this.finished = new Promise((resolve) => (this.resolveFinished = resolve));
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    void this.loop().finally(() => {
      this.group.leave(this);
      this.resolveFinished();
    });
  }

  /** Graceful: the batch in progress finishes (and may commit), then the consumer leaves its group. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.finished;
  }

  /**
   * Simulates a process killed mid-batch: the consumer leaves its group at once and every later commit
   * of the batch in progress is refused, so what it did not commit is redelivered to the next member.
   */
  async crash(): Promise<void> {
    this.crashed = true;
    this.running = false;
    this.positions = new Map();
    this.group.leave(this);
    this.wake();
  }

  wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }

  /** Called by the group at every rebalance: kept partitions keep their position, new ones start at the commit. */
  assign(partitions: readonly { topic: string; partition: number }[]): void {
    if (this.crashed) return;
    const positions = new Map<string, number>();
    for (const { topic, partition } of partitions) {
      const key = partitionKey(topic, partition);
      positions.set(key, this.positions.get(key) ?? this.startOffset(key));
    }
    this.positions = positions;
    this.wake();
  }

  private startOffset(key: string): number {
    const committed = this.group.committed.get(key);
    if (committed !== undefined) return committed;
    if (this.options.fromBeginning === false) {
      const [topic, partition] = splitKey(key);
      return this.bus.log(topic)[partition].length;
    }
    return 0;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const batch = this.nextBatch();
      if (!batch) {
        await new Promise<void>((resolve) => (this.wakeUp = resolve));
        continue;
      }
      try {
        await this.options.eachBatch(batch, this.control(batch));
      } catch (error) {
        if (this.crashed) return;
        this.bus.onConsumerCrash(error, this.groupId);
        // As a restarted Kafka consumer: resume from the group's commits, after a pause.
        for (const key of this.positions.keys()) this.positions.set(key, this.startOffset(key));
        await new Promise((resolve) => setTimeout(resolve, this.bus.restartDelayMs));
      }
      // A handler that neither commits nor awaits I/O must not starve the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** The next partition (round robin) with messages past its position, as a batch. */
  private nextBatch(): ConsumedBatch | undefined {
    const keys = [...this.positions.keys()];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[(this.nextIndex + i) % keys.length];
      const [topic, partition] = splitKey(key);
      const log = this.bus.log(topic)[partition];
      const from = this.positions.get(key) ?? 0;
      if (from >= log.length) continue;
      this.nextIndex = (this.nextIndex + i + 1) % keys.length;
      const messages = log.slice(from, from + this.bus.maxBatchSize).map((m, i) => ({
        ...m,
        partition,
        offset: String(from + i),
      }));
      return { topic, partition, messages };
    }
    return undefined;
  }

  private control(batch: ConsumedBatch): BatchControl {
    const key = partitionKey(batch.topic, batch.partition);
    return {
      heartbeat: async () => {
        if (this.crashed || !this.positions.has(key)) throw new StaleConsumer(this.groupId, key);
      },
      isRunning: () => this.running,
      commit: async (offset: string) => {
        if (this.crashed || !this.positions.has(key)) throw new StaleConsumer(this.groupId, key);
        const next = Number(offset) + 1;
        const last = Number(batch.messages[batch.messages.length - 1].offset);
        if (!/^\d+$/.test(offset) || next < Number(batch.messages[0].offset) || next > last + 1) {
          throw new RangeError(`Offset ${offset} is not in the batch`);
        }
        this.group.committed.set(key, next);
        this.positions.set(key, next);
      },
    };
  }
}

function splitKey(key: string): [string, number] {
  const at = key.lastIndexOf(':');
  return [key.slice(0, at), Number(key.slice(at + 1))];
}

import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { encodeEvent, type DomainEvent } from '@contracts';
import { START, type EventStore, type Position, type RecordedEvent } from '@lib/event-store';
import { EVENT_TOPICS, ProjectionConsumer, type Envelope, type EventBus } from '@lib/messaging';
import {
  AppliedPositions,
  MONITOR_CHECKPOINT,
  MonitorBatchWriter,
  employmentMonitorProjector,
} from '@lib/application';
import { PositionWaiters, type ProjectionChange, type Projector, type ReadStore } from '@lib/read-store';
import { MonitorFeed } from '../../platform/src/monitor/monitor-feed';

export interface KafkaMonitorFeedOptions {
  /** The consumer group: every monitor replica shares `monitor`, so each partition has one owner. */
  readonly groupId?: string;
  /** The read-store checkpoint: the highest position applied (AppliedPositions keeps what is pending below). */
  readonly checkpointName?: string;
  readonly retryDelayMs?: number;
}

/** The checkpoint of the feed before it kept its pending positions: it held the last batch's last position. */
const UNTRACKED_CHECKPOINTS = ['monitor-kafka', 'monitor-kafka@2'];

/**
 * The monitor's read side fed from Kafka (distributed mode): a ProjectionConsumer in group `monitor` over
 * every event topic hands each partition's batch to the same employment-monitor writer the embedded runner uses
 * (documents + checkpoint + outbox in one read-store transaction, then the process manager's appends to the
 * event store), and the offsets are committed after that write.
 *
 * Positions. A stream's events stay in order (one key, one partition), but partitions interleave, so the
 * batches do not come in the log's order and a batch's last position says nothing of the events below it.
 * The feed's position is a low-water mark (AppliedPositions): every event at or below it is applied. It is
 * what `position()` reports, what `waitFor` (X-Min-Position) waits for and what change notifications carry;
 * it never goes backwards, and it is written with every batch (the highest position applied, and the pending
 * positions below it), so after a restart it is right at once, though Kafka does not deliver again what was
 * applied. A redelivered event (at least once) is a replay the projections' revision guard ignores.
 */
export class KafkaMonitorFeed extends MonitorFeed {
  private readonly logger = new Logger('KafkaMonitorFeed');
  private readonly emitter = new EventEmitter();
  private readonly groupId: string;
  private readonly projector: Projector;
  private readonly consumer: ProjectionConsumer;
  private writer: MonitorBatchWriter | undefined;
  private chain: Promise<void> = Promise.resolve();
  private positions = AppliedPositions.upTo(START);
  private readonly waiters = new PositionWaiters();
  /** Counties changed by a batch, announced once every event up to that batch's highest position is applied. */
  private readonly unannounced = new Map<string, Position>();
  private failure: unknown;
  private started = false;

  constructor(
    private readonly events: EventStore,
    private readonly readStore: ReadStore,
    private readonly bus: EventBus,
    options: KafkaMonitorFeedOptions = {},
  ) {
    super();
    this.groupId = options.groupId ?? 'monitor';
    this.projector = employmentMonitorProjector(options.checkpointName ?? 'monitor-kafka@3');
    this.emitter.setMaxListeners(0);
    this.consumer = new ProjectionConsumer(
      bus,
      { applyEnvelopes: (envelopes) => this.applyEnvelopes(envelopes) },
      {
        groupId: this.groupId,
        topics: EVENT_TOPICS,
        retryDelayMs: options.retryDelayMs,
        onDeadLetter: ({ code, message }) =>
          this.logger.error(
            `Dead-lettered ${message.topic}/${message.partition}@${message.offset} (${code}): the read model missed an event, and its position stays below it; rebuild it`,
          ),
      },
    );
  }

  /** Resolves once the consumer has joined its group (it then catches up from the committed offsets). */
  async start(): Promise<void> {
    if (this.started) return;
    this.failure = undefined;
    try {
      this.positions = await this.loadPositions();
      this.advanced();
      await this.projector.recover({ events: this.events, store: this.readStore });
      this.writer = new MonitorBatchWriter(this.events, this.readStore, this.projector.checkpointName);
      await this.consumer.start();
    } catch (error) {
      this.failure = error;
      throw error;
    }
    this.started = true;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.consumer.stop();
    await this.chain.catch(() => undefined);
    await this.writer?.finish(this.positions.highest()).catch(() => undefined);
    this.writer = undefined;
    await this.bus.close();
  }

  /** Every event at or below it is applied. */
  position(): Position {
    return this.positions.caughtUp();
  }

  get failed(): unknown {
    return this.failure;
  }

  get running(): boolean {
    return this.started;
  }

  /** True once every event up to `position` is applied (at once if it is), false after `timeoutMs`. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    if (position <= this.position()) return Promise.resolve(true);
    return this.waiters.wait(position, timeoutMs);
  }

  onChange(countyCode: string, listener: (change: ProjectionChange) => void): () => void {
    const name = `county:${countyCode}`;
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  /** One partition's batch, in its order; batches are written one at a time (the writer is not reentrant). */
  applyEnvelopes(envelopes: readonly Envelope[]): Promise<void> {
    const next = this.chain.then(() => this.write(envelopes));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async write(envelopes: readonly Envelope[]): Promise<void> {
    const writer = this.writer;
    if (!writer) throw new Error('The Kafka monitor feed is not started');
    if (envelopes.length === 0) return;
    const step = await this.positions.step(
      this.events,
      envelopes.map((e) => e.position),
    );
    const outcome = await writer.write(envelopes.map(recordOf), {
      checkpoint: step.highest,
      changes: step.changes,
    });
    this.positions.apply(step);
    let top = START;
    for (const envelope of envelopes) if (envelope.position > top) top = envelope.position;
    for (const key of outcome.changed) {
      const known = this.unannounced.get(key);
      if (known === undefined || top > known) this.unannounced.set(key, top);
    }
    this.advanced();
  }

  /** Answers the waits and announces the changes that the position now covers. */
  private advanced(): void {
    const position = this.position();
    this.waiters.reached(position);
    for (const [key, upTo] of this.unannounced) {
      if (upTo > position) continue;
      this.unannounced.delete(key);
      this.emitter.emit(`county:${key}`, { key, position });
    }
  }

  /**
   * The positions written with the last batch; else, after a store rebuild (which writes the embedded
   * checkpoint into fresh collections), everything up to the rebuilt position; else nothing. A read store
   * written by the feed before it kept its pending positions cannot say what it applied: it must be rebuilt.
   */
  private async loadPositions(): Promise<AppliedPositions> {
    const name = this.projector.checkpointName;
    const stored = await AppliedPositions.load(this.readStore, name);
    if (stored) return stored;
    const rebuilt = await this.readStore.checkpoint(MONITOR_CHECKPOINT);
    if (rebuilt === undefined) {
      for (const untracked of UNTRACKED_CHECKPOINTS) {
        if ((await this.readStore.checkpoint(untracked)) === undefined) continue;
        throw new Error(
          `The read store was written by a monitor feed that did not record which positions it applied (${untracked}); rebuild it from the event store (npm run projections:rebuild, with the monitor stopped)`,
        );
      }
    }
    const positions = AppliedPositions.upTo(rebuilt ?? START);
    await this.readStore.applyBatch({ changes: [], checkpoint: { name, position: positions.highest() } });
    return positions;
  }
}

/** The stored form of a bus envelope: what the batch writer (shared with the embedded runner) reads. */
function recordOf(envelope: Envelope): RecordedEvent {
  const { type, version, data } = encodeEvent(envelope as DomainEvent);
  return {
    id: envelope.id,
    type,
    version,
    streamId: envelope.streamId,
    revision: envelope.revision,
    position: envelope.position,
    occurredAt: envelope.occurredAt,
    data,
    metadata: { ...envelope.metadata },
  };
}

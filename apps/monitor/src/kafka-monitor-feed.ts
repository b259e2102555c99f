import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { encodeEvent, type DomainEvent } from '@contracts';
import { START, type EventStore, type Position, type RecordedEvent } from '@lib/event-store';
import { EVENT_TOPICS, ProjectionConsumer, type Envelope, type EventBus } from '@lib/messaging';
import { employmentMonitorProjector } from '@lib/application';
import type { BatchWriter, ProjectionChange, Projector, ReadStore } from '@lib/read-store';
import { MonitorFeed } from '../../platform/src/monitor/monitor-feed';

export interface KafkaMonitorFeedOptions {
  /** The consumer group: every monitor replica shares `monitor`, so each partition has one owner. */
  readonly groupId?: string;
  /** The read-store checkpoint the batch writer keeps (informational here: Kafka's offsets are the real one). */
  readonly checkpointName?: string;
  /** Positions remembered for exact read-your-writes answers (older ones count as applied). Default 100,000. */
  readonly rememberPositions?: number;
  readonly retryDelayMs?: number;
}

/**
 * The monitor's read side fed from Kafka (distributed mode): a ProjectionConsumer in group `monitor` over
 * every event topic hands each partition's batch to the same employment-monitor writer the embedded runner uses
 * (documents + checkpoint + outbox in one read-store transaction, then the process manager's appends to the
 * event store), and the offsets are committed after that write.
 *
 * Positions. A stream's events stay in order (one key, one partition), but partitions interleave, so
 * "everything up to position P is applied" is not known. `waitFor(P)` therefore answers for the event AT P:
 * true once that event has been applied (a command's events are one stream, so its last event's position
 * covers the command). Positions applied before this start (up to the stored checkpoint), and those older
 * than the last `rememberPositions`, count as applied. `position()` is the highest position applied.
 */
export class KafkaMonitorFeed extends MonitorFeed {
  private readonly logger = new Logger('KafkaMonitorFeed');
  private readonly emitter = new EventEmitter();
  private readonly groupId: string;
  private readonly projector: Projector;
  private readonly remember: number;
  private readonly consumer: ProjectionConsumer;
  private writer: BatchWriter | undefined;
  private chain: Promise<void> = Promise.resolve();
  /** Everything at or below counts as applied (the checkpoint at start, then the oldest forgotten position). */
  private floor: Position = START;
  private highest: Position = START;
  private readonly applied = new Set<Position>();
  private waiters = new Map<Position, Set<(reached: boolean) => void>>();
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
    this.projector = employmentMonitorProjector(options.checkpointName ?? 'monitor-kafka@2');
    this.remember = options.rememberPositions ?? 100_000;
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
            `Dead-lettered ${message.topic}/${message.partition}@${message.offset} (${code}): the read model missed an event; rebuild it`,
          ),
      },
    );
  }

  /** Resolves once the consumer has joined its group (it then catches up from the committed offsets). */
  async start(): Promise<void> {
    if (this.started) return;
    this.failure = undefined;
    await this.projector.recover({ events: this.events, store: this.readStore });
    const checkpoint = (await this.readStore.checkpoint(this.projector.checkpointName)) ?? START;
    this.floor = checkpoint > this.floor ? checkpoint : this.floor;
    if (checkpoint > this.highest) this.highest = checkpoint;
    this.writer = this.projector.openWriter({ events: this.events, target: this.readStore });
    try {
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
    await this.writer?.finish(this.highest).catch(() => undefined);
    this.writer = undefined;
    await this.bus.close();
  }

  position(): Position {
    return this.highest;
  }

  get failed(): unknown {
    return this.failure;
  }

  get running(): boolean {
    return this.started;
  }

  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    if (this.isApplied(position)) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const waiters = this.waiters.get(position) ?? new Set();
      this.waiters.set(position, waiters);
      const done = (reached: boolean): void => {
        clearTimeout(timer);
        waiters.delete(done);
        if (waiters.size === 0 && this.waiters.get(position) === waiters) this.waiters.delete(position);
        resolve(reached);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      waiters.add(done);
    });
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
    const outcome = await writer.write(envelopes.map(recordOf));
    for (const envelope of envelopes) this.markApplied(envelope.position);
    for (const key of outcome.changed) {
      this.emitter.emit(`county:${key}`, { key, position: this.highest });
    }
  }

  private isApplied(position: Position): boolean {
    return position <= this.floor || this.applied.has(position);
  }

  private markApplied(position: Position): void {
    if (position > this.highest) this.highest = position;
    this.applied.add(position);
    if (this.applied.size > this.remember) {
      const oldest = this.applied.values().next().value as Position;
      this.applied.delete(oldest);
      if (oldest > this.floor) this.floor = oldest;
    }
    for (const [waited, waiters] of this.waiters) {
      if (!this.isApplied(waited)) continue;
      this.waiters.delete(waited);
      for (const resolve of [...waiters]) resolve(true);
    }
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

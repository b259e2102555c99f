import {
  START,
  type EventStore,
  type Position,
  type RecordedEvent,
  type Subscription,
} from '@lib/event-store';
import { routeByStream, toBusMessage, type TopicRouter } from '../envelope-message';
import type { EventBus } from '../event-bus.port';
import type { CheckpointStore } from './checkpoint-store';

export interface EventRelayOptions {
  /** The checkpoint's name (one per relay deployment). Default `relay`. */
  readonly name?: string;
  /** Most events per publish (one broker acknowledgement, one checkpoint write). Default 500. */
  readonly batchSize?: number;
  readonly route?: TopicRouter;
  /** While idle, how often the log is read again in case a wake-up was missed. Default 1000 ms. */
  readonly pollIntervalMs?: number;
  /** Pause after a failed publish, doubled at each failure in a row up to `maxRetryDelayMs`. Default 100. */
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  /** Told of every failed round (the relay retries it); e.g. to log it. */
  readonly onError?: (error: unknown) => void;
}

/**
 * Publishes the event store's global log to the bus, in order, from a stored checkpoint: read a batch
 * after the checkpoint, publish it, and only once the bus has acknowledged all of it, save the checkpoint.
 * It only reads the store, so nothing reaches the bus that is not in the store; a crash or a failed publish
 * re-publishes at most the batch that was not checkpointed (consumers absorb the repeats).
 */
export class EventRelay {
  readonly name: string;
  private readonly batchSize: number;
  private readonly route: TopicRouter;
  private readonly pollIntervalMs: number;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly onError: (error: unknown) => void;
  private checkpoint: Position | undefined;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private doorbell: Subscription | undefined;
  private rung = false;
  private wakeUp: (() => void) | undefined;
  private publishedCount = 0;

  constructor(
    private readonly store: EventStore,
    private readonly bus: EventBus,
    private readonly checkpoints: CheckpointStore,
    options: EventRelayOptions = {},
  ) {
    this.name = options.name ?? 'relay';
    this.batchSize = options.batchSize ?? 500;
    this.route = options.route ?? routeByStream;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 5000;
    this.onError = options.onError ?? (() => undefined);
  }

  /** The last checkpointed position this relay knows of (undefined before the first read). */
  position(): Position | undefined {
    return this.checkpoint;
  }

  /** Events published (acknowledged) by this instance, repeats included. */
  get published(): number {
    return this.publishedCount;
  }

  /** Publishes the next batch after the checkpoint and checkpoints it; the number published, 0 when caught up. */
  async publishNextBatch(): Promise<number> {
    const after = (this.checkpoint ??= (await this.checkpoints.load(this.name)) ?? START);
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readAll(after, this.batchSize)) events.push(event);
    if (events.length === 0) return 0;
    const messages = events.map((event) => toBusMessage(event, this.route));
    await this.bus.publish(messages);
    const last = events[events.length - 1].position;
    await this.checkpoints.save(this.name, last);
    this.checkpoint = last;
    this.publishedCount += events.length;
    return events.length;
  }

  /** Publishes until a read finds nothing new; the number published. Fails with the first failure. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (let n = await this.publishNextBatch(); n > 0; n = await this.publishNextBatch()) total += n;
    return total;
  }

  /**
   * Follows the log until `stop()`: publishes whatever is after the checkpoint, then sleeps until the
   * store has something new (a subscription from the head rings; a slow poll covers a missed ring).
   * Failures are reported to `onError` and retried with backoff from the durable checkpoint.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.checkpoint = undefined;
    const head = await this.store.headPosition();
    this.doorbell = this.store.subscribeAll(head, () => this.ring());
    this.doorbell.done.catch((error: unknown) => this.onError(error));
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.ring();
    await this.loopDone;
    await this.doorbell?.stop();
    this.doorbell = undefined;
  }

  private async loop(): Promise<void> {
    let delay = this.retryDelayMs;
    while (this.running) {
      this.rung = false;
      try {
        const published = await this.publishNextBatch();
        delay = this.retryDelayMs;
        if (published === 0) await this.sleep(this.pollIntervalMs, true);
      } catch (error) {
        this.onError(error);
        // Forget the in-memory position: the next round starts from what is durably checkpointed.
        this.checkpoint = undefined;
        await this.sleep(delay, false);
        delay = Math.min(delay * 2, this.maxRetryDelayMs);
      }
    }
  }

  private ring(): void {
    this.rung = true;
    this.wakeUp?.();
  }

  /** Sleeps `ms`, or less when stopping (or, if `wakeOnRing`, when new events arrive). */
  private sleep(ms: number, wakeOnRing: boolean): Promise<void> {
    if (!this.running || (wakeOnRing && this.rung)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = () => {
        if (wakeOnRing || !this.running) done();
      };
    });
  }
}

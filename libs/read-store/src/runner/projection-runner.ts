import { EventEmitter } from 'node:events';
import {
  START,
  type EventStore,
  type Position,
  type RecordedEvent,
  type Subscription,
} from '@lib/event-store';
import type { ReadStore } from '../read-store.port';
import type { BatchOutcome, BatchWriter, Projector } from './projector';
import { PositionWaiters } from './position-waiters';

/** Events per page a rebuild reads: large enough that the per-page cost vanishes, small enough to stay cheap. */
const REBUILD_PAGE_SIZE = 4096;

export interface ProjectionRunnerOptions {
  /** Most events per batch while following the log (one read-store transaction each). Default 1000. */
  readonly batchSize?: number;
}

/** What changed under a key (the employment monitor: a county), after the batch that changed it committed. */
export interface ProjectionChange {
  readonly key: string;
  readonly position: Position;
}

export interface RebuildReport {
  readonly events: number;
  /** Passes over the log (a pass reads what the previous one appended); the documents are written once. */
  readonly batches: number;
  readonly appends: number;
  readonly seconds: number;
  readonly position: Position;
}

/**
 * Runs a projector over the event store's global log into a read store: catches up from the stored checkpoint,
 * then follows live, in batches (each one written with its checkpoint in one read-store transaction by the
 * projector's writer). Also: read-your-writes (`waitFor`), change notifications by key, and rebuild.
 */
export class ProjectionRunner {
  private readonly emitter = new EventEmitter();
  private readonly batchSize: number;
  private current: Position = START;
  private subscription: Subscription | undefined;
  private writer: BatchWriter | undefined;
  private buffer: RecordedEvent[] = [];
  private chain: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private readonly waiters = new PositionWaiters();
  private failure: unknown;

  constructor(
    private readonly events: EventStore,
    private readonly readStore: ReadStore,
    private readonly projector: Projector,
    options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    // One listener per server-sent-events client: no leak warning at 11.
    this.emitter.setMaxListeners(0);
  }

  /** The last global position applied (and committed) to the read store. */
  position(): Position {
    return this.current;
  }

  /** The error that stopped the runner, if one did. */
  get failed(): unknown {
    return this.failure;
  }

  get running(): boolean {
    return this.subscription !== undefined;
  }

  /**
   * Resumes from the checkpoint (after the projector's recovery of a crashed run); resolves once caught up. A
   * read store written by a version this projector replaces is rebuilt first (fresh collections, swapped in).
   */
  async start(): Promise<void> {
    if (this.subscription) return;
    this.failure = undefined;
    this.chain = Promise.resolve();
    await this.projector.recover({ events: this.events, store: this.readStore });
    if (await this.holdsAnOlderVersion()) await this.rebuildNow();
    this.current = (await this.readStore.checkpoint(this.projector.checkpointName)) ?? START;
    this.writer = this.projector.openWriter({ events: this.events, target: this.readStore });
    const subscription = this.events.subscribeAll(this.current, (event) => this.onEvent(event), {
      onCaughtUp: () => this.scheduleFlush(),
    });
    this.subscription = subscription;
    subscription.done.catch((error: unknown) => this.fail(error));
    await subscription.caughtUp;
    await this.flush();
  }

  /** Stops following the log after the batch in progress; what was received is written first. */
  async stop(): Promise<void> {
    const subscription = this.subscription;
    if (!subscription) return;
    this.subscription = undefined;
    await subscription.stop();
    await this.flush().catch(() => undefined);
    // Failing to tidy loses nothing (an outbox's entries are appended again, as no-ops, at the next start).
    if (this.failure === undefined) await this.writer?.finish(this.current).catch(() => undefined);
    this.writer = undefined;
  }

  /**
   * Resolves true once the read store has applied `position` (at once if it has), false after `timeoutMs`:
   * how a query honours X-Min-Position.
   */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    if (this.current >= position) return Promise.resolve(true);
    return this.waiters.wait(position, timeoutMs);
  }

  /** Calls `listener` after every committed batch that changed something under `key`; returns the unsubscribe. */
  onChange(key: string, listener: (change: ProjectionChange) => void): () => void {
    const name = `change:${key}`;
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  /**
   * Rebuilds every collection from position 0 into fresh collections, while queries keep reading the current
   * ones, then swaps them in and resumes following the log from the rebuilt checkpoint. The state is kept in
   * memory and written in one transaction at the end (the fresh collections have no reader before the swap);
   * a crash before the swap leaves them to be dropped, and the next rebuild starts again.
   */
  async rebuild(): Promise<RebuildReport> {
    const wasRunning = this.running;
    await this.stop();
    const report = await this.rebuildNow();
    if (wasRunning) await this.start();
    return report;
  }

  private async rebuildNow(): Promise<RebuildReport> {
    const started = process.hrtime.bigint();
    const target = await this.readStore.beginRebuild();
    const state = this.projector.startRebuild();
    let events = 0;
    let passes = 0;
    let appends = 0;
    try {
      // What a pass appends lands after the head; passes repeat until one reads or appends nothing new.
      for (let read = -1, appended = -1; read !== 0 && appended !== 0;) {
        read = 0;
        // A page at a time: one await per page, not per event.
        for await (const page of this.events.readAllPages(state.position, REBUILD_PAGE_SIZE)) {
          for (const event of page) state.apply(event);
          read += page.length;
        }
        events += read;
        passes += 1;
        appended = await state.afterPass(this.events);
        appends += appended;
      }
      await state.write(target, this.projector.checkpointName);
      await target.swap();
    } catch (error) {
      await target.abandon();
      throw error;
    }
    const position = state.position;
    this.advanceTo(position);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { events, batches: passes, appends, seconds, position };
  }

  private async holdsAnOlderVersion(): Promise<boolean> {
    if ((await this.readStore.checkpoint(this.projector.checkpointName)) !== undefined) return false;
    for (const name of this.projector.replaces ?? []) {
      if ((await this.readStore.checkpoint(name)) !== undefined) return true;
    }
    return false;
  }

  private onEvent(event: RecordedEvent): Promise<void> | void {
    this.buffer.push(event);
    if (this.buffer.length >= this.batchSize) return this.flush();
    this.scheduleFlush();
  }

  /** Writes a partial batch once the subscription yields (nothing more to read right now). */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush().catch((error: unknown) => this.fail(error));
    });
  }

  /** Queues the buffered events as one batch behind the batch in progress. */
  private flush(): Promise<void> {
    const records = this.buffer;
    if (records.length === 0) return this.chain;
    this.buffer = [];
    const writer = this.writer;
    this.chain = this.chain.then(async () => {
      if (!writer || this.failure !== undefined) throw this.failure ?? new Error('The runner is stopped');
      this.committed(await writer.write(records));
    });
    return this.chain;
  }

  private committed(outcome: BatchOutcome): void {
    this.advanceTo(outcome.position);
    for (const key of outcome.changed) {
      this.emitter.emit(`change:${key}`, { key, position: outcome.position });
    }
  }

  /** The read store has applied everything up to `position`: answer whoever waits for it. */
  private advanceTo(position: Position): void {
    this.current = position;
    this.waiters.reached(position);
  }

  private fail(error: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    const subscription = this.subscription;
    this.subscription = undefined;
    void subscription?.stop();
  }
}

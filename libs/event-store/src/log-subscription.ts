import type {
  Position,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from './event-store.port';
import { CaughtUp } from './caught-up';

/**
 * What a subscription needs from the store: a page reader and a way to sleep until the next commit. The
 * embedded store answers synchronously (no promise hop per page); a server's store with promises.
 */
export interface SubscriptionSource {
  readPage(afterPosition: Position, limit: number): RecordedEvent[] | Promise<RecordedEvent[]>;
  headPositionNow(): Position | Promise<Position>;
  /**
   * Calls `wake` once, after the next commit (or when the store closes). Returns a cancel function. A store
   * whose wake-ups can be missed (another process's commits) also calls it after a polling interval.
   */
  onNextCommit(wake: () => void): () => void;
  readonly pageSize: number;
}

/**
 * A catch-up subscription of the SQLite and PostgreSQL stores. It is one loop over the log: read the page
 * after the last delivered position, deliver it one event at a time, and when a read comes back empty sleep
 * until the next commit. Pages are read by the store's page reader, the same read path as readAll and
 * readAllPages. Live and catch-up are the same read, so the switch cannot lose or repeat an event.
 */
export class LogSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;
  private stopped = false;
  private cancelWait: (() => void) | undefined;
  private wakeSleeper: (() => void) | undefined;
  private readonly reachedHead: CaughtUp;

  constructor(
    private readonly source: SubscriptionSource,
    afterPosition: Position,
    private readonly handler: SubscriptionHandler,
    private readonly options: SubscribeOptions = {},
  ) {
    this.reachedHead = new CaughtUp(() => this.options.onCaughtUp?.());
    this.caughtUp = this.reachedHead.promise;
    this.done = this.run(afterPosition);
    // Handled here too: a subscriber awaiting only `caughtUp` is not crashed by a failure of `done`.
    this.done.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelWait?.();
    this.wakeSleeper?.();
    await this.done.catch(() => undefined);
  }

  private async run(afterPosition: Position): Promise<void> {
    // Started on the next tick so the caller holds the subscription before its handler first runs.
    await Promise.resolve();
    const head = this.source.headPositionNow();
    const headAtStart = typeof head === 'bigint' ? head : await head;
    let last = afterPosition;
    const reachedHead = this.reachedHead;
    try {
      if (last >= headAtStart) reachedHead.reach();
      while (!this.stopped) {
        const read = this.source.readPage(last, this.source.pageSize);
        const page = Array.isArray(read) ? read : await read;
        for (const event of page) {
          if (this.stopped) return;
          // Awaited only when the handler is async: a promise hop per event is a measurable share of a
          // catch-up with a synchronous handler (docs/BENCHMARKS.md).
          const handled = this.handler(event);
          if (handled !== undefined) await handled;
          last = event.position;
          if (!reachedHead.reached && last >= headAtStart) reachedHead.reach();
        }
        if (page.length === 0 && !this.stopped) await this.sleepUntilNextCommit();
        // A full page means more is waiting: let timers and I/O run between pages of a long catch-up.
        else if (page.length === this.source.pageSize) await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.stopped = true;
      reachedHead.fail(error);
      throw error;
    } finally {
      this.cancelWait?.();
      reachedHead.end();
    }
  }

  private sleepUntilNextCommit(): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = (): void => {
        this.cancelWait = undefined;
        this.wakeSleeper = undefined;
        resolve();
      };
      this.wakeSleeper = wake;
      this.cancelWait = this.source.onNextCommit(wake);
    });
  }
}

/** The live subscriptions of one store: started on its source, forgotten when they end, all stopped at close. */
export class LogSubscriptions {
  private readonly live = new Set<LogSubscription>();

  constructor(private readonly source: SubscriptionSource) {}

  start(afterPosition: Position, handler: SubscriptionHandler, options?: SubscribeOptions): Subscription {
    const subscription = new LogSubscription(this.source, afterPosition, handler, options);
    this.live.add(subscription);
    const forget = (): void => void this.live.delete(subscription);
    void subscription.done.then(forget, forget);
    return subscription;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.live].map((subscription) => subscription.stop()));
  }
}

import type {
  Position,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from '../event-store.port';

/** What a subscription needs from the store: a page reader and a way to sleep until the next commit. */
export interface SubscriptionSource {
  readPage(afterPosition: Position, limit: number): RecordedEvent[];
  headPositionNow(): Position;
  /** Calls `wake` once, after the next commit (or when the store closes). Returns a cancel function. */
  onNextCommit(wake: () => void): () => void;
  readonly pageSize: number;
}

/**
 * A catch-up subscription. It is one loop over the log: read the page after the last delivered position,
 * deliver it one event at a time, and when a read comes back empty sleep until the next commit. Pages are
 * read by the store's page reader, the same read path as readAll and readAllPages. Live and
 * catch-up are the same read, so the switch cannot lose or repeat an event. No polling: commits wake it.
 */
export class SqliteSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;
  private stopped = false;
  private cancelWait: (() => void) | undefined;
  private wakeSleeper: (() => void) | undefined;
  private resolveCaughtUp!: () => void;
  private rejectCaughtUp!: (error: unknown) => void;

  constructor(
    private readonly source: SubscriptionSource,
    afterPosition: Position,
    private readonly handler: SubscriptionHandler,
    private readonly options: SubscribeOptions = {},
  ) {
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.rejectCaughtUp = reject;
    });
    // A failure is reported through `done` (and `caughtUp` if still pending); marking them handled
    // keeps a subscriber that only awaits one of them from crashing the process on the other.
    this.caughtUp.catch(() => undefined);
    this.done = this.run(afterPosition);
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
    const headAtStart = this.source.headPositionNow();
    let last = afterPosition;
    let caughtUp = false;
    const markCaughtUp = (): void => {
      caughtUp = true;
      this.options.onCaughtUp?.();
      this.resolveCaughtUp();
    };
    try {
      if (last >= headAtStart) markCaughtUp();
      while (!this.stopped) {
        const page = this.source.readPage(last, this.source.pageSize);
        for (const event of page) {
          if (this.stopped) return;
          // Awaited only when the handler is async: a promise hop per event is a measurable share of a
          // catch-up with a synchronous handler (docs/BENCHMARKS.md).
          const handled = this.handler(event);
          if (handled !== undefined) await handled;
          last = event.position;
          if (!caughtUp && last >= headAtStart) markCaughtUp();
        }
        if (page.length === 0 && !this.stopped) await this.sleepUntilNextCommit();
        // A full page means more is waiting: let timers and I/O run between pages of a long catch-up.
        else if (page.length === this.source.pageSize) await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.stopped = true;
      this.rejectCaughtUp(error);
      throw error;
    } finally {
      this.cancelWait?.();
      // Stopped before catching up: nothing more will come, so whoever waits for it is released.
      if (!caughtUp) this.rejectCaughtUp(new Error('subscription stopped before it caught up'));
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

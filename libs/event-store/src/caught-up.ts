/**
 * A subscription's `caughtUp`, settled the same way by every adapter: `reach()` resolves it once, right after
 * `onReached` (the subscriber's onCaughtUp); `fail(error)` rejects it; `end()` rejects it if it was never
 * reached, since nothing more will come. Marked handled: a failure surfaces through the subscription's `done`,
 * so a subscriber awaiting only that one is not crashed by this one.
 */
export class CaughtUp {
  readonly promise: Promise<void>;
  private isReached = false;
  private resolve!: () => void;
  private reject!: (error: unknown) => void;

  constructor(private readonly onReached: () => void) {
    this.promise = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.promise.catch(() => undefined);
  }

  get reached(): boolean {
    return this.isReached;
  }

  reach(): void {
    if (this.isReached) return;
    this.isReached = true;
    this.onReached();
    this.resolve();
  }

  fail(error: unknown): void {
    this.reject(error);
  }

  /** The subscription ended: released, whoever still waits for it. */
  end(): void {
    if (!this.isReached) this.reject(new Error('subscription stopped before it caught up'));
  }
}

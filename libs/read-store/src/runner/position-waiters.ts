import type { Position } from '@lib/event-store';

/**
 * Read-your-writes for whatever applies the log in order (a projection runner, an in-memory state): each
 * wait is answered true once its position is applied, false after its timeout.
 */
export class PositionWaiters {
  private waiting: { position: Position; resolve: (reached: boolean) => void }[] = [];

  /** True once `reached` is told of `position` or a later one, false after `timeoutMs`. */
  wait(position: Position, timeoutMs: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const waiter = {
        position,
        resolve: (reached: boolean) => {
          clearTimeout(timer);
          resolve(reached);
        },
      };
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      this.waiting.push(waiter);
    });
  }

  /** Everything up to `position` is applied: answers whoever waits for it. */
  reached(position: Position): void {
    const ready = this.waiting.filter((w) => w.position <= position);
    if (ready.length === 0) return;
    this.waiting = this.waiting.filter((w) => w.position > position);
    for (const w of ready) w.resolve(true);
  }
}

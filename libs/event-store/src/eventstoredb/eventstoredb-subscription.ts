import type { AllStreamResolvedEvent } from '@eventstore/db-client';
import { CaughtUp } from '../caught-up';
import type { Position, SubscribeOptions, Subscription, SubscriptionHandler } from '../event-store.port';
import { fromEsdbEvent, fromEsdbPosition, isSystemEvent } from './eventstoredb-mapping';

/**
 * What the subscription needs of `client.subscribeToAll(...)`: the client's `AllStreamSubscription` is a
 * Node object-mode Readable (so pulling one event at a time is the back-pressure) that emits `caughtUp`
 * when the server says so (servers 23.10+ send CaughtUp; older ones never do).
 */
export interface AllFeed extends AsyncIterable<AllStreamResolvedEvent> {
  readonly readableLength: number;
  once(event: 'caughtUp', listener: () => void): unknown;
  unsubscribe(): Promise<void>;
  destroy(): unknown;
}

export interface AllFeedSource {
  /** A server-side catch-up subscription to $all, system events filtered out, after `afterPosition`. */
  openFeed(afterPosition: Position): AllFeed;
  /** The position of the last non-system event now in $all. */
  headPosition(): Promise<Position>;
}

/**
 * A catch-up subscription over ONE server-side `subscribeToAll`: ESDB itself reads the history then
 * switches to live on the same stream, so the switch cannot lose an event. Events at or before the last
 * delivered position are skipped anyway, which makes a repeated event harmless whatever the server does
 * with the start position. The handler is awaited before the next event is pulled.
 *
 * Caught up: when an event at or past the head read at start has been handled (so "everything in the
 * log when it began" is delivered), or when the server's CaughtUp message has been received and every
 * event before it handled (covers a head event removed before it could be delivered).
 */
export class EsdbCatchUpSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;
  private stopRequested = false;
  private feed: AllFeed | undefined;
  private readonly reachedHead: CaughtUp;

  constructor(
    private readonly source: AllFeedSource,
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
    this.stopRequested = true;
    await this.closeFeed();
    await this.done.catch(() => undefined);
  }

  private async run(afterPosition: Position): Promise<void> {
    try {
      const headAtStart = await this.source.headPosition();
      if (this.stopRequested) return;
      const feed = this.source.openFeed(afterPosition);
      this.feed = feed;
      if (afterPosition >= headAtStart) this.reachedHead.reach();

      let waiting = false;
      let serverCaughtUp = false;
      const drained = (): boolean => serverCaughtUp && feed.readableLength === 0;
      feed.once('caughtUp', () => {
        serverCaughtUp = true;
        // Deferred: events pushed in the same tick as CaughtUp are handled first (then the loop checks).
        setImmediate(() => {
          if (waiting && drained()) this.reachedHead.reach();
        });
      });

      let last = afterPosition;
      const iterator = feed[Symbol.asyncIterator]();
      while (!this.stopRequested) {
        waiting = true;
        const next = await this.pull(iterator);
        waiting = false;
        if (next === 'stopped') return;
        if (next.done) throw new Error('EventStoreDB ended the $all subscription');
        const recorded = next.value.event;
        if (recorded === undefined) continue;
        if (recorded.position.commit <= last) continue;
        if (isSystemEvent(recorded)) {
          last = recorded.position.commit;
        } else {
          last = fromEsdbPosition(recorded.position);
          await this.handler(fromEsdbEvent(recorded, last));
        }
        if (this.stopRequested) return;
        if (last >= headAtStart || drained()) this.reachedHead.reach();
      }
    } catch (error) {
      this.stopRequested = true;
      this.reachedHead.fail(error);
      throw error;
    } finally {
      await this.closeFeed();
      this.reachedHead.end();
    }
  }

  /** The next event, or 'stopped' when stop() destroyed the feed under a pending read. */
  private async pull(
    iterator: AsyncIterator<AllStreamResolvedEvent>,
  ): Promise<IteratorResult<AllStreamResolvedEvent> | 'stopped'> {
    try {
      const next = await iterator.next();
      return this.stopRequested ? 'stopped' : next;
    } catch (error) {
      if (this.stopRequested) return 'stopped';
      throw error;
    }
  }

  private async closeFeed(): Promise<void> {
    const feed = this.feed;
    if (feed === undefined) return;
    this.feed = undefined;
    await feed.unsubscribe().catch(() => undefined);
    feed.destroy();
  }
}

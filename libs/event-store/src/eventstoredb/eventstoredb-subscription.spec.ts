import { PassThrough } from 'node:stream';
import type { Position, RecordedEvent } from '../event-store.port';
import { EsdbCatchUpSubscription, type AllFeed, type AllFeedSource } from './eventstoredb-subscription';
import { resolvedEvent } from './testing/resolved-event';

/** Stands in for the client's AllStreamSubscription: an object-mode Readable that may emit 'caughtUp'. */
class FakeFeed extends PassThrough implements AllFeed {
  unsubscribed = false;
  constructor() {
    super({ objectMode: true, highWaterMark: 2 });
  }
  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
  }
  push$(...positions: bigint[]): void {
    for (const position of positions) this.write(resolvedEvent(position));
  }
}

function sourceOf(feed: FakeFeed, head: Position): AllFeedSource & { opened: Position[] } {
  const opened: Position[] = [];
  return {
    opened,
    openFeed: (after) => {
      opened.push(after);
      return feed;
    },
    headPosition: async () => head,
  };
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Records deliveries; each handler call takes `ms` and must not overlap another. */
function slowRecorder(ms = 2): {
  positions: bigint[];
  handler: (e: RecordedEvent) => Promise<void>;
  overlapped: () => boolean;
} {
  const positions: bigint[] = [];
  let inFlight = 0;
  let overlap = false;
  return {
    positions,
    overlapped: () => overlap,
    handler: async (event) => {
      inFlight += 1;
      if (inFlight > 1) overlap = true;
      await pause(ms);
      positions.push(event.position);
      inFlight -= 1;
    },
  };
}

describe('EsdbCatchUpSubscription', () => {
  it('delivers one at a time, in order, skipping system events and positions already delivered', async () => {
    const feed = new FakeFeed();
    const source = sourceOf(feed, 60n);
    const recorder = slowRecorder();
    const subscription = new EsdbCatchUpSubscription(source, 10n, recorder.handler);
    await pause(1);
    feed.push$(10n, 20n, 30n);
    feed.write(resolvedEvent(40n, '$stats-node', '$statsCollected'));
    feed.push$(30n, 50n, 60n, 70n);

    await subscription.caughtUp;
    expect(recorder.positions).toEqual([20n, 30n, 50n, 60n]);
    await pause(20);
    expect(recorder.positions).toEqual([20n, 30n, 50n, 60n, 70n]);
    expect(recorder.overlapped()).toBe(false);
    expect(source.opened).toEqual([10n]);
    await subscription.stop();
    await expect(subscription.done).resolves.toBeUndefined();
    expect(feed.unsubscribed).toBe(true);
    expect(feed.destroyed).toBe(true);
  });

  it('is caught up at once when it starts at or after the head', async () => {
    const feed = new FakeFeed();
    const onCaughtUp = jest.fn();
    const subscription = new EsdbCatchUpSubscription(sourceOf(feed, 40n), 40n, () => undefined, {
      onCaughtUp,
    });
    await subscription.caughtUp;
    expect(onCaughtUp).toHaveBeenCalledTimes(1);
    await subscription.stop();
  });

  it("uses the server's CaughtUp once every event before it is handled (head event gone)", async () => {
    const feed = new FakeFeed();
    const recorder = slowRecorder(5);
    let caughtUpWith: bigint[] | undefined;
    const subscription = new EsdbCatchUpSubscription(sourceOf(feed, 99n), 0n, recorder.handler, {
      onCaughtUp: () => (caughtUpWith = [...recorder.positions]),
    });
    await pause(1);
    // Events and CaughtUp arrive in the same tick, while the handler is slow.
    feed.push$(10n, 20n, 30n);
    feed.emit('caughtUp');
    await subscription.caughtUp;
    expect(caughtUpWith).toEqual([10n, 20n, 30n]);
    await subscription.stop();
  });

  it('with no event at all, CaughtUp alone marks it caught up', async () => {
    const feed = new FakeFeed();
    const subscription = new EsdbCatchUpSubscription(sourceOf(feed, 99n), 0n, () => undefined);
    await pause(1);
    feed.emit('caughtUp');
    await subscription.caughtUp;
    await subscription.stop();
  });

  it('rejects done when the handler fails and pulls nothing more', async () => {
    const feed = new FakeFeed();
    let calls = 0;
    const subscription = new EsdbCatchUpSubscription(sourceOf(feed, 0n), 0n, () => {
      calls += 1;
      throw new Error('projection broke');
    });
    await pause(1);
    feed.push$(10n, 20n, 30n);
    await expect(subscription.done).rejects.toThrow('projection broke');
    expect(calls).toBe(1);
    expect(feed.destroyed).toBe(true);
  });

  it('stop() before catching up ends quietly and rejects caughtUp', async () => {
    const feed = new FakeFeed();
    const recorder = slowRecorder();
    const subscription = new EsdbCatchUpSubscription(sourceOf(feed, 99n), 0n, recorder.handler);
    await pause(1);
    feed.push$(10n);
    await pause(10);
    await subscription.stop();
    feed.push$(20n);
    await pause(10);
    expect(recorder.positions).toEqual([10n]);
    await expect(subscription.done).resolves.toBeUndefined();
    await expect(subscription.caughtUp).rejects.toThrow(/before it caught up/);
  });

  it('fails when the server ends the subscription or sends an error', async () => {
    const ended = new FakeFeed();
    const first = new EsdbCatchUpSubscription(sourceOf(ended, 0n), 0n, () => undefined);
    await pause(1);
    ended.end();
    await expect(first.done).rejects.toThrow(/ended the \$all subscription/);

    const failing = new FakeFeed();
    const second = new EsdbCatchUpSubscription(sourceOf(failing, 0n), 0n, () => undefined);
    await pause(1);
    failing.destroy(new Error('14 UNAVAILABLE'));
    await expect(second.done).rejects.toThrow('14 UNAVAILABLE');
  });
});

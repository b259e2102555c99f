import { Client } from 'pg';
import { NOTIFY_CHANNEL } from './postgres-schema';

/** How soon a subscription looks again when committed events wait for an older transaction (ms). */
const PENDING_RETRY_MS = 5;
const RECONNECT_MS = 1000;

/**
 * Wakes the subscriptions of one store: after its own appends, on a NOTIFY from another process's appends
 * (LISTEN on one connection of its own), and after a polling interval, since a notification is lost while
 * the connection is down. The NOTIFY is sent after the COMMIT, outside the append's transaction: a
 * notifying transaction takes a lock on the server that would put every commit in one line.
 */
export class AppendNotifier {
  private waiters = new Map<() => void, NodeJS.Timeout>();
  private client: Client | undefined;
  private sending = false;
  private sendAgain = false;
  private pendingSoon = false;
  private stopped = false;

  private constructor(
    private readonly url: string,
    private readonly schema: string,
    private readonly pollIntervalMs: number,
  ) {}

  static async start(url: string, schema: string, pollIntervalMs: number): Promise<AppendNotifier> {
    const notifier = new AppendNotifier(url, schema, pollIntervalMs);
    await notifier.listen();
    return notifier;
  }

  /** This process committed an append: wake its subscriptions and tell the others. */
  committed(): void {
    this.wakeAll();
    void this.notifyOthers();
  }

  /** A reader met a committed row it may not read yet: the next wait is short. */
  soon(): void {
    this.pendingSoon = true;
  }

  /** Calls `wake` once: at the next commit seen, or after the polling interval. Returns a cancel function. */
  onNext(wake: () => void): () => void {
    if (this.stopped) {
      wake();
      return () => undefined;
    }
    const delay = this.pendingSoon ? PENDING_RETRY_MS : this.pollIntervalMs;
    this.pendingSoon = false;
    const timer = setTimeout(() => {
      this.waiters.delete(wake);
      wake();
    }, delay);
    this.waiters.set(wake, timer);
    return () => {
      clearTimeout(timer);
      this.waiters.delete(wake);
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeAll();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = new Map();
    for (const [wake, timer] of waiters) {
      clearTimeout(timer);
      wake();
    }
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.url });
    client.on('notification', (message) => {
      if (message.payload === this.schema) this.wakeAll();
    });
    client.on('error', () => this.reconnectLater(client));
    client.on('end', () => this.reconnectLater(client));
    await client.connect();
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    if (this.stopped) await client.end();
    else this.client = client;
  }

  private reconnectLater(failed: Client): void {
    if (this.stopped || this.client !== failed) return;
    this.client = undefined;
    void failed.end().catch(() => undefined);
    this.listenLater();
  }

  /** Until it listens again, the subscriptions' polling stands in for the notifications. */
  private listenLater(): void {
    setTimeout(() => {
      if (!this.stopped) this.listen().catch(() => this.listenLater());
    }, RECONNECT_MS).unref();
  }

  /** One NOTIFY at a time; appends meanwhile are told by one more after it. */
  private async notifyOthers(): Promise<void> {
    if (this.sending) {
      this.sendAgain = true;
      return;
    }
    this.sending = true;
    try {
      do {
        this.sendAgain = false;
        await this.client
          ?.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, this.schema])
          .catch(() => undefined);
      } while (this.sendAgain && !this.stopped);
    } finally {
      this.sending = false;
    }
  }
}

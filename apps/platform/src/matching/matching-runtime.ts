import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { decodeStoredEvent } from '@contracts';
import { START, type EventStore, type RecordedEvent, type Subscription } from '@lib/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ReadinessRegistry } from '../health/readiness.registry';
import { MatchingProjection } from './matching-projection';

/**
 * Feeds the matching state from the event store: from the start of the log at bootstrap (catch-up), then
 * live. `/ready` reports "matching caught up"; bootstrap does not wait, so `/health` answers meanwhile.
 */
@Injectable()
export class MatchingRuntime implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly state = new MatchingProjection();
  private readonly logger = new Logger('MatchingState');
  private subscription: Subscription | undefined;
  private caughtUp = false;
  private failure: unknown;
  private undecodable = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register('matching', async () => {
      const head = await this.events.headPosition();
      const position = this.state.position();
      const details = {
        position: position.toString(),
        headPosition: head.toString(),
        caughtUp: this.caughtUp,
        ...(this.undecodable > 0 ? { undecodableEvents: this.undecodable } : {}),
        ...(this.failure !== undefined ? { error: String(this.failure) } : {}),
      };
      return { ready: this.caughtUp && this.failure === undefined, details };
    });
  }

  onApplicationBootstrap(): void {
    const started = Date.now();
    const subscription = this.events.subscribeAll(START, (event) => this.onEvent(event));
    this.subscription = subscription;
    subscription.caughtUp.then(
      () => {
        this.caughtUp = true;
        this.logger.log(`Matching state caught up at ${this.state.position()} in ${Date.now() - started} ms`);
      },
      () => undefined,
    );
    subscription.done.catch((error: unknown) => {
      this.failure = error instanceof Error ? error.message : error;
      this.logger.error(`The matching state stopped following the log: ${String(this.failure)}`);
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }

  private onEvent(record: RecordedEvent): void {
    let decoded;
    try {
      decoded = decodeStoredEvent(record);
    } catch (error) {
      // One bad event must not stop matching for everyone; it is counted and shown by /ready.
      this.undecodable++;
      this.logger.warn(`Event at ${record.position} (${record.type}) skipped: ${(error as Error).message}`);
      this.state.advance(record.position);
      return;
    }
    this.state.apply(decoded, record.position);
  }
}

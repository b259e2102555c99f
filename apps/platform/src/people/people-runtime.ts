import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { decodeStoredEvent } from '@contracts';
import { PeopleIndex } from '@lib/application/people/people-index';
import { START, type EventStore, type RecordedEvent, type Subscription } from '@lib/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ReadinessRegistry } from '../health/readiness.registry';

/**
 * Feeds the people index from the event store: from the start of the log at bootstrap, then live (ADR
 * 0011). `/ready` reports "people caught up"; bootstrap does not wait, so `/health` answers meanwhile.
 */
@Injectable()
export class PeopleRuntime implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly index = new PeopleIndex();
  private readonly logger = new Logger('PeopleIndex');
  private subscription: Subscription | undefined;
  private caughtUp = false;
  private failure: unknown;
  private undecodable = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register('people', async () => {
      const head = await this.events.headPosition();
      const details = {
        position: this.index.position().toString(),
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
        const { householdCount, personCount } = this.index;
        this.logger.log(
          `People index caught up at ${this.index.position()} in ${Date.now() - started} ms ` +
            `(${householdCount} households, ${personCount} people)`,
        );
      },
      () => undefined,
    );
    subscription.done.catch((error: unknown) => {
      this.failure = error instanceof Error ? error.message : error;
      this.logger.error(`The people index stopped following the log: ${String(this.failure)}`);
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
      // One bad event must not stop search for everyone; it is counted and shown by /ready.
      this.undecodable++;
      this.logger.warn(`Event at ${record.position} (${record.type}) skipped: ${(error as Error).message}`);
      this.index.advance(record.position);
      return;
    }
    this.index.apply(decoded, record.position);
  }
}

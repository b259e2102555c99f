import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import type { EventStore } from '@lib/event-store';
import { ALL_TOPICS, EventRelay, type CheckpointStore, type EventBus } from '@lib/messaging';
import { EVENT_STORE } from '../../platform/src/event-store/event-store.module';
import { ReadinessRegistry } from '../../platform/src/health/readiness.registry';

export const RELAY_BUS = 'RELAY_BUS';
export const RELAY_CHECKPOINTS = 'RELAY_CHECKPOINTS';

/** The checkpoint store, with how to release it (a Mongo connection or a SQLite file). */
export interface RelayCheckpoints {
  readonly store: CheckpointStore;
  /** Where the checkpoint lives, for /ready and the start log. */
  readonly description: string;
  close(): Promise<void>;
}

export interface RelayTimings {
  /** Pause between attempts to create the topics while Kafka is not reachable. */
  readonly topicRetryMs: number;
  /** /ready stays down this long after a failed publish round (the relay retries every ≤5 s meanwhile). */
  readonly unhealthyAfterErrorMs: number;
}

export const RELAY_TIMINGS = 'RELAY_TIMINGS';

/**
 * Runs the EventRelay in the relay service: at bootstrap, in the background (so /health answers at once),
 * creates the topics (the deployment's topic-creation step; idempotent, retried until Kafka answers), then
 * follows the store's global log from the checkpoint. `/ready`: topics created, relay running, and no failed
 * round recently; its details give the checkpoint, the head and the lag.
 */
@Injectable()
export class RelayRuntime
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('Relay');
  private readonly relay: EventRelay;
  private topicsCreated = false;
  private started = false;
  private stopping = false;
  private lastError: { at: number; message: string } | undefined;
  private starting: Promise<void> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(RELAY_BUS) private readonly bus: EventBus,
    @Inject(RELAY_CHECKPOINTS) private readonly checkpoints: RelayCheckpoints,
    @Inject(RELAY_TIMINGS) private readonly timings: RelayTimings,
    private readonly readiness: ReadinessRegistry,
  ) {
    this.relay = new EventRelay(events, bus, checkpoints.store, {
      onError: (error) => this.failed(error),
    });
  }

  onModuleInit(): void {
    this.readiness.register('relay', async () => {
      const head = await this.events.headPosition();
      const checkpoint = this.relay.position() ?? (await this.checkpoints.store.load(this.relay.name));
      const recentError =
        this.lastError !== undefined && Date.now() - this.lastError.at < this.timings.unhealthyAfterErrorMs;
      const details = {
        topicsCreated: this.topicsCreated,
        checkpointStore: this.checkpoints.description,
        checkpoint: checkpoint?.toString() ?? null,
        headPosition: head.toString(),
        published: this.relay.published,
        ...(this.lastError ? { lastError: this.lastError.message } : {}),
      };
      return { ready: this.topicsCreated && this.started && !recentError, details };
    });
  }

  onApplicationBootstrap(): void {
    this.starting = this.start();
  }

  /** The relay itself (tests publish through it; the service only runs it). */
  get eventRelay(): EventRelay {
    return this.relay;
  }

  /** Resolves once the topics exist and the relay follows the log. */
  whenStarted(): Promise<void> {
    return this.starting;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.starting.catch(() => undefined);
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
    await this.checkpoints.close();
  }

  private async start(): Promise<void> {
    while (!this.stopping && !this.topicsCreated) {
      try {
        await this.bus.ensureTopics(ALL_TOPICS);
        this.topicsCreated = true;
      } catch (error) {
        this.failed(error);
        await new Promise((resolve) => setTimeout(resolve, this.timings.topicRetryMs));
      }
    }
    if (this.stopping) return;
    await this.relay.start();
    this.started = true;
    this.logger.log(`Relaying the event store to Kafka (checkpoint in ${this.checkpoints.description})`);
  }

  private failed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.lastError = { at: Date.now(), message };
    this.logger.warn(`Relay round failed, retrying: ${message}`);
  }
}

import { EventDecodeError, type DomainEvent, type EventEnvelope } from '@contracts';
import { decodeBusMessage, UndecodableMessage } from '../envelope-message';
import type {
  BatchControl,
  BusConsumer,
  BusMessage,
  ConsumedBatch,
  ConsumedMessage,
  EventBus,
} from '../event-bus.port';
import { HEADERS, TOPICS } from '../topics';

export type Envelope = EventEnvelope<DomainEvent>;

/** What the consumer feeds: e.g. the projection runner's batch apply (documents + checkpoint in one write). */
export interface EnvelopeHandler {
  /** Applies the envelopes in order; must be idempotent (the bus delivers at least once). */
  applyEnvelopes(envelopes: readonly Envelope[]): Promise<void>;
}

/** Thrown by a handler for an event it can never apply: the message is dead-lettered, not retried. */
export class PoisonMessage extends Error {
  readonly code = 'poison_message';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PoisonMessage';
  }
}

export type FailureKind = 'poison' | 'transient';

/** Decoding failures and PoisonMessage are deterministic; anything else (a store down…) is transient. */
export const defaultClassify = (error: unknown): FailureKind =>
  error instanceof UndecodableMessage || error instanceof EventDecodeError || error instanceof PoisonMessage
    ? 'poison'
    : 'transient';

export interface DeadLetter {
  readonly message: ConsumedMessage;
  readonly code: string;
  readonly reason: string;
}

export interface ProjectionConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly classify?: (error: unknown) => FailureKind;
  /** Tries of a batch that fails transiently before the consumer gives it back to the bus. Default 5. */
  readonly maxAttempts?: number;
  /** Pause before the second try, doubled at each further one. Default 100 ms. */
  readonly retryDelayMs?: number;
  readonly deadLetterTopic?: string;
  /** Told of every dead-lettered message (after the dead-letter topic acknowledged it). */
  readonly onDeadLetter?: (entry: DeadLetter) => void;
}

const MAX_REASON_LENGTH = 1000;

/**
 * Consumes envelope messages from the bus into a handler: decode each message (JSON, envelope schema, the
 * event's schema, upcast), apply the batch, and only then commit the partition's offset. A message that
 * cannot be decoded, or that the handler refuses deterministically, is published to the dead-letter topic
 * with its reason in the headers, and the offset moves past it: it is never dropped silently. A transient
 * failure is retried without committing, and after `maxAttempts` handed back to the bus, which redelivers
 * from the last commit.
 */
export class ProjectionConsumer {
  private readonly classify: (error: unknown) => FailureKind;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly deadLetterTopic: string;
  private consumer: BusConsumer | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly handler: EnvelopeHandler,
    private readonly options: ProjectionConsumerOptions,
  ) {
    this.classify = options.classify ?? defaultClassify;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.deadLetterTopic = options.deadLetterTopic ?? TOPICS.deadLetter;
  }

  async start(): Promise<BusConsumer> {
    if (this.consumer) return this.consumer;
    this.consumer = await this.bus.consume({
      groupId: this.options.groupId,
      topics: this.options.topics,
      eachBatch: (batch, control) => this.handleBatch(batch, control),
    });
    await this.consumer.ready;
    return this.consumer;
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.stop();
  }

  /** One partition's batch: decode, dead-letter what is poison, apply the rest, then commit. */
  async handleBatch(batch: ConsumedBatch, control: BatchControl): Promise<void> {
    if (batch.messages.length === 0) return;
    const decoded: { message: ConsumedMessage; envelope: Envelope }[] = [];
    const poison: DeadLetter[] = [];
    for (const message of batch.messages) {
      try {
        decoded.push({ message, envelope: decodeBusMessage(message.value) });
      } catch (error) {
        poison.push(deadLetterOf(message, error));
      }
    }
    await this.deadLetter(poison);
    await this.apply(decoded, control);
    await control.commit(batch.messages[batch.messages.length - 1].offset);
  }

  /**
   * Applies in one call; on a poison failure, isolates the culprit by applying one message at a time
   * (the handler is idempotent, so what the failed call may have written is harmless).
   */
  private async apply(
    items: readonly { message: ConsumedMessage; envelope: Envelope }[],
    control: BatchControl,
  ): Promise<void> {
    if (items.length === 0) return;
    const failure = await this.applyWithRetries(
      items.map((i) => i.envelope),
      control,
    );
    if (failure === undefined) return;
    if (items.length === 1) {
      await this.deadLetter([deadLetterOf(items[0].message, failure)]);
      return;
    }
    for (const item of items) await this.apply([item], control);
  }

  /** Undefined on success; the error when it is poison; throws (no commit) when transient tries run out. */
  private async applyWithRetries(envelopes: readonly Envelope[], control: BatchControl): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.handler.applyEnvelopes(envelopes);
        await control.heartbeat();
        return undefined;
      } catch (error) {
        if (this.classify(error) === 'poison') return error;
        if (attempt >= this.maxAttempts || !control.isRunning()) throw error;
        await control.heartbeat();
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * 2 ** (attempt - 1)));
      }
    }
  }

  /** Publishes to the dead-letter topic; resolves once acknowledged (before the offset may move past). */
  private async deadLetter(entries: readonly DeadLetter[]): Promise<void> {
    if (entries.length === 0) return;
    const messages: BusMessage[] = entries.map(({ message, code, reason }) => ({
      topic: this.deadLetterTopic,
      key: message.key,
      value: message.value,
      headers: {
        ...message.headers,
        [HEADERS.deadLetterCode]: code,
        [HEADERS.deadLetterReason]: reason,
        [HEADERS.deadLetterTopic]: message.topic,
        [HEADERS.deadLetterPartition]: String(message.partition),
        [HEADERS.deadLetterOffset]: message.offset,
        [HEADERS.deadLetterGroup]: this.options.groupId,
      },
    }));
    await this.bus.publish(messages);
    for (const entry of entries) this.options.onDeadLetter?.(entry);
  }
}

function deadLetterOf(message: ConsumedMessage, error: unknown): DeadLetter {
  // The decode error's own code (unknown_event_type, invalid_event_data, …) says more than the wrapper's.
  const root =
    error instanceof UndecodableMessage && error.cause instanceof EventDecodeError ? error.cause : error;
  const code = (root as { code?: unknown } | undefined)?.code;
  const reason = error instanceof Error ? error.message : String(error);
  return {
    message,
    code: typeof code === 'string' ? code : 'handler_failed',
    reason: reason.slice(0, MAX_REASON_LENGTH),
  };
}

import type { BusConsumer, BusMessage, ConsumeOptions, EventBus } from '../event-bus.port';

export type PublishFault = 'refused' | 'ack_lost';

/**
 * Wraps a bus to inject publish failures in tests: `refused` fails before anything is written (a broker
 * down); `ack_lost` writes the messages, then fails (the acknowledgement never came back: the caller
 * cannot tell, and re-publishes). `beforePublish` sees every publish first (e.g. to check what is sent).
 */
export class FaultyEventBus implements EventBus {
  private readonly faults: PublishFault[] = [];
  publishCalls = 0;

  constructor(
    private readonly inner: EventBus,
    private readonly beforePublish: (messages: readonly BusMessage[]) => void | Promise<void> = () =>
      undefined,
  ) {}

  /** The next publishes fail, one fault each, in order. */
  failNext(...faults: PublishFault[]): void {
    this.faults.push(...faults);
  }

  ensureTopics(topics: readonly string[]): Promise<void> {
    return this.inner.ensureTopics(topics);
  }

  async publish(messages: readonly BusMessage[]): Promise<void> {
    this.publishCalls += 1;
    await this.beforePublish(messages);
    const fault = this.faults.shift();
    if (fault === 'refused') throw new Error('simulated: broker unavailable');
    await this.inner.publish(messages);
    if (fault === 'ack_lost') throw new Error('simulated: acknowledgement lost');
  }

  consume(options: ConsumeOptions): Promise<BusConsumer> {
    return this.inner.consume(options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

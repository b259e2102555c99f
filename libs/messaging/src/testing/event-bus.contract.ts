import { randomUUID } from 'node:crypto';
import type { BusConsumer, BusMessage, ConsumedMessage, EventBus } from '../event-bus.port';

export interface EventBusHarness {
  /** A bus ready to use; it may be a shared server (topics and groups are uniquely named per test). */
  create(): Promise<EventBus>;
  /** How long to wait for deliveries (a real broker's group join takes seconds). */
  readonly timeoutMs?: number;
}

/** Resolves once `condition` holds, checking every few milliseconds; rejects after `timeoutMs`. */
export async function waitUntil(
  condition: () => boolean,
  timeoutMs: number,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const message = (topic: string, key: string, i: number): BusMessage => ({
  topic,
  key,
  value: JSON.stringify({ key, i }),
  headers: { 'event-type': 'Test', seq: String(i) },
});

const seqOf = (m: ConsumedMessage): number => (JSON.parse(m.value) as { i: number }).i;

/**
 * The behaviour every EventBus adapter must have: acknowledged publishes are delivered, a key keeps its
 * order in one partition, groups are independent, and a group resumes from its last commit (after a stop
 * or a crash), so delivery is at-least-once and never skips an uncommitted message.
 */
export function describeEventBusContract(adapterName: string, harness: EventBusHarness): void {
  describe(`EventBus contract: ${adapterName}`, () => {
    const timeoutMs = harness.timeoutMs ?? 5_000;
    let bus: EventBus;
    let topic: string;
    const consumers: BusConsumer[] = [];

    beforeEach(async () => {
      bus = await harness.create();
      topic = `contract-${randomUUID()}`;
      await bus.ensureTopics([topic]);
    });
    afterEach(async () => {
      await Promise.all(consumers.splice(0).map((c) => c.stop()));
      await bus.close();
    });

    /** Consumes into `seen`, committing each batch's last offset unless `commit` says otherwise. */
    async function collect(
      groupId: string,
      seen: ConsumedMessage[],
      commit: (m: ConsumedMessage) => boolean = () => true,
    ): Promise<BusConsumer> {
      const consumer = await bus.consume({
        groupId,
        topics: [topic],
        eachBatch: async (batch, control) => {
          for (const m of batch.messages) {
            seen.push(m);
            if (commit(m)) await control.commit(m.offset);
          }
        },
      });
      consumers.push(consumer);
      await consumer.ready;
      return consumer;
    }

    it('delivers every acknowledged message, with its value and headers, in publish order per key', async () => {
      const keys = Array.from({ length: 12 }, (_, k) => `stream-${k}`);
      const published = Array.from({ length: 120 }, (_, i) => message(topic, keys[i % keys.length], i));
      await bus.publish(published.slice(0, 60));
      await bus.publish(published.slice(60));
      const seen: ConsumedMessage[] = [];
      await collect(`g-${randomUUID()}`, seen);
      await waitUntil(() => seen.length >= published.length, timeoutMs, 'all delivered');

      expect(seen).toHaveLength(published.length);
      expect(new Set(seen.map(seqOf)).size).toBe(published.length);
      const first = seen.find((m) => seqOf(m) === 7) as ConsumedMessage;
      expect(first).toMatchObject({ topic, key: keys[7], value: published[7].value });
      expect(first.headers).toMatchObject(published[7].headers);
      for (const key of keys) {
        const ofKey = seen.filter((m) => m.key === key);
        expect(new Set(ofKey.map((m) => m.partition)).size).toBe(1);
        const order = ofKey.map(seqOf);
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
    });

    it('gives each group every message, independently of the others', async () => {
      await bus.publish(Array.from({ length: 20 }, (_, i) => message(topic, `k-${i % 3}`, i)));
      const a: ConsumedMessage[] = [];
      const b: ConsumedMessage[] = [];
      await Promise.all([collect(`a-${randomUUID()}`, a), collect(`b-${randomUUID()}`, b)]);
      await waitUntil(() => a.length >= 20 && b.length >= 20, timeoutMs, 'both groups');
      expect(a.map(seqOf).sort((x, y) => x - y)).toEqual(b.map(seqOf).sort((x, y) => x - y));
    });

    it('resumes a group from its last commit: committed messages are not delivered again, the rest are', async () => {
      const groupId = `g-${randomUUID()}`;
      await bus.publish(Array.from({ length: 30 }, (_, i) => message(topic, 'one-key', i)));
      const before: ConsumedMessage[] = [];
      // Commits up to seq 9 only; the rest is seen but never committed.
      const first = await collect(groupId, before, (m) => seqOf(m) <= 9);
      await waitUntil(() => before.some((m) => seqOf(m) === 29), timeoutMs, 'first pass');
      await first.stop();

      const after: ConsumedMessage[] = [];
      await collect(groupId, after);
      await waitUntil(() => after.some((m) => seqOf(m) === 29), timeoutMs, 'second pass');
      expect(after.map(seqOf)).toEqual(Array.from({ length: 20 }, (_, i) => i + 10));
    });

    it('redelivers from the last commit after a batch throws (a consumer crash)', async () => {
      const groupId = `g-${randomUUID()}`;
      await bus.publish(Array.from({ length: 10 }, (_, i) => message(topic, 'k', i)));
      const seen: number[] = [];
      let crashes = 0;
      const consumer = await bus.consume({
        groupId,
        topics: [topic],
        eachBatch: async (batch, control) => {
          for (const m of batch.messages) {
            seen.push(seqOf(m));
            if (seqOf(m) === 4 && crashes === 0) {
              crashes += 1;
              throw new Error('simulated crash before the commit of seq 4');
            }
            await control.commit(m.offset);
          }
        },
      });
      consumers.push(consumer);
      await waitUntil(() => seen.includes(9), timeoutMs, 'after the crash');
      expect(crashes).toBe(1);
      // Seq 4 was delivered twice: at least once, nothing skipped, nothing committed twice before it.
      expect(seen.filter((s) => s === 4)).toHaveLength(2);
      expect([...new Set(seen)].sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    });

    it('delivers messages published while the group is consuming', async () => {
      const seen: ConsumedMessage[] = [];
      await collect(`g-${randomUUID()}`, seen);
      await bus.publish([message(topic, 'live', 0)]);
      await waitUntil(() => seen.length >= 1, timeoutMs, 'first live message');
      await bus.publish([message(topic, 'live', 1), message(topic, 'live', 2)]);
      await waitUntil(() => seen.length >= 3, timeoutMs, 'later live messages');
      expect(seen.map(seqOf)).toEqual([0, 1, 2]);
    });
  });
}

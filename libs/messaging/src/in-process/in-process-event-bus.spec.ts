import { UnknownTopic, type ConsumedMessage } from '../event-bus.port';
import { describeEventBusContract, waitUntil } from '../testing/event-bus.contract';
import { InProcessEventBus } from './in-process-event-bus';

describeEventBusContract('in-process', { create: async () => new InProcessEventBus({ partitions: 4 }) });

describe('InProcessEventBus', () => {
  const msg = (topic: string, key: string, value: string) => ({ topic, key, value, headers: {} });

  it('refuses a publish naming an unknown topic and writes none of it', async () => {
    const bus = new InProcessEventBus();
    await bus.ensureTopics(['known']);
    await expect(bus.publish([msg('known', 'k', '1'), msg('unknown', 'k', '2')])).rejects.toBeInstanceOf(
      UnknownTopic,
    );
    expect(bus.messagesOf('known')).toHaveLength(0);
  });

  it('spreads keys over its partitions, the same key always to the same one', () => {
    const bus = new InProcessEventBus({ partitions: 4 });
    const used = new Set(Array.from({ length: 100 }, (_, i) => bus.partitionOf(`household-${i}`)));
    expect(used.size).toBe(4);
    expect(bus.partitionOf('household-1')).toBe(bus.partitionOf('household-1'));
  });

  it("shares partitions among the members of a group and hands a crashed member's to the others", async () => {
    const bus = new InProcessEventBus({ partitions: 4 });
    await bus.ensureTopics(['t']);
    const seen: { member: string; message: ConsumedMessage }[] = [];
    const member = (name: string) =>
      bus.consume({
        groupId: 'g',
        topics: ['t'],
        eachBatch: async (batch, control) => {
          for (const m of batch.messages) {
            seen.push({ member: name, message: m });
            // b writes but dies before every commit.
            if (name === 'b') {
              await b.crash();
              return;
            }
            await control.commit(m.offset);
          }
        },
      });
    const a = await member('a');
    const b = await member('b');
    await bus.publish(Array.from({ length: 40 }, (_, i) => msg('t', `k-${i}`, String(i))));
    await waitUntil(
      () => new Set(seen.filter((s) => s.member === 'a').map((s) => s.message.value)).size === 40,
      5000,
    );
    // b saw one message and committed nothing: a got it too (redelivery), and the group committed everything.
    expect(seen.filter((s) => s.member === 'b')).toHaveLength(1);
    const committed = [...bus.committedOffsets('g').values()].reduce((sum, n) => sum + n, 0);
    expect(committed).toBe(40);
    await a.stop();
  });
});

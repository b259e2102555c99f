import { Histogram, Registry } from 'prom-client';
import { SqliteEventStore, WrongExpectedVersion, type EventStore, type Position } from '@lib/event-store';
import { describeEventStoreContract } from '@lib/event-store/testing/event-store.contract';
import { newEvent, newEvents, uniqueStream } from '@lib/event-store/testing/event-fixtures';
import { InstrumentedEventStore } from './instrumented-event-store';

const latency = () =>
  new Histogram({
    name: 'event_store_append_duration_seconds',
    help: 'append latency',
    labelNames: ['result'] as const,
    registers: [new Registry()],
  });

// The decorator is the store the whole platform uses: it must keep every promise of the port.
describeEventStoreContract('instrumented SQLite (:memory:)', {
  create: async () => new InstrumentedEventStore(SqliteEventStore.open(':memory:'), { latency: latency() }),
});

describe('InstrumentedEventStore', () => {
  let inner: EventStore;
  let histogram: Histogram<'result'>;
  let appended: { position: Position; atMs: number }[];
  let store: EventStore;

  beforeEach(() => {
    inner = SqliteEventStore.open(':memory:');
    histogram = latency();
    appended = [];
    store = new InstrumentedEventStore(inner, {
      latency: histogram,
      appended: (position, atMs) => appended.push({ position, atMs }),
    });
  });
  afterEach(() => store.close());

  const countOf = async (result: string): Promise<number> => {
    const { values } = await histogram.get();
    return values.find((v) => v.metricName?.endsWith('_count') && v.labels.result === result)?.value ?? 0;
  };

  it('times each append by its result: ok, wrong_expected_version, error', async () => {
    const stream = uniqueStream();
    await store.append(stream, newEvents(2), 'no_stream');
    await store.append(stream, [newEvent()], 1);
    await expect(store.append(stream, [newEvent()], 0)).rejects.toBeInstanceOf(WrongExpectedVersion);
    const spy = jest.spyOn(inner, 'append').mockRejectedValueOnce(new Error('disk full'));
    await expect(store.append(stream, [newEvent()], 2)).rejects.toThrow('disk full');
    spy.mockRestore();

    expect([await countOf('ok'), await countOf('wrong_expected_version'), await countOf('error')]).toEqual([
      2, 1, 1,
    ]);
  });

  it('tells the position of each successful append, and only of those', async () => {
    const stream = uniqueStream();
    const before = Date.now();
    const first = await store.append(stream, newEvents(3), 'no_stream');
    await expect(store.append(stream, [newEvent()], 0)).rejects.toBeInstanceOf(WrongExpectedVersion);
    expect(appended).toEqual([{ position: first.position, atMs: expect.any(Number) }]);
    expect(appended[0].atMs).toBeGreaterThanOrEqual(before);
    expect(first.position).toBe(3n);
  });
});

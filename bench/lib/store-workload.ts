import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend, ExpectedRevision, RecordedEvent } from '@lib/event-store';
import { timed } from './bench-report';

/** An event shaped like the service's own (a posted vacancy), about 400 bytes of JSON. */
export function sampleEvent(i: number): EventToAppend {
  return {
    id: randomUUID(),
    type: 'VacancyPosted',
    version: 1,
    occurredAt: new Date(1_700_000_000_000 + i * 1000).toISOString(),
    data: {
      vacancyId: randomUUID(),
      source: { kind: 'labour_station', id: `station-${i % 135}` },
      occupation: '电子装配工',
      location: { province: '44', city: '4419', county: '441900' },
      openings: 1 + (i % 20),
      wage: { min: 4500, max: 6500 },
      age: { min: 18, max: 50 },
      accommodation: true,
    },
    metadata: { actor: 'station-12', correlationId: randomUUID(), causationId: randomUUID() },
  };
}

/** `count` appends of `size` sample events each. */
export const sampleBatches = (count: number, size: number): EventToAppend[][] =>
  Array.from({ length: count }, (_, a) => Array.from({ length: size }, (_, e) => sampleEvent(a * size + e)));

/** What one round of appends gave: its wall time and each append's latency. */
export interface AppendRound {
  readonly seconds: number;
  readonly latenciesMs: readonly number[];
}

/**
 * `writers` callers appending `appends` appends of `batchSize` events in all, each to a stream of its own,
 * each waiting for its append before the next (as a command handler does).
 */
export async function appendConcurrently(
  store: EventStore,
  appends: number,
  batchSize: number,
  writers: number,
): Promise<AppendRound> {
  const work = Array.from({ length: writers }, () => sampleBatches(appends / writers, batchSize));
  const latenciesMs: number[] = [];
  const seconds = await timed(() =>
    Promise.all(
      work.map(async (writerBatches, w) => {
        let expected: ExpectedRevision = 'no_stream';
        for (const batch of writerBatches) {
          const started = process.hrtime.bigint();
          expected = (await store.append(`writer-${w}`, batch, expected)).nextExpectedRevision;
          latenciesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
      }),
    ),
  );
  return { seconds, latenciesMs };
}

/** What every read path does with each event: reads a field of its parsed data. */
export const touch = (event: RecordedEvent): number => ((event.data.openings as number) > 0 ? 1 : 0);

/** One way of reading the whole log; it must hand over every event with its data parsed. */
export interface ReadPath {
  readonly label: string;
  /** Reads the log and returns how many events it saw whose data it could read. */
  readonly read: () => Promise<number>;
  /** For a server's read path: CPU seconds its server processes have used so far, by process id. */
  readonly serverCpu?: () => Promise<Map<number, number>>;
}

/** What the rounds of one read path gave (medians). */
export interface ReadFigure {
  readonly label: string;
  /** events/s, wall clock. */
  readonly wall: number;
  /** events/s per CPU-second of this process (less sensitive to other load on a shared machine). */
  readonly perCpuSecond: number;
  /** For a server's read path: CPU its server processes used per event, in µs. */
  readonly serverCpuMicros?: number;
}

/** What the rounds of one append path gave (medians). */
export interface AppendFigures {
  readonly label: string;
  readonly batchSize: number;
  readonly writers: number;
  readonly eventsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

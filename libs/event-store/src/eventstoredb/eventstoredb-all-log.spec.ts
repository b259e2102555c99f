import {
  BACKWARDS,
  END,
  START as ESDB_START,
  type EventStoreDBClient,
  type ReadAllOptions,
} from '@eventstore/db-client';
import { Readable } from 'node:stream';
import { eventsOfPages } from '../events-of-pages';
import { findHeadPosition, readAllPagesAfter } from './eventstoredb-all-log';
import { resolvedEvent } from './testing/resolved-event';

/** What the adapter's readAll is: the pages' events, at most `limit`. */
const readAllAfter = (client: EventStoreDBClient, after: bigint, limit: number, pageSize: number) =>
  eventsOfPages(readAllPagesAfter(client, after, pageSize, limit), limit);

interface LogEntry {
  readonly position: bigint;
  readonly streamId: string;
  readonly type: string;
}

/**
 * A stand-in for the client's `readAll` over an in-memory $all: like the server, a read includes the
 * event at `fromPosition`, in both directions. Counts requests and cancellations.
 */
function fakeClient(log: readonly LogEntry[]): {
  client: EventStoreDBClient;
  reads: number;
  cancels: number;
} {
  const state = { reads: 0, cancels: 0 };
  const readAll = ({ fromPosition = ESDB_START, maxCount = Infinity, direction }: ReadAllOptions = {}) => {
    state.reads += 1;
    const backwards = direction === BACKWARDS;
    const ordered = backwards ? [...log].reverse() : [...log];
    const from = fromPosition === ESDB_START || fromPosition === END ? undefined : fromPosition.commit;
    const selected = ordered
      .filter((e) => from === undefined || (backwards ? e.position <= from : e.position >= from))
      .slice(0, Number(maxCount))
      .map(({ position, streamId, type }) => resolvedEvent(position, streamId, type));
    return Object.assign(Readable.from(selected), {
      cancel: async () => {
        state.cancels += 1;
      },
    });
  };
  const client = { readAll } as unknown as EventStoreDBClient;
  return {
    client,
    get reads() {
      return state.reads;
    },
    get cancels() {
      return state.cancels;
    },
  };
}

/** 30 events of ours at positions 100, 200, ... with a system event after every third. */
function mixedLog(): LogEntry[] {
  const log: LogEntry[] = [{ position: 10n, streamId: '$users', type: '$UserCreated' }];
  for (let i = 1; i <= 30; i++) {
    log.push({ position: BigInt(i * 100), streamId: `vacancy-${i % 4}`, type: 'VacancyPosted' });
    if (i % 3 === 0)
      log.push({ position: BigInt(i * 100 + 50), streamId: '$stats-node', type: '$statsCollected' });
  }
  return log;
}

async function collect(iterable: AsyncIterable<{ position: bigint }>): Promise<bigint[]> {
  const positions: bigint[] = [];
  for await (const event of iterable) positions.push(event.position);
  return positions;
}

const ours = (log: readonly LogEntry[]): bigint[] =>
  log.filter((e) => !e.type.startsWith('$')).map((e) => e.position);

describe('readAllAfter', () => {
  it('reads every event of ours after the position, across pages, skipping system events', async () => {
    const log = mixedLog();
    const fake = fakeClient(log);
    expect(await collect(readAllAfter(fake.client, 0n, Infinity, 7))).toEqual(ours(log));
    expect(fake.reads).toBeGreaterThan(5);
  });

  it('starts strictly after the given position and stops at the limit, cancelling the open read', async () => {
    const fake = fakeClient(mixedLog());
    expect(await collect(readAllAfter(fake.client, 900n, 4, 5))).toEqual([1000n, 1100n, 1200n, 1300n]);
    expect(fake.cancels).toBe(1);
  });

  it('resumes from the last position read without overlap or loss', async () => {
    const log = mixedLog();
    const fake = fakeClient(log);
    const read: bigint[] = [];
    let after = 0n;
    for (;;) {
      const page = await collect(readAllAfter(fake.client, after, 4, 3));
      if (page.length === 0) break;
      read.push(...page);
      after = page[page.length - 1];
    }
    expect(read).toEqual(ours(log));
  });

  it('reads nothing after the last event', async () => {
    expect(await collect(readAllAfter(fakeClient(mixedLog()).client, 3000n, Infinity, 10))).toEqual([]);
  });
});

describe('readAllPagesAfter', () => {
  it('gives one non-empty page per server read, system events dropped, joined equal to the event read', async () => {
    const log = mixedLog();
    const fake = fakeClient(log);
    const pages: bigint[][] = [];
    for await (const page of readAllPagesAfter(fake.client, 0n, 7)) pages.push(page.map((e) => e.position));
    expect(pages.every((page) => page.length > 0 && page.length <= 7)).toBe(true);
    expect(pages.flat()).toEqual(ours(log));
    // One page per read at most: a page never spans two server reads.
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThanOrEqual(fake.reads);
    expect(fake.cancels).toBe(0);
  });

  it('ends the server read when the reader stops between pages', async () => {
    const fake = fakeClient(mixedLog());
    for await (const page of readAllPagesAfter(fake.client, 0n, 5)) {
      expect(page.length).toBeGreaterThan(0);
      break;
    }
    expect(fake.reads).toBe(1);
  });
});

describe('findHeadPosition', () => {
  it('is the last event of ours, found past trailing system events in earlier pages', async () => {
    const log = mixedLog();
    for (let i = 1; i <= 9; i++)
      log.push({ position: 5000n + BigInt(i), streamId: '$stats-node', type: '$statsCollected' });
    const fake = fakeClient(log);
    expect(await findHeadPosition(fake.client, 4)).toBe(3000n);
    expect(fake.reads).toBe(4);
  });

  it('is START when the log holds only system events, or nothing', async () => {
    const systemOnly: LogEntry[] = [1n, 2n, 3n, 4n, 5n].map((p) => ({
      position: p,
      streamId: '$x',
      type: '$y',
    }));
    expect(await findHeadPosition(fakeClient(systemOnly).client, 2)).toBe(0n);
    expect(await findHeadPosition(fakeClient([]).client, 2)).toBe(0n);
  });
});

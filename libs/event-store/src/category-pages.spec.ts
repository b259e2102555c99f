import fc from 'fast-check';
import { readCategoryPages } from './category-pages';
import type { EventStore, RecordedEvent } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { newEvent } from './testing/event-fixtures';

/** Stream ids on both sides of the `household-` range: near misses must stay out, every member in. */
const STREAMS = [
  'household-1',
  'household-2',
  'household-',
  'household',
  'households-1',
  'householdA',
  'househol-1',
  'household.1',
  'household-贵州',
  'vacancy-1',
  'worker-1',
];

async function collect(pages: AsyncIterable<readonly RecordedEvent[]>): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}

/** The whole log filtered here: what the fallback does for stores without a category read. */
const genericOnly = (store: EventStore): EventStore => ({
  append: (s, e, r) => store.append(s, e, r),
  readStream: (s, r) => store.readStream(s, r),
  readAll: (a, l) => store.readAll(a, l),
  readAllPages: (a, p) => store.readAllPages(a, p),
  subscribeAll: (a, h, o) => store.subscribeAll(a, h, o),
  headPosition: () => store.headPosition(),
  close: () => store.close(),
});

describe('readCategoryPages', () => {
  it('SQLite reads exactly the streams `<category>-…`, in log order, as the whole log filtered does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...STREAMS), { minLength: 0, maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        fc.nat(70),
        async (streams, pageSize, after) => {
          const store = SqliteEventStore.open(':memory:', { pageSize });
          try {
            for (const streamId of streams) await store.append(streamId, [newEvent()], 'any');
            const native = await collect(store.readCategoryPages('household', BigInt(after), pageSize));
            const filtered = await collect(readCategoryPages(genericOnly(store), 'household', BigInt(after)));
            const expected = streams
              .map((streamId, i) => ({ streamId, position: BigInt(i + 1) }))
              .filter((e) => e.streamId.startsWith('household-') && e.position > BigInt(after));
            expect(native.map((e) => [e.streamId, e.position])).toEqual(
              expected.map((e) => [e.streamId, e.position]),
            );
            expect(filtered).toEqual(native);
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

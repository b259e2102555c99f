import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { EventToAppend, JsonObject } from '../event-store.port';
import { newEvent } from '../testing/event-fixtures';
import { SqlitePageReader } from './sqlite-page-reader';
import { INSERT_SQL, insertParams, SCHEMA_SQL } from './sqlite-schema';

interface Stored {
  readonly streamId: string;
  readonly revision: number;
  readonly event: EventToAppend;
}

function storeWith(rows: readonly Stored[]): Database.Database {
  const db = new Database(':memory:');
  db.exec(SCHEMA_SQL);
  const insert = db.prepare(INSERT_SQL);
  for (const { streamId, revision, event } of rows) insert.run(...insertParams(streamId, revision, event));
  return db;
}

const stored = (count: number, streamId = 'stream-a'): Stored[] =>
  Array.from({ length: count }, (_, revision) => ({
    streamId,
    revision,
    event: newEvent('Paged', { revision }),
  }));

/** Text that a split or a JSON array could trip on: the separators, quotes, escapes, CJK, empty. */
const awkwardText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ',', '\u001f', '"', '\\', '[', ']', '贵州绣娘', 'a\u001fb', '1,2', '\u2028'),
);
const jsonObject = fc
  .dictionary(fc.string(), fc.jsonValue())
  .map((o) => JSON.parse(JSON.stringify(o)) as JsonObject);
const awkwardEvent: fc.Arbitrary<EventToAppend> = fc.record({
  id: fc.oneof(fc.uuid(), awkwardText),
  type: awkwardText,
  version: fc.integer({ min: 0, max: 1_000_000 }),
  occurredAt: awkwardText,
  data: jsonObject,
  metadata: jsonObject,
});

describe('SqlitePageReader', () => {
  it('reads a page column by column, giving exactly what the row-by-row read gives', () => {
    const db = storeWith([...stored(30, 'stream-a'), ...stored(20, 'stream-b')]);
    const reader = new SqlitePageReader(db);
    const byRows = jest.spyOn(reader, 'readRows');

    const pages = [reader.read(0n, 16), reader.read(16n, 16), reader.read(32n, 100), reader.read(50n, 16)];

    expect(byRows).not.toHaveBeenCalled();
    byRows.mockRestore();
    expect(pages.map((p) => p.length)).toEqual([16, 16, 18, 0]);
    expect(pages.flat()).toEqual(reader.readRows(0, 100));
    expect(pages.flat().map((e) => e.position)).toEqual(Array.from({ length: 50 }, (_, i) => BigInt(i + 1)));
    db.close();
  });

  it('gives the same events as the row-by-row read for any text in any field', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(awkwardText, awkwardEvent), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (events, pageSize) => {
          const ids = new Set<string>();
          const unique = events.filter(([, e]) => !ids.has(e.id) && ids.add(e.id));
          const db = storeWith(unique.map(([streamId, event], revision) => ({ streamId, revision, event })));
          const reader = new SqlitePageReader(db);
          try {
            const paged = [];
            for (let after = 0n; ;) {
              const page = reader.read(after, pageSize);
              if (page.length === 0) break;
              paged.push(...page);
              after = page[page.length - 1].position;
            }
            expect(paged).toEqual(reader.readRows(0, 1000));
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads row by row a page whose data and metadata pass the byte budget, and only that page', () => {
    const small = stored(10);
    const big: Stored = {
      streamId: 'stream-b',
      revision: 0,
      event: newEvent('Big', { blob: 'x'.repeat(5000) }),
    };
    const db = storeWith([...small, big]);
    const reader = new SqlitePageReader(db, 4000);
    const byRows = jest.spyOn(reader, 'readRows');

    expect(reader.read(0n, 10)).toHaveLength(10);
    expect(byRows).not.toHaveBeenCalled();
    const withBig = reader.read(5n, 10);

    expect(byRows).toHaveBeenCalledTimes(1);
    expect(withBig.map((e) => e.type)).toEqual(['Paged', 'Paged', 'Paged', 'Paged', 'Paged', 'Big']);
    expect((withBig[5].data.blob as string).length).toBe(5000);
    db.close();
  });

  it('reads row by row a page with the column separator inside a text field', () => {
    const odd: Stored = { streamId: 'stream-\u001f-odd', revision: 0, event: newEvent('Odd') };
    const db = storeWith([...stored(3), odd]);
    const reader = new SqlitePageReader(db);
    const byRows = jest.spyOn(reader, 'readRows');

    const page = reader.read(0n, 10);

    expect(byRows).toHaveBeenCalledTimes(1);
    expect(page.map((e) => e.streamId)).toEqual(['stream-a', 'stream-a', 'stream-a', 'stream-\u001f-odd']);
    db.close();
  });
});

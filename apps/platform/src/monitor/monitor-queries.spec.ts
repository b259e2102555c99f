import { addDays, type ZeroEmploymentCaseFile } from '@lib/domain/monitor';
import { SqliteReadStore, documentChanges } from '@lib/read-store';
import { MONITOR_COLLECTIONS, caseFilesCollection } from '@lib/application';
import { MonitorQueries } from './monitor-queries';

const NOW = '2026-03-10T12:00:00.000Z';
const COUNTY = '520402';

/** A household's case file: cases opened `daysAgo` (each cleared `clearedAfterDays` later, or open). */
function file(
  householdId: string,
  cases: { daysAgo: number; clearedAfterDays?: number }[],
): ZeroEmploymentCaseFile {
  return {
    householdId,
    countyCode: COUNTY,
    lastRevision: cases.length,
    cases: cases.map(({ daysAgo, clearedAfterDays }, i) => {
      const openedAt = addDays(NOW, -daysAgo);
      return {
        householdId,
        countyCode: COUNTY,
        caseNo: i + 1,
        openedAt,
        assistDueAt: addDays(openedAt, 3),
        clearDueAt: addDays(openedAt, 5),
        clearedAt: clearedAfterDays === undefined ? null : addDays(openedAt, clearedAfterDays),
        clearedBy: clearedAfterDays === undefined ? null : { kind: 'employment', channel: 'workshop' },
      };
    }),
  };
}

describe('MonitorQueries.cases', () => {
  let store: SqliteReadStore;
  let queries: MonitorQueries;

  beforeAll(async () => {
    store = SqliteReadStore.open(':memory:', MONITOR_COLLECTIONS);
    const files = [
      file('h-new', [{ daysAgo: 0.5 }]),
      file('h-clear-overdue', [{ daysAgo: 6 }]),
      file('h-assist-overdue', [{ daysAgo: 4 }]),
      file('h-cleared-then-open', [{ daysAgo: 20, clearedAfterDays: 2 }, { daysAgo: 1 }]),
      file('h-cleared-late', [{ daysAgo: 30, clearedAfterDays: 7 }]),
      file('other-county', [{ daysAgo: 9 }]),
    ].map((f) => (f.householdId === 'other-county' ? { ...f, countyCode: '520524' } : f));
    await store.applyBatch({
      changes: [
        documentChanges({
          collection: caseFilesCollection,
          upserts: new Map(files.map((f) => [f.householdId, f])),
        }),
      ],
      checkpoint: { name: 'test', position: 1n },
    });
    queries = new MonitorQueries(store);
  });
  afterAll(() => store.close());

  it('lists open cases overdue-to-clear first, then overdue-to-assist, then oldest first, with ages and urgency', async () => {
    const page = await queries.cases(COUNTY, { status: 'open', limit: 50 }, NOW);
    expect(page.total).toBe(4);
    expect(page.items.map((c) => [c.householdId, c.ageDays, c.urgency])).toEqual([
      ['h-clear-overdue', 6, 'overdue_clear'],
      ['h-assist-overdue', 4, 'overdue_assist'],
      ['h-cleared-then-open', 1, 'due'],
      ['h-new', 0, 'due'],
    ]);
    expect(page.items[0]).toMatchObject({ clearOverdue: true, assistOverdue: true, clearedAt: null });
  });

  it('pages open cases with the store cursor and cleared cases in memory, latest clearance first', async () => {
    const first = await queries.cases(COUNTY, { status: 'open', limit: 3 }, NOW);
    const second = await queries.cases(
      COUNTY,
      { status: 'open', limit: 3, cursor: first.nextCursor ?? '' },
      NOW,
    );
    expect([...first.items, ...second.items].map((c) => c.householdId)).toHaveLength(4);
    expect(second.nextCursor).toBeNull();

    const cleared = await queries.cases(COUNTY, { status: 'cleared', limit: 1 }, NOW);
    expect(cleared.total).toBe(2);
    expect(cleared.items[0]).toMatchObject({
      householdId: 'h-cleared-then-open',
      ageDays: 2,
      clearOverdue: false,
    });
    const next = await queries.cases(
      COUNTY,
      { status: 'cleared', limit: 1, cursor: cleared.nextCursor ?? '' },
      NOW,
    );
    expect(next.items[0]).toMatchObject({ householdId: 'h-cleared-late', ageDays: 7, clearOverdue: true });
    expect(next.nextCursor).toBeNull();
    await expect(
      queries.cases(COUNTY, { status: 'cleared', limit: 1, cursor: 'bogus' }, NOW),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});

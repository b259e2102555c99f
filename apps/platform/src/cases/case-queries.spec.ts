import { addDays, type ZeroEmploymentCaseFile } from '@lib/domain/cases';
import { NO_SERVICES, type HouseholdEmployment } from '@lib/domain/monitor';
import { SqliteReadStore, documentChanges } from '@lib/read-store';
import {
  MONITOR_COLLECTIONS,
  caseFilesCollection,
  countySettingsCollection,
  householdsCollection,
} from '@lib/application';
import type { Principal } from '@lib/auth';
import { CaseQueries } from './case-queries';

const NOW = '2026-03-10T12:00:00.000Z';
const COUNTY = '520402';
/** The county's office: the cadre c1, who sees its households' names whole. */
const CALLER: Principal = { sub: 'c1', role: 'county_office', countyCode: COUNTY };

interface CaseSpec {
  readonly daysAgo: number;
  readonly clearedAfterDays?: number;
  readonly measuredAfterDays?: number;
  readonly assignee?: string;
  readonly county?: string;
}

/** A case opened `daysAgo` (cleared, measured `…AfterDays` after opening, or not). */
function caseFile(householdId: string, caseNo: number, spec: CaseSpec): ZeroEmploymentCaseFile {
  const openedAt = addDays(NOW, -spec.daysAgo);
  const at = (days: number | undefined) => (days === undefined ? null : addDays(openedAt, days));
  return {
    caseId: `${householdId}:${caseNo}`,
    householdId,
    countyCode: spec.county ?? COUNTY,
    caseNo,
    openedAt,
    clearedAt: at(spec.clearedAfterDays),
    clearedBy: spec.clearedAfterDays === undefined ? null : { kind: 'employment', channel: 'workshop' },
    assignee: spec.assignee ? { id: spec.assignee, name: `干部${spec.assignee}` } : null,
    measures: spec.measuredAfterDays === undefined ? 0 : 1,
    firstMeasureAt: at(spec.measuredAfterDays),
    lastFinding: null,
    lastActionAt: openedAt,
    timeline: [],
    lastRevision: 0,
  };
}

const household = (householdId: string, name: string): HouseholdEmployment => ({
  householdId,
  countyCode: COUNTY,
  prefectureCode: '520400',
  relocationSiteId: 'site-520402-1',
  members: [
    {
      workerId: `${householdId}.1`,
      memberNo: 1,
      name,
      labourCapacity: 'full',
      employment: null,
      transportSubsidyYears: [],
      services: NO_SERVICES,
    },
  ],
  labourCapableMembers: 1,
  employedMembers: 0,
  employedLabourCapableMembers: 0,
  channels: [],
  status: 'zero_employment',
  openCase: null,
  lastStatusChangeAt: NOW,
  casesOpened: 1,
  lastRevision: 0,
});

describe('CaseQueries', () => {
  let store: SqliteReadStore;
  let queries: CaseQueries;

  beforeAll(async () => {
    store = SqliteReadStore.open(':memory:', MONITOR_COLLECTIONS);
    const files = [
      caseFile('h-new', 1, { daysAgo: 0.5 }),
      caseFile('h-clear-overdue', 1, { daysAgo: 6, measuredAfterDays: 1, assignee: 'c1' }),
      caseFile('h-assist-overdue', 1, { daysAgo: 4, assignee: 'c2' }),
      caseFile('h-assist-due-soon', 1, { daysAgo: 2.5 }),
      caseFile('h-measured-late', 1, { daysAgo: 3.5, measuredAfterDays: 3.2, assignee: 'c1' }),
      caseFile('h-cleared', 1, { daysAgo: 20, clearedAfterDays: 2, measuredAfterDays: 1 }),
      caseFile('h-cleared-late', 1, { daysAgo: 30, clearedAfterDays: 7, measuredAfterDays: 1 }),
      caseFile('h-other', 1, { daysAgo: 9, county: '520524' }),
    ];
    await store.applyBatch({
      changes: [
        documentChanges({
          collection: caseFilesCollection,
          upserts: new Map(files.map((f) => [f.caseId, f])),
        }),
        documentChanges({
          collection: householdsCollection,
          upserts: new Map([['h-new', household('h-new', '王秀英')]]),
        }),
      ],
      checkpoint: { name: 'test', position: 1n },
    });
    queries = new CaseQueries(store);
  });
  afterAll(() => store.close());

  it('lists open cases red first, then yellow, then green, with the household head by name', async () => {
    const page = await queries.list(COUNTY, { status: 'open', limit: 50 }, NOW, CALLER);
    expect(page.total).toBe(5);
    expect(page.items.map((c) => [c.householdId, c.warning])).toEqual([
      ['h-clear-overdue', 'red'],
      ['h-assist-overdue', 'red'],
      ['h-measured-late', 'yellow'],
      ['h-assist-due-soon', 'yellow'],
      ['h-new', 'green'],
    ]);
    expect(page.items[1]).toMatchObject({ assistOverdue: true, clearOverdue: false, ageDays: 4 });
    expect(page.items[4]).toMatchObject({ household: { headName: '王秀英', members: 1 }, ageDays: 0.5 });
  });

  it('masks the heads’ names for the admin: a list is not a record’s own page', async () => {
    const admin: Principal = { sub: 'a1', role: 'admin' };
    const page = await queries.list(COUNTY, { status: 'open', limit: 50 }, NOW, admin);
    expect(page.items[4]).toMatchObject({ household: { headName: '王*英' } });
  });

  it('filters by colour, by assignee (me, none, an id) and overdue', async () => {
    const ids = async (query: object) =>
      (await queries.list(COUNTY, { status: 'open', limit: 50, ...query }, NOW, CALLER)).items.map(
        (c) => c.householdId,
      );
    expect(await ids({ warning: 'red' })).toEqual(['h-clear-overdue', 'h-assist-overdue']);
    expect(await ids({ assignee: 'me' })).toEqual(['h-clear-overdue', 'h-measured-late']);
    expect(await ids({ assignee: 'none' })).toEqual(['h-assist-due-soon', 'h-new']);
    expect(await ids({ assignee: 'c2' })).toEqual(['h-assist-overdue']);
    // The measure taken after the assistance deadline: that deadline was missed.
    expect(await ids({ overdue: 'true' })).toEqual([
      'h-clear-overdue',
      'h-assist-overdue',
      'h-measured-late',
    ]);
  });

  it('applies the county’s own deadlines', async () => {
    await store.applyBatch({
      changes: [
        documentChanges({
          collection: countySettingsCollection,
          upserts: new Map([
            [
              COUNTY,
              { countyCode: COUNTY, assistWithinDays: 1, clearWithinDays: 2, setAt: NOW, lastRevision: 0 },
            ],
          ]),
        }),
      ],
      checkpoint: { name: 'test', position: 2n },
    });
    const page = await queries.list(COUNTY, { status: 'open', limit: 50 }, NOW, CALLER);
    expect(page.items.find((c) => c.householdId === 'h-new')).toMatchObject({
      warning: 'yellow',
      assistDueAt: addDays(addDays(NOW, -0.5), 1),
    });
    expect(page.items.filter((c) => c.warning === 'red')).toHaveLength(4);
    await store.applyBatch({
      changes: [
        documentChanges({ collection: countySettingsCollection, upserts: new Map(), deletes: [COUNTY] }),
      ],
      checkpoint: { name: 'test', position: 3n },
    });
  });

  it('pages cleared cases latest clearance first', async () => {
    const cleared = await queries.list(COUNTY, { status: 'cleared', limit: 1 }, NOW, CALLER);
    expect(cleared.total).toBe(2);
    expect(cleared.items[0]).toMatchObject({ householdId: 'h-cleared', ageDays: 2, warning: 'green' });
    const next = await queries.list(
      COUNTY,
      { status: 'cleared', limit: 1, cursor: cleared.nextCursor ?? '' },
      NOW,
      CALLER,
    );
    expect(next.items[0]).toMatchObject({
      householdId: 'h-cleared-late',
      clearOverdue: true,
      warning: 'red',
    });
    expect(next.nextCursor).toBeNull();
    await expect(
      queries.list(COUNTY, { status: 'cleared', limit: 1, cursor: 'bogus' }, NOW, CALLER),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

import { Registry } from 'prom-client';
import {
  MONITOR_COLLECTIONS,
  caseFilesCollection,
  countySettingsCollection,
  dueVacancyExpiriesCollection,
} from '@lib/application';
import { MovableClock } from '@lib/application/scheduler/testing/movable-clock';
import type { CountySettings, ZeroEmploymentCaseFile } from '@lib/domain/cases';
import type { VacancyExpiryDue } from '@lib/domain/scheduling/vacancy-expiry.projection';
import { SqliteReadStore, documentChanges, type CollectionSpec } from '@lib/read-store';
import { HeadObservations } from './head-observations';
import { OTHER_COUNTY, countOpenCases, registerOpenCasesGauge } from './open-cases-metrics';
import { registerProjectionGauges, sampleProjections } from './projection-metrics';
import { DUE_COUNT_CAP, registerSchedulerGauges, schedulerBacklog } from './scheduler-metrics';

const NOW = '2026-05-10T00:00:00.000Z';
const daysBefore = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();

const caseFile = (caseId: string, countyCode: string, o: Partial<ZeroEmploymentCaseFile> = {}) =>
  ({
    caseId,
    householdId: `hh-${caseId}`,
    countyCode,
    caseNo: 1,
    openedAt: daysBefore(1),
    clearedAt: null,
    clearedBy: null,
    assignee: null,
    measures: 0,
    firstMeasureAt: null,
    lastFinding: null,
    lastActionAt: daysBefore(1),
    timeline: [],
    lastRevision: 0,
    ...o,
  }) satisfies ZeroEmploymentCaseFile;

const expiry = (vacancyId: string, dueAt: string, pending = true): VacancyExpiryDue => ({
  kind: 'vacancy_expiry',
  vacancyId,
  expiresAt: dueAt,
  dueAt,
  countyCode: '520402',
  pending,
  closed: pending ? null : 'expired',
  lastRevision: 0,
});

describe('scrape-time gauges', () => {
  let store: SqliteReadStore;
  beforeEach(() => {
    store = SqliteReadStore.open(':memory:', MONITOR_COLLECTIONS);
  });
  afterEach(() => store.close());

  async function put<T>(collection: CollectionSpec<T, string>, docs: Record<string, T>): Promise<void> {
    await store.applyBatch({
      changes: [documentChanges({ collection, upserts: new Map(Object.entries(docs)) })],
      checkpoint: { name: 'test', position: 1n },
    });
  }

  describe('open cases', () => {
    it('counts the open cases by county and colour under each county’s deadlines; cleared ones not at all', async () => {
      await put(caseFilesCollection, {
        a: caseFile('a', '520402', { openedAt: daysBefore(1) }), // green
        b: caseFile('b', '520402', { openedAt: daysBefore(2.5) }), // assistance due within 24 h: yellow
        c: caseFile('c', '520402', { openedAt: daysBefore(4) }), // no measure after 3 days: red
        d: caseFile('d', '520524', { openedAt: daysBefore(4) }), // its county gives 10 days: green
        e: caseFile('e', '520402', { openedAt: daysBefore(4), clearedAt: daysBefore(1) }),
        f: caseFile('f', '999999', { openedAt: daysBefore(1) }),
      });
      const settings: CountySettings = {
        countyCode: '520524',
        assistWithinDays: 10,
        clearWithinDays: 20,
        setAt: daysBefore(30),
        lastRevision: 0,
      };
      await put(countySettingsCollection, { '520524': settings });

      const counts = await countOpenCases(store, NOW);
      expect(Object.fromEntries(counts)).toEqual({
        '520402': { green: 1, yellow: 1, red: 1 },
        '520524': { green: 1, yellow: 0, red: 0 },
        [OTHER_COUNTY]: { green: 1, yellow: 0, red: 0 },
      });
    });

    it('exposes every county × colour, zeros included, at the platform’s clock', async () => {
      await put(caseFilesCollection, { c: caseFile('c', '520402', { openedAt: daysBefore(1) }) });
      const registry = new Registry();
      const clock = new MovableClock(NOW);
      registerOpenCasesGauge(registry, store, clock);
      const read = async (warning: string) =>
        (await registry.getSingleMetric('zero_employment_open_cases')!.get()).values.find(
          (v) => v.labels.county === '520402' && v.labels.warning === warning,
        )?.value;
      expect(await read('green')).toBe(1);
      clock.set(new Date(Date.parse(NOW) + 3 * 86_400_000).toISOString()); // 4 days open, no measure
      expect([await read('green'), await read('red')]).toEqual([0, 1]);
      const { values } = await registry.getSingleMetric('zero_employment_open_cases')!.get();
      expect(values.length).toBe(88 * 3);
    });

    it('reads the open cases once for scrapes that arrive together (the route has no token and no rate limit)', async () => {
      await put(caseFilesCollection, { c: caseFile('c', '520402', { openedAt: daysBefore(1) }) });
      const registry = new Registry();
      registerOpenCasesGauge(registry, store, new MovableClock(NOW));
      const find = jest.spyOn(store, 'find');
      await Promise.all(Array.from({ length: 20 }, () => registry.metrics()));
      const caseReads = find.mock.calls.filter(
        ([collection]) => collection.name === caseFilesCollection.name,
      );
      expect(caseReads).toHaveLength(1);
      find.mockRestore();
    });
  });

  describe('projections', () => {
    it('puts each projection against the head read after its position, lag in events and seconds', async () => {
      const heads = new HeadObservations({ resolutionMs: 0 });
      heads.observe(8n, 1_000); // appended here at 1 s
      let head = 10n;
      const samples = await sampleProjections(
        { headPosition: async () => head },
        [
          { name: 'monitor', position: () => 7n },
          { name: 'matching', position: () => 10n },
        ],
        heads,
        () => 5_000,
      );
      expect(samples).toEqual([
        { projection: 'monitor', position: 7n, head: 10n, lagEvents: 3, lagSeconds: 4 },
        { projection: 'matching', position: 10n, head: 10n, lagEvents: 0, lagSeconds: 0 },
      ]);
      // Head 10 was first seen by this scrape, at 5 s; what both applied (up to 7) is forgotten.
      expect(heads.size).toBe(2);
      head = 10n;
      const later = await sampleProjections(
        { headPosition: async () => head },
        [{ name: 'monitor', position: () => 8n }],
        heads,
        () => 9_000,
      );
      expect(later[0]).toMatchObject({ lagEvents: 2, lagSeconds: 4 });
    });

    it('reads the head once per scrape for the four gauges', async () => {
      const registry = new Registry();
      const headPosition = jest.fn(async () => 4n);
      registerProjectionGauges(
        registry,
        { headPosition },
        [{ name: 'monitor', position: () => 4n }],
        new HeadObservations(),
      );
      const text = await registry.metrics();
      expect(headPosition).toHaveBeenCalledTimes(1);
      for (const line of [
        'projection_position{projection="monitor"} 4',
        'projection_head_position{projection="monitor"} 4',
        'projection_lag_events{projection="monitor"} 0',
        'projection_lag_seconds{projection="monitor"} 0',
      ])
        expect(text).toContain(line);
    });
  });

  describe('scheduler backlog', () => {
    it('counts the pending items due now by kind, how late the oldest is, and every pending one', async () => {
      await put(dueVacancyExpiriesCollection, {
        v1: expiry('v1', daysBefore(2)),
        v2: expiry('v2', daysBefore(0.5)),
        v3: expiry('v3', daysBefore(-1)), // tomorrow
        v4: expiry('v4', daysBefore(3), false), // done
      });
      expect(await schedulerBacklog(store, NOW)).toEqual([
        { kind: 'vacancy_expiry', due: 2, oldestDueSeconds: 2 * 86_400, pending: 3 },
        { kind: 'welfare_term_end', due: 0, oldestDueSeconds: 0, pending: 0 },
      ]);
      const registry = new Registry();
      registerSchedulerGauges(registry, store, new MovableClock(NOW));
      expect(await registry.metrics()).toContain('scheduler_due_items{kind="vacancy_expiry"} 2');
      expect(DUE_COUNT_CAP).toBeGreaterThanOrEqual(1000);
    });
  });
});

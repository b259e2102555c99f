import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { SqliteEventStore, type EventStore } from '@lib/event-store';
import { householdHistoryArbitrary } from '@lib/domain/monitor/testing/history.arbitrary';
import { householdStream, streamKindOf } from '@contracts';
import { EventLogBuilder } from '@lib/domain/monitor/testing/event-log';
import {
  MONITOR_COLLECTIONS,
  caseFilesCollection,
  followUpsCollection,
  householdsCollection,
} from './monitor-collections';
import {
  ProjectionRunner,
  SqliteReadStore,
  type ProjectionRunnerOptions,
  type ReadStore,
} from '@lib/read-store';
import { employmentMonitorProjector } from './employment-monitor.projector';
import {
  appendHistory,
  foldLog,
  monitorEventsOf,
  outboxOf,
  readLog,
  snapshot,
  snapshotOfModel,
} from './testing/monitor-fixtures';

const dirs: string[] = [];
const tempFile = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'runner-'));
  dirs.push(dir);
  return join(dir, name);
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const openReadStore = (path = ':memory:'): SqliteReadStore => SqliteReadStore.open(path, MONITOR_COLLECTIONS);

const monitorRunner = (events: EventStore, reads: ReadStore, options: ProjectionRunnerOptions) =>
  new ProjectionRunner(events, reads, employmentMonitorProjector(), options);

/** Waits until the runner has applied everything in the log, its own monitor appends included. */
async function settle(runner: ProjectionRunner, store: EventStore): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const head = await store.headPosition();
    if (runner.position() === head) {
      await new Promise((r) => setImmediate(r));
      if ((await store.headPosition()) === head && runner.position() === head) return;
    } else if (!(await runner.waitFor(head, 5000))) {
      throw new Error(`runner stuck at ${runner.position()} below ${head}`, { cause: runner.failed });
    }
  }
  throw new Error('runner never settled');
}

/** The monitor events the pure fold asks for, as `type id`, sorted, to compare with the log's. */
const expectedMonitorEvents = (appends: Awaited<ReturnType<typeof foldLog>>['appends']): string[] =>
  appends.flatMap((a) => a.events.map((e) => `${e.type} ${e.id}`)).sort();

describe('the employment monitor on the projection runner', () => {
  it('live result == rebuilt result == the pure fold, and every transition is appended exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        householdHistoryArbitrary({ maxHouseholds: 5, maxSteps: 60 }),
        fc.integer({ min: 1, max: 40 }),
        async (history, batchSize) => {
          const events = SqliteEventStore.open(':memory:');
          const reads = openReadStore();
          const runner = monitorRunner(events, reads, {
            batchSize,
          });
          try {
            await runner.start();
            await appendHistory(events, history.events);
            await settle(runner, events);
            const live = await snapshot(reads);
            const oracle = await foldLog(events);
            expect(live).toEqual(snapshotOfModel(oracle.model));
            // The indexed fields answer the queries: households by status, open cases = zero-employment ones.
            const households = Object.values(oracle.model.households);
            for (const status of ['covered', 'zero_employment', 'no_labour'] as const) {
              const expected = households.filter((h) => h.status === status).length;
              expect(await reads.count(householdsCollection, { status })).toBe(expected);
            }
            const zero = households.filter((h) => h.status === 'zero_employment').length;
            expect(await reads.count(caseFilesCollection, { status: 'open' })).toBe(zero);
            const monitorEvents = monitorEventsOf(await readLog(events));
            expect([...monitorEvents].sort()).toEqual(expectedMonitorEvents(oracle.appends));

            const report = await runner.rebuild();
            await settle(runner, events);
            expect(report.position).toBe(await events.headPosition());
            expect(await snapshot(reads)).toEqual(live);
            expect(monitorEventsOf(await readLog(events))).toEqual(monitorEvents);
          } finally {
            await runner.stop();
            await reads.close();
            await events.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a run killed mid-way (failed batch or failed append), then resumed, gives what one pass gives', async () => {
    await fc.assert(
      fc.asyncProperty(
        householdHistoryArbitrary({ maxHouseholds: 5, maxSteps: 60 }),
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom<'batch' | 'append'>('batch', 'append'),
        async (history, batchSize, crashAt, crashIn) => {
          const events = SqliteEventStore.open(':memory:');
          await appendHistory(events, history.events);
          const file = tempFile('read-models.sqlite');
          const first = openReadStore(file);
          const crashing = monitorRunner(
            crashIn === 'append' ? failingAppends(events, crashAt) : events,
            crashIn === 'batch' ? failingBatches(first, crashAt) : first,
            { batchSize },
          );
          await crashing.start().catch(() => undefined);
          await crashing.stop();
          await first.close();

          const reopened = openReadStore(file);
          const resumed = monitorRunner(events, reopened, { batchSize });
          const fresh = openReadStore();
          const onePass = monitorRunner(events, fresh, { batchSize: 1000 });
          try {
            await resumed.start();
            await settle(resumed, events);
            await onePass.start();
            await settle(onePass, events);
            await settle(resumed, events);
            expect(await snapshot(reopened)).toEqual(await snapshot(fresh));
            const oracle = await foldLog(events);
            expect(await snapshot(fresh)).toEqual(snapshotOfModel(oracle.model));
            expect(monitorEventsOf(await readLog(events)).sort()).toEqual(
              expectedMonitorEvents(oracle.appends),
            );
          } finally {
            await resumed.stop();
            await onePass.stop();
            await reopened.close();
            await fresh.close();
            await events.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  describe('the process manager', () => {
    let events: SqliteEventStore;
    let reads: SqliteReadStore;
    let runner: ProjectionRunner;

    beforeEach(async () => {
      events = SqliteEventStore.open(':memory:');
      reads = openReadStore(tempFile('read-models.sqlite'));
      runner = monitorRunner(events, reads, { batchSize: 2 });
      await appendHistory(events, oneHouseholdPlacedOutOfProvince());
    });
    afterEach(async () => {
      await runner.stop();
      await reads.close();
      await events.close();
    });

    // Sorted: the case's stream and the household's monitor stream are appended side by side.
    const monitorTypes = async () =>
      monitorEventsOf(await readLog(events))
        .map((e) => e.split(' ')[0])
        .sort();
    const TRANSITIONS = ['TransportSubsidyEligible', 'ZeroEmploymentCaseCleared', 'ZeroEmploymentCaseOpened'];

    it('appends each transition once, and not again after a restart, a rebuild or a second read store', async () => {
      await runner.start();
      await settle(runner, events);
      expect(await monitorTypes()).toEqual(TRANSITIONS);
      await runner.stop();
      await runner.start();
      await settle(runner, events);
      await runner.rebuild();
      await settle(runner, events);
      const other = monitorRunner(events, openReadStore(), { batchSize: 1 });
      await other.start();
      await settle(other, events);
      await other.stop();
      expect(await monitorTypes()).toEqual(TRANSITIONS);
      expect((await snapshot(reads)).cases).toEqual([
        expect.objectContaining({
          caseId: 'hh1:1',
          caseNo: 1,
          clearedBy: { kind: 'employment', channel: 'out_of_province' },
        }),
      ]);
    });

    it('a rebuild before any run appends the transitions the log lacks, once, and none at a second rebuild', async () => {
      const first = await runner.rebuild();
      expect(first.appends).toBe(3);
      expect(await monitorTypes()).toEqual(TRANSITIONS);
      const rebuilt = await snapshot(reads);
      const second = await runner.rebuild();
      expect(second.appends).toBe(0);
      expect(second.position).toBe(await events.headPosition());
      expect(await monitorTypes()).toEqual(TRANSITIONS);
      expect(await snapshot(reads)).toEqual(rebuilt);
      expect(await outboxOf(reads)).toEqual([]);
    });

    it('rebuilds a read store written by @2 at start, so placements made before have their follow-ups due', async () => {
      const older = new ProjectionRunner(events, reads, employmentMonitorProjector('employment-monitor@2'), {
        batchSize: 2,
      });
      await older.start();
      await settle(older, events);
      await older.stop();
      // What @2 wrote: everything but the follow-ups (it had no such collection).
      await reads.applyBatch({
        changes: [{ collection: followUpsCollection as never, upserts: new Map(), deletes: ['p1'] }],
        checkpoint: { name: 'employment-monitor@2', position: await events.headPosition() },
      });
      expect((await snapshot(reads)).followUps).toEqual([]);
      await runner.start();
      await settle(runner, events);
      // Rebuilt into a fresh generation (not caught up over @2's documents): @2's checkpoint went with it.
      expect(await reads.checkpoint('employment-monitor@2')).toBeUndefined();
      expect((await snapshot(reads)).followUps).toEqual([
        expect.objectContaining({ placementId: 'p1', next: { followUp: 1, dueAt: '2026-04-03' } }),
      ]);
    });

    it('appends what a crash left in the outbox at the next start', async () => {
      const crashing = monitorRunner(failingAppends(events, 1), reads, { batchSize: 100 });
      await crashing.start().catch(() => undefined);
      await crashing.stop();
      expect(await monitorTypes()).toEqual([]);
      // One batch: its three appends (case opened; case cleared; subsidy) were committed with it.
      expect((await outboxOf(reads)).map((a) => a.events[0].type).sort()).toEqual(TRANSITIONS);
      await runner.start();
      await settle(runner, events);
      expect(await monitorTypes()).toEqual(TRANSITIONS);
      await runner.stop();
      expect(await outboxOf(reads)).toEqual([]);
    });

    it('answers waitFor once a position is applied, and notifies the county that changed', async () => {
      const changes: string[] = [];
      runner.onChange('520402', (c) => changes.push(c.key));
      const head = await events.headPosition();
      const reached = runner.waitFor(head, 5000);
      await runner.start();
      await expect(reached).resolves.toBe(true);
      expect(runner.position()).toBeGreaterThanOrEqual(head);
      expect(changes.length).toBeGreaterThan(0);
      await expect(runner.waitFor(head + 1000n, 20)).resolves.toBe(false);
    });
  });
});

/** Household hh1 in 520402: a worker able to work (case opened), then placed out of the province. */
function oneHouseholdPlacedOutOfProvince() {
  const log = new EventLogBuilder();
  const stream = householdStream('hh1');
  const at = '2026-03-01T08:00:00.000Z';
  log.append(stream, 'HouseholdRegistered', {
    householdId: 'hh1',
    countyCode: '520402',
    relocationSiteId: 'site-1',
    registeredAt: at,
  });
  log.append(stream, 'WorkerRegistered', {
    ...{ workerId: 'hh1.1', householdId: 'hh1', memberNo: 1, name: 'member 1' },
    ...{ idNumberHash: 'a'.repeat(64), idNumberLast4: '0028', birthYear: 1980, gender: 'female' },
    ...{ labourCapacity: 'full', skills: [], preference: 'any', expectedMonthlyWage: null, registeredAt: at },
  });
  log.append(stream, 'WorkerPlaced', {
    ...{ workerId: 'hh1.1', householdId: 'hh1', placementId: 'p1', vacancyId: 'v1' },
    ...{ channel: 'out_of_province', brokerId: 'broker-1', startDate: '2026-03-03' },
    placedAt: '2026-03-02T08:00:00.000Z',
  });
  return log.events;
}

/**
 * `target`, whose `method` fails from its `nth` counted call on (and every later one): a crash there. `counts`
 * says which calls count.
 */
function failingFrom<T extends object>(
  target: T,
  method: keyof T,
  nth: number,
  error: string,
  counts: (...args: never[]) => boolean = () => true,
): T {
  let count = 0;
  return new Proxy(target, {
    get(t, property, receiver) {
      const value = Reflect.get(t, property, receiver) as unknown;
      if (property !== method || typeof value !== 'function') return value;
      return (...args: never[]) =>
        counts(...args) && ++count >= nth ? Promise.reject(new Error(error)) : value.apply(t, args);
    },
  });
}

/** The event store, whose monitor appends fail from the `nth` on: a crash between a commit and its appends. */
const failingAppends = (store: EventStore, nth: number): EventStore =>
  failingFrom(store, 'append', nth, 'killed before the append', (streamId: string) =>
    ['employmentMonitor', 'zeroEmploymentCase'].includes(streamKindOf(streamId) ?? ''),
  );

/** The read store, whose `nth` batch write fails (and every later one): a crash mid-way. */
const failingBatches = (store: ReadStore, nth: number): ReadStore =>
  failingFrom(store, 'applyBatch', nth, 'killed mid-batch');

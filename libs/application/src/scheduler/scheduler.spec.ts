import { householdStream, vacancyStream } from '@contracts';
import type { EventStore } from '@lib/event-store';
import { dueVacancyExpiriesCollection } from '../monitor/monitor-collections';
import { placeWorker } from '../placements/placement-flow';
import { findDueItems } from './due-items';
import { vacancyExpiredEventId } from './scheduled-steps';
import { Scheduler } from './scheduler';
import { place, postVacancy, registerHousehold } from './testing/scheduler-fixtures';
import {
  openSchedulerWorld,
  PLACED,
  POSTED,
  V_EXPIRES,
  type SchedulerWorld,
} from './testing/scheduler-world';

describe('scheduler on a real SQLite event store and read store', () => {
  let world: SchedulerWorld;
  beforeEach(async () => {
    world = await openSchedulerWorld();
  });
  afterEach(() => world.close());

  it('nothing due: appends nothing', async () => {
    await world.caughtUp();
    const head = await world.events.headPosition();
    const run = await world.runAt('2026-05-31T23:59:59Z');
    expect(run).toMatchObject({
      found: 0,
      appended: [],
      alreadyDone: 0,
      refused: [],
      failed: [],
      more: false,
    });
    expect(await world.events.headPosition()).toBe(head);
  });

  it('lists the due items of both kinds, oldest first, with their county', async () => {
    await world.caughtUp();
    const due = await findDueItems(world.reads, { now: '2027-05-01T00:00:00Z', limit: 10 });
    expect(due.map((d) => [d.kind, d.dueAt, d.countyCode])).toEqual([
      ['vacancy_expiry', '2026-06-01T00:00:00.000Z', '440106'],
      ['vacancy_expiry', '2026-12-31T00:00:00.000Z', '520402'],
      ['welfare_term_end', '2027-03-31T16:00:00.000Z', '520402'],
    ]);
    expect(await findDueItems(world.reads, { now: '2027-05-01T00:00:00Z', limit: 2 })).toHaveLength(2);
  });

  it('a vacancy due: VacancyExpired appended once, at its expiresAt; again and after catching up, nothing', async () => {
    await world.caughtUp();
    const first = await world.runAt('2026-06-01T00:00:05Z');
    expect(first.appended).toEqual([
      expect.objectContaining({ kind: 'vacancy_expiry', key: 'v-1', eventType: 'VacancyExpired' }),
    ]);
    const expired = await world.ofType(vacancyStream('v-1'), 'VacancyExpired');
    expect(expired.map((e) => e.data)).toEqual([{ vacancyId: 'v-1', expiredAt: V_EXPIRES }]);
    expect(expired[0].metadata).toMatchObject({ actor: { id: 'scheduler', role: 'system' } });
    expect(expired[0].id).toBe(vacancyExpiredEventId('v-1'));
    // The read model has not applied it yet: the item is listed again, and the stream says it is done.
    const stale = await world.runAt('2026-06-01T00:00:10Z');
    expect(stale).toMatchObject({ found: 1, appended: [], alreadyDone: 1 });
    await world.caughtUp();
    expect(await world.runAt('2026-06-02T00:00:00Z')).toMatchObject({ found: 0, appended: [] });
    expect(await world.ofType(vacancyStream('v-1'), 'VacancyExpired')).toHaveLength(1);
  });

  it('run twice at once, or by two schedulers (two replicas) at once: each event is appended once', async () => {
    for (let i = 0; i < 12; i++) await postVacancy(world.events, `v-x${i}`, V_EXPIRES, POSTED);
    for (let h = 2; h <= 6; h++) {
      await registerHousehold(world.events, `h${h}`, 1, POSTED);
      await place(world.events, `h${h}:p`, `h${h}.1`, 'v-w', PLACED);
    }
    await world.caughtUp();
    const replica = new Scheduler({
      events: world.events,
      reads: world.reads,
      clock: world.clock,
      concurrency: 3,
    });
    world.clock.set('2027-04-01T00:00:00Z');
    const runs = await Promise.all([world.scheduler.runOnce(), replica.runOnce(), world.scheduler.runOnce()]);
    const vacancyIds = ['v-1', 'v-w', ...Array.from({ length: 12 }, (_, i) => `v-x${i}`)];
    for (const id of vacancyIds)
      expect(await world.ofType(vacancyStream(id), 'VacancyExpired')).toHaveLength(1);
    for (const h of [1, 2, 3, 4, 5, 6]) {
      const ends = await world.ofType(householdStream(`h${h}`), 'EmploymentEnded');
      expect(ends.map((e) => e.data.reason)).toEqual(['welfare_term_end']);
    }
    expect(runs.flatMap((r) => r.failed)).toEqual([]);
    expect(runs.flatMap((r) => r.refused)).toEqual([]);
    // Every item was handled by each run: appended by one (or confirmed as the same append), done for the others.
    for (const run of runs) expect(run.appended.length + run.alreadyDone).toBe(20);
  });

  it('an expired vacancy refuses placements, before the scheduler expired it and after', async () => {
    await registerHousehold(world.events, 'h9', 2, POSTED);
    const placeAt = (placementId: string, workerId: string, now: string) =>
      placeWorker({
        store: world.events,
        placementId,
        workerId,
        vacancyId: 'v-1',
        brokerId: 'b',
        now,
        metadata: { actor: { id: 'b', role: 'broker' }, correlationId: 'c', causationId: 'c', now },
      });
    expect(await placeAt('h9:a', 'h9.1', '2026-06-01T00:00:01Z')).toMatchObject({
      ok: false,
      rejection: { code: 'vacancy_expired' },
    });
    await world.caughtUp();
    await world.runAt('2026-06-01T00:00:02Z');
    expect(await placeAt('h9:b', 'h9.2', '2026-06-01T00:00:03Z')).toMatchObject({
      ok: false,
      rejection: { code: 'vacancy_closed' },
    });
    expect(await world.ofType(vacancyStream('v-1'), 'VacancyOpeningReserved')).toEqual([]);
  });

  it('an append that fails after the decision is reported and made by the next run, once', async () => {
    await world.caughtUp();
    const failing = failingOnce(world.events, 'VacancyExpired');
    const first = await world.runAt(
      '2026-06-01T00:00:00Z',
      new Scheduler({ events: failing, reads: world.reads, clock: world.clock }),
    );
    expect(first.failed.map((f) => f.key)).toEqual(['v-1']);
    expect(await world.ofType(vacancyStream('v-1'), 'VacancyExpired')).toEqual([]);
    const second = await world.runAt(
      '2026-06-01T00:01:00Z',
      new Scheduler({ events: failing, reads: world.reads, clock: world.clock }),
    );
    expect(second.appended.map((a) => a.key)).toEqual(['v-1']);
    expect(await world.ofType(vacancyStream('v-1'), 'VacancyExpired')).toHaveLength(1);
  });

  it('a run stops at its limit; the next runs work off the rest', async () => {
    for (let i = 0; i < 5; i++) await postVacancy(world.events, `v-y${i}`, V_EXPIRES, POSTED);
    await world.caughtUp();
    const small = new Scheduler({ events: world.events, reads: world.reads, clock: world.clock, limit: 4 });
    const first = await world.runAt('2026-06-01T00:00:00Z', small);
    expect(first).toMatchObject({ found: 4, more: true });
    await world.caughtUp();
    const second = await world.runAt('2026-06-01T00:00:00Z', small);
    expect(second).toMatchObject({ found: 2, more: false });
    await world.caughtUp();
    // The welfare post is the one still pending (it expires at the end of the year).
    expect(await world.reads.count(dueVacancyExpiriesCollection, { pending: 1 })).toBe(1);
  });
});

/** The store, but the first append of an event of `type` throws before it is made (a crash in between). */
function failingOnce(store: EventStore, type: string): EventStore {
  let failed = false;
  const append: EventStore['append'] = (streamId, toAppend, expected) => {
    if (!failed && toAppend.some((e) => e.type === type)) {
      failed = true;
      return Promise.reject(new Error('the process died before the append'));
    }
    return store.append(streamId, toAppend, expected);
  };
  return new Proxy(store, {
    get: (target, key, receiver) =>
      key === 'append' ? append : (Reflect.get(target, key, receiver) as unknown),
  });
}

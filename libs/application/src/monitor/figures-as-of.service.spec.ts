import { encodeEvent, householdStream } from '@contracts';
import { SqliteEventStore, type EventStore, type RecordedEvent } from '@lib/event-store';
import { regionFiguresAt } from '@lib/domain/monitor/figures-as-of';
import { EventLogBuilder } from '@lib/domain/monitor/testing/event-log';
import { FiguresAsOf } from './figures-as-of.service';

const COUNTY = '520402';

/** Households registered (one able worker each) at the given recorded times, in this order in the log. */
async function logOf(store: EventStore, recordedAt: readonly string[]): Promise<void> {
  const log = new EventLogBuilder();
  for (const [i, at] of recordedAt.entries()) {
    const householdId = `h${i}`;
    log.append(householdStream(householdId), 'HouseholdRegistered', {
      householdId,
      countyCode: COUNTY,
      relocationSiteId: 'site-520402-01',
      registeredAt: at,
    });
  }
  for (const e of log.events) {
    await store.append(
      e.streamId,
      [{ ...encodeEvent(e), id: e.id, occurredAt: e.occurredAt, metadata: e.metadata }],
      'no_stream',
    );
    await store.append(
      'vacancy-x',
      [{ ...encodeEvent(e), id: `${e.id}/other`, occurredAt: e.occurredAt, metadata: e.metadata }],
      'any',
    );
  }
}

describe('FiguresAsOf', () => {
  let store: SqliteEventStore;
  const clock = { time: '2026-11-03T04:00:00Z', now: () => clock.time };

  beforeEach(async () => {
    store = SqliteEventStore.open(':memory:');
    // 31 Oct and 1 Nov in Guizhou (the second is 16:30 UTC on 31 Oct), then 2 Nov.
    await logOf(store, ['2026-10-31T03:00:00Z', '2026-10-31T16:30:00Z', '2026-11-02T01:00:00Z']);
  });
  afterEach(() => store.close());

  const households = async (service: FiguresAsOf, date: string) => {
    const answer = await service.at(date);
    if (!answer.ok) throw new Error(answer.rejection.message);
    return regionFiguresAt(answer.figures, 'county', COUNTY).households;
  };

  it('gives the event loop a turn between pages, so the service keeps answering during a cold fold', async () => {
    const pages: RecordedEvent[][] = [];
    for await (const page of store.readCategoryPages('household')) for (const e of page) pages.push([e]);
    // The same store, but its household events one to a page, handed over without any wait in between.
    const paged = Object.assign(Object.create(store) as SqliteEventStore, {
      async *readCategoryPages() {
        yield* pages;
      },
    });
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    await households(new FiguresAsOf(paged, clock), '2026-11-03');
    ticking = false;
    expect(pages.length).toBe(3);
    expect(turns).toBeGreaterThanOrEqual(pages.length - 1);
  });

  it('counts the household events recorded by the end of the day in Guizhou, nothing else of the log', async () => {
    const service = new FiguresAsOf(store, clock);
    expect(await households(service, '2026-10-30')).toBe(0);
    expect(await households(service, '2026-10-31')).toBe(1);
    expect(await households(service, '2026-11-01')).toBe(2);
    expect(await households(service, '2026-11-03')).toBe(3);
    const answer = await service.at('2026-11-03');
    expect(answer.ok && answer.figures.position).toBe(await store.headPosition());
  });

  it('refuses a day after today in Guizhou, naming asOf', async () => {
    const service = new FiguresAsOf(store, clock);
    const answer = await service.at('2026-11-04');
    expect(answer).toMatchObject({
      ok: false,
      rejection: { code: 'invalid_value', details: { field: 'asOf' } },
    });
  });

  it('keeps the answers of days ended (past the settle time), the last ones asked, and folds today afresh', async () => {
    const service = new FiguresAsOf(store, clock, { cacheDays: 2, settleMs: 60_000 });
    await service.at('2026-10-31');
    await service.at('2026-11-01');
    await service.at('2026-10-31');
    await service.at('2026-11-02');
    expect(service.cachedDays()).toEqual(['2026-10-31', '2026-11-02']);
    expect(await service.at('2026-11-02')).toMatchObject({ ok: true, cached: true });
    expect(await service.at('2026-11-03')).toMatchObject({ ok: true, cached: false });
    expect(service.cachedDays()).not.toContain('2026-11-03');
    // Ended 30 s ago, less than the settle time: folded each time; kept once the settle time has passed.
    clock.time = '2026-11-03T16:00:30Z';
    expect(await service.at('2026-11-03')).toMatchObject({ ok: true, cached: false });
    expect(await service.at('2026-11-03')).toMatchObject({ ok: true, cached: false });
    clock.time = '2026-11-03T16:01:30Z';
    expect(await service.at('2026-11-03')).toMatchObject({ ok: true, cached: false });
    expect(await service.at('2026-11-03')).toMatchObject({ ok: true, cached: true });
  });
});

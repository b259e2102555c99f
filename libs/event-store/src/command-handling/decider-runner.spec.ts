import { encodeEvent } from '@contracts';
import { type VacancyCommand } from '@lib/domain/postings/vacancy.commands';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import { postVacancyCommand } from '@lib/domain/postings/vacancy.fixtures';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { registerHouseholdCommand } from '@lib/domain/workforce/household.fixtures';
import { type EventStore, WrongExpectedVersion } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { testMetadata } from '../testing/event-fixtures';
import { ConcurrencyConflictError, loadState, runDecider } from './decider-runner';

const now = '2026-04-01T08:00:00Z';
const metadata = testMetadata(now);
const reserve = (placementId: string): VacancyCommand => ({
  type: 'ReserveOpening',
  vacancyId: 'v-1',
  placementId,
  workerId: `h-${placementId}.1`,
  householdId: `h-${placementId}`,
  now,
});

describe('runDecider on the SQLite event store', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = SqliteEventStore.open(':memory:');
  });
  afterEach(() => store.close());

  const post = (openings = 2) =>
    runDecider({
      store,
      streamId: 'vacancy-v-1',
      decider: vacancyDecider,
      command: postVacancyCommand({ openings, now: '2026-03-01T00:00:00Z' }),
      metadata,
    });

  it('appends a decision to a new stream and returns the events, revision, position and state', async () => {
    const result = await post();
    if (!result.ok) throw new Error(result.rejection.message);
    expect(result.events.map((e) => [e.type, e.revision])).toEqual([['VacancyPosted', 0]]);
    expect(result.revision).toBe(0);
    expect(result.position).toBe(await store.headPosition());
    expect(result.state.status).toBe('open');
    const [stored] = await store.readStream('vacancy-v-1');
    expect(stored.id).toBe(result.events[0].id);
    expect(stored.metadata).toEqual(metadata);
    expect(stored.occurredAt).toBe(now);
    const loaded = await loadState(store, 'vacancy-v-1', vacancyDecider);
    expect(loaded).toMatchObject({
      revision: 0,
      position: result.position,
      state: { status: 'open', openings: 2 },
    });
  });

  it('stamps the events of one multi-event decision as one batch, and a lone event with none', async () => {
    await runDecider({
      store,
      streamId: 'household-h1',
      decider: householdDecider,
      command: registerHouseholdCommand('h1'),
      metadata,
    });
    const stored = await store.readStream('household-h1');
    expect(stored.map((e) => e.metadata.batch)).toEqual([
      { index: 0, size: 3 },
      { index: 1, size: 3 },
      { index: 2, size: 3 },
    ]);
    await post();
    const [posted] = await store.readStream('vacancy-v-1');
    expect(posted.metadata).not.toHaveProperty('batch');
  });

  it('returns a rejection and appends nothing', async () => {
    const result = await runDecider({
      store,
      streamId: 'vacancy-v-1',
      decider: vacancyDecider,
      command: reserve('p1'),
      metadata,
    });
    expect(result).toEqual({ ok: false, rejection: expect.objectContaining({ code: 'not_found' }) });
    expect(await store.headPosition()).toBe(0n);
  });

  it('answers an idempotent repeat with the current revision and the last event position, appending nothing', async () => {
    await post();
    const first = await runDecider({
      store,
      streamId: 'vacancy-v-1',
      decider: vacancyDecider,
      command: reserve('p1'),
      metadata,
    });
    const again = await runDecider({
      store,
      streamId: 'vacancy-v-1',
      decider: vacancyDecider,
      command: reserve('p1'),
      metadata,
    });
    if (!first.ok || !again.ok) throw new Error('expected ok');
    expect(again.events).toEqual([]);
    expect(again.revision).toBe(1);
    expect(again.position).toBe(first.position);
    expect(await store.readStream('vacancy-v-1')).toHaveLength(2);
  });

  it('uses derived event ids when given', async () => {
    const result = await runDecider({
      store,
      streamId: 'vacancy-v-1',
      decider: vacancyDecider,
      command: postVacancyCommand({ now: '2026-03-01T00:00:00Z' }),
      metadata,
      eventIds: (_event, i) => `00000000-0000-5000-8000-00000000000${i}`,
    });
    expect(result.ok && result.events[0].id).toBe('00000000-0000-5000-8000-000000000000');
  });

  it('20 concurrent reservations on 5 openings: exactly 5 succeed, the rest are vacancy_full, nothing over-filled', async () => {
    await post(5);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        runDecider({
          store,
          streamId: 'vacancy-v-1',
          decider: vacancyDecider,
          command: reserve(`p${i}`),
          metadata,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const codes = results.flatMap((r) => (r.ok ? [] : [r.rejection.code]));
    expect(codes).toEqual(Array(15).fill('vacancy_full'));
    const stream = await store.readStream('vacancy-v-1');
    expect(stream.filter((e) => e.type === 'VacancyOpeningReserved')).toHaveLength(5);
    const { state } = await loadState(store, 'vacancy-v-1', vacancyDecider);
    expect(state.status === 'open' && state.pending).toBe(5);
  });

  it('gives up with ConcurrencyConflictError after maxRetries lost races', async () => {
    let appends = 0;
    const losing: EventStore = Object.assign(Object.create(store) as EventStore, {
      readStream: (id: string) => store.readStream(id),
      append: async () => {
        appends++;
        throw new WrongExpectedVersion('vacancy-v-1', 'no_stream', 0);
      },
    });
    await expect(
      runDecider({
        store: losing,
        streamId: 'vacancy-v-1',
        decider: vacancyDecider,
        command: postVacancyCommand(),
        metadata,
        maxRetries: 2,
      }),
    ).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect(appends).toBe(3);
  });

  it('folds stored events upcast to their current version (WorkerRegistered@1 -> @2)', async () => {
    const registered = encodeEvent({
      type: 'HouseholdRegistered',
      data: { householdId: 'h1', countyCode: '520402', relocationSiteId: 'site-1', registeredAt: now },
    });
    const v1Worker = {
      type: 'WorkerRegistered',
      version: 1,
      data: {
        workerId: 'h1.1',
        householdId: 'h1',
        memberNo: 1,
        name: '成员',
        idNumberHash: 'a'.repeat(64),
        idNumberLast4: '0028',
        birthYear: 1990,
        gender: 'female',
        labourCapacity: 'full',
        skills: [],
        willingToLeaveProvince: false,
        registeredAt: now,
      },
    };
    await store.append(
      'household-h1',
      [registered, v1Worker].map((e, i) => ({ ...e, id: `e${i}`, occurredAt: now, metadata })),
      'no_stream',
    );
    const { state } = await loadState(store, 'household-h1', householdDecider);
    expect(state.status === 'registered' && state.workers.get('h1.1')?.preference).toBe('in_province');
  });
});

import { householdStream, vacancyStream } from '@contracts';
import type { PostVacancy } from '@lib/domain/postings/vacancy.commands';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import { postVacancyCommand } from '@lib/domain/postings/vacancy.fixtures';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { member, registerHouseholdCommand } from '@lib/domain/workforce/household.fixtures';
import { loadState, runDecider, SqliteEventStore } from '@lib/event-store';
import { testMetadata } from '@lib/event-store/testing/event-fixtures';
import { placeWorker } from './placement-flow';
import { recoverAll } from '../shared/flow-recovery';
import { placementRecovery, recoverPendingPlacements } from './placement-recovery';
import { placeStep, type PlacementRef, reserveStep } from './placement-steps';

const now = '2026-04-01T08:00:00Z';
const metadata = testMetadata(now);

describe('placement flow on the SQLite event store', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = SqliteEventStore.open(':memory:');
  });
  afterEach(() => store.close());

  async function postVacancy(vacancyId: string, overrides: Partial<PostVacancy> = {}) {
    const command = postVacancyCommand({ vacancyId, now: '2026-03-01T00:00:00Z', ...overrides });
    const result = await runDecider({
      store,
      streamId: vacancyStream(vacancyId),
      decider: vacancyDecider,
      command,
      metadata,
    });
    if (!result.ok) throw new Error(result.rejection.message);
  }
  async function registerHousehold(householdId: string, members = [member(1)]) {
    const command = registerHouseholdCommand(householdId, members);
    const result = await runDecider({
      store,
      streamId: householdStream(householdId),
      decider: householdDecider,
      command,
      metadata,
    });
    if (!result.ok) throw new Error(result.rejection.message);
  }
  const place = (placementId: string, workerId: string, vacancyId = 'v-1') =>
    placeWorker({ store, placementId, workerId, vacancyId, brokerId: 'broker-1', now, metadata });
  const vacancy = async (vacancyId = 'v-1') => {
    const { state } = await loadState(store, vacancyStream(vacancyId), vacancyDecider);
    if (state.status === 'none') throw new Error('no vacancy');
    return state;
  };
  const household = async (householdId = 'h1') => {
    const { state } = await loadState(store, householdStream(householdId), householdDecider);
    if (state.status === 'none') throw new Error('no household');
    return state;
  };
  /** The recovery as the platform runs it at start: one pass over the log, then finish what it found. */
  const recoverFromLog = async () =>
    (await recoverAll([placementRecovery()], { store, now, correlationId: 'test' })).get('placement');
  const ref = (placementId: string, workerId = 'h1.1', vacancyId = 'v-1'): PlacementRef => ({
    store,
    placementId,
    workerId,
    householdId: workerId.split('.')[0],
    vacancyId,
    now,
    metadata,
  });

  it('places a worker: reserved, placed with the channel of the vacancy, confirmed; a repeat appends nothing', async () => {
    await postVacancy('v-1');
    await registerHousehold('h1');
    const result = await place('p1', 'h1.1');
    expect(result).toEqual({ ok: true, placementId: 'p1', position: await store.headPosition() });
    expect((await vacancy()).reservations.get('p1')?.status).toBe('confirmed');
    expect((await household()).placements.get('p1')).toMatchObject({
      channel: 'out_of_province',
      startDate: '2026-04-01',
    });
    const head = await store.headPosition();
    expect(await place('p1', 'h1.1')).toEqual({ ok: true, placementId: 'p1', position: head });
    expect(await store.headPosition()).toBe(head);
  });

  it('a public-welfare placement records its term end (start date + term months) and the county that runs it', async () => {
    await postVacancy('v-w', {
      source: { type: 'public_welfare', id: '520402' },
      location: { province: '贵州省', city: '安顺市', countyCode: '520402' },
      labourCapacities: ['full', 'partial', 'weak'],
      welfare: { monthlySubsidy: 800, termMonths: 12 },
    });
    await registerHousehold('h1', [member(1, { preference: 'local' }), member(2)]);
    expect(await place('p1', 'h1.1', 'v-w')).toMatchObject({ ok: true });
    expect((await household()).placements.get('p1')).toMatchObject({
      channel: 'public_welfare',
      startDate: '2026-04-01',
      welfareTermEndsOn: '2027-04-01',
      welfareCountyCode: '520402',
    });
    expect((await household()).workers.get('h1.1')?.activeEmployment?.welfareTermEndsOn).toBe('2027-04-01');
    await postVacancy('v-1');
    await place('p2', 'h1.2');
    expect((await household()).placements.get('p2')).not.toHaveProperty('welfareTermEndsOn');
  });

  it('refuses before reserving: unknown worker or vacancy, constraint violation, wrong channel', async () => {
    await postVacancy('v-1', { ageRange: { min: 18, max: 30 } });
    await registerHousehold('h1');
    expect(await place('p1', 'h1.9')).toMatchObject({ ok: false, rejection: { code: 'not_found' } });
    expect(await place('p1', 'h1.1', 'v-9')).toMatchObject({ ok: false, rejection: { code: 'not_found' } });
    expect(await place('p1', 'h1.1')).toMatchObject({
      ok: false,
      rejection: { code: 'constraint_violated', message: /is 36 in 2026/ },
    });
    const wrongChannel = await placeWorker({
      store,
      placementId: 'p1',
      workerId: 'h1.1',
      vacancyId: 'v-1',
      brokerId: 'b',
      channel: 'workshop',
      now,
      metadata,
    });
    expect(wrongChannel).toMatchObject({ ok: false, rejection: { code: 'invalid_value' } });
    expect((await vacancy()).reservations.size).toBe(0);
  });

  it('refuses an employed worker before holding an opening (the household decides on the state just read)', async () => {
    await postVacancy('v-1');
    await postVacancy('v-2');
    await registerHousehold('h1');
    expect(await place('p1', 'h1.1')).toMatchObject({ ok: true });
    expect(await place('p2', 'h1.1', 'v-2')).toMatchObject({
      ok: false,
      rejection: { code: 'worker_already_employed' },
    });
    expect((await vacancy('v-2')).reservations.size).toBe(0);
  });

  it('50 concurrent placements into 5 openings: exactly 5 placed, 45 vacancy_full, none over-filled', async () => {
    await postVacancy('v-1', { openings: 5 });
    for (let i = 0; i < 50; i++) await registerHousehold(`h${i}`);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => place(`p${i}`, `h${i}.1`)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.flatMap((r) => (r.ok ? [] : [r.rejection.code]))).toEqual(Array(45).fill('vacancy_full'));
    const state = await vacancy();
    expect([state.confirmed, state.pending, state.reservations.size]).toEqual([5, 0, 5]);
  });

  it('20 concurrent placements of one worker into 20 vacancies: one placed, the rest refused and released', async () => {
    for (let i = 0; i < 20; i++) await postVacancy(`v${i}`);
    await registerHousehold('h1');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => place(`p${i}`, 'h1.1', `v${i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const codes = results.flatMap((r) => (r.ok ? [] : [r.rejection.code]));
    expect(codes).toHaveLength(19);
    expect(new Set(codes)).toEqual(new Set(['worker_already_employed']));
    const states = await Promise.all(Array.from({ length: 20 }, (_, i) => vacancy(`v${i}`)));
    expect(states.map((s) => s.pending)).toEqual(Array(20).fill(0));
    expect(states.reduce((n, s) => n + s.confirmed, 0)).toBe(1);
    const statuses = states.flatMap((s) => [...s.reservations.values()].map((r) => r.status));
    expect(statuses.filter((s) => s === 'released').length + 1).toBe(statuses.length);
    expect((await household()).placements.size).toBe(1);
  });

  it('a crash between step 1 and step 2: recovery voids the placement and releases the opening', async () => {
    await postVacancy('v-1', { openings: 1 });
    await registerHousehold('h1');
    expect((await reserveStep(ref('p1'))).ok).toBe(true);
    expect(await place('p2', 'h1.1')).toMatchObject({ ok: false, rejection: { code: 'vacancy_full' } });
    expect(await recoverFromLog()).toEqual({
      finished: [],
      compensated: ['p1'],
    });
    expect((await vacancy()).reservations.get('p1')?.status).toBe('released');
    expect((await household()).voidedPlacements.has('p1')).toBe(true);
    // The original handler's late WorkerPlaced loses to the void.
    expect(
      await placeStep(ref('p1'), { channel: 'out_of_province', brokerId: 'b', startDate: '2026-04-01' }),
    ).toMatchObject({
      ok: false,
      rejection: { code: 'placement_voided' },
    });
    // The opening is free again, and a second pass finds nothing.
    expect(await place('p2', 'h1.1')).toMatchObject({ ok: true });
    expect(await recoverFromLog()).toEqual({
      finished: [],
      compensated: [],
    });
  });

  it('a crash between step 2 and step 3: recovery confirms', async () => {
    await postVacancy('v-1');
    await registerHousehold('h1');
    await reserveStep(ref('p1'));
    expect(
      (await placeStep(ref('p1'), { channel: 'out_of_province', brokerId: 'b', startDate: '2026-04-01' })).ok,
    ).toBe(true);
    expect(await recoverPendingPlacements({ store, now, metadata }, ['v-1'])).toEqual({
      finished: ['p1'],
      compensated: [],
    });
    expect((await vacancy()).reservations.get('p1')?.status).toBe('confirmed');
  });

  it('leaves reservations newer than the lease alone', async () => {
    await postVacancy('v-1');
    await registerHousehold('h1');
    await reserveStep(ref('p1'));
    const report = await recoverPendingPlacements(
      { store, now, metadata, startedBefore: '2026-04-01T07:59:00Z' },
      ['v-1'],
    );
    expect(report).toEqual({ finished: [], compensated: [] });
    expect((await vacancy()).pending).toBe(1);
  });

  it('a retried placeWorker resumes a half-done placement', async () => {
    await postVacancy('v-1');
    await registerHousehold('h1');
    await reserveStep(ref('p1'));
    expect(await place('p1', 'h1.1')).toMatchObject({ ok: true });
    expect((await vacancy()).reservations.get('p1')?.status).toBe('confirmed');
  });
});

import { householdStream, zeroEmploymentCaseStream, type EventMetadata } from '@contracts';
import { caseLifeEventId } from '@lib/domain/monitor/monitor-event-id';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { member, registerHouseholdCommand } from '@lib/domain/workforce/household.fixtures';
import { encodeEvent } from '@contracts';
import { loadState, runDecider, SqliteEventStore, type EventStore } from '@lib/event-store';
import { appendsFailFor, testMetadata } from '@lib/event-store/testing/event-fixtures';
import { recoverAll } from '../shared/flow-recovery';
import { recordMeasure } from './case-measure';
import { recordVerification } from './case-verification';
import { caseWorkRecovery } from './case-work-recovery';

const now = '2026-04-01T08:00:00Z';
const metadata: EventMetadata = testMetadata(now);
const caseId = 'h1:1';

/** A crash after the flow's own record, before the household's. */
const householdAppendsFail = (store: EventStore): EventStore => appendsFailFor(store, 'household');

describe('case work over two streams', () => {
  let store: SqliteEventStore;
  beforeEach(async () => {
    store = SqliteEventStore.open(':memory:');
    const registered = await runDecider({
      store,
      streamId: householdStream('h1'),
      decider: householdDecider,
      command: registerHouseholdCommand('h1', [member(1), member(2)]),
      metadata,
    });
    if (!registered.ok) throw new Error(registered.rejection.message);
    // The case as the monitor opens it.
    const opened = encodeEvent({
      type: 'ZeroEmploymentCaseOpened',
      data: { householdId: 'h1', countyCode: '520402', openedAt: '2026-03-31T08:00:00Z' },
    });
    await store.append(
      zeroEmploymentCaseStream(caseId),
      [
        {
          ...opened,
          id: caseLifeEventId(zeroEmploymentCaseStream(caseId), 'ZeroEmploymentCaseOpened'),
          occurredAt: '2026-03-31T08:00:00Z',
          metadata: { ...metadata },
        },
      ],
      'no_stream',
    );
  });
  afterEach(() => store.close());

  const household = async () => {
    const { state } = await loadState(store, householdStream('h1'), householdDecider);
    if (state.status !== 'registered') throw new Error('no household');
    return state;
  };
  const context = (on: EventStore = store) => ({ store: on, now, metadata });
  const employedElsewhere = {
    caseId,
    verificationId: 'v-1',
    visitedAt: '2026-04-01T07:00:00Z',
    method: 'home_visit' as const,
    finding: 'employed_elsewhere' as const,
    employment: { workerId: 'h1.1', channel: 'flexible', startDate: '2026-03-20' },
  };

  it('a verification that finds work records it on the case, then the employment on the household, once', async () => {
    expect(await recordVerification(context(), employedElsewhere)).toMatchObject({
      ok: true,
      recordId: 'v-1',
    });
    const employment = (await household()).workers.get('h1.1')?.activeEmployment;
    expect(employment).toMatchObject({ kind: 'reported', channel: 'flexible', startDate: '2026-03-20' });
    expect(employment?.employmentId.startsWith('h1:')).toBe(true);
    const head = await store.headPosition();
    expect(await recordVerification(context(), employedElsewhere)).toMatchObject({ ok: true });
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses the finding, recording nothing, when the household refuses its facts', async () => {
    const head = await store.headPosition();
    const other = await recordVerification(context(), {
      ...employedElsewhere,
      employment: { ...employedElsewhere.employment, workerId: 'h2.1' },
    });
    expect(other).toMatchObject({
      ok: false,
      rejection: { code: 'invalid_value', details: { field: 'employment.workerId' } },
    });
    const missing = await recordVerification(context(), {
      ...employedElsewhere,
      employment: { ...employedElsewhere.employment, workerId: 'h1.9' },
    });
    expect(missing).toMatchObject({ ok: false, rejection: { code: 'not_found' } });
    expect(await store.headPosition()).toBe(head);
  });

  it('a crash between the case and the household is finished at the next start', async () => {
    await expect(recordVerification(context(householdAppendsFail(store)), employedElsewhere)).rejects.toThrow(
      'killed',
    );
    await expect(
      recordMeasure(context(householdAppendsFail(store)), {
        caseId,
        measureId: 'm-1',
        kind: 'career_guidance',
        takenAt: '2026-04-01T07:30:00Z',
        workerId: 'h1.2',
      }),
    ).rejects.toThrow('killed');
    expect((await household()).workers.get('h1.1')?.activeEmployment).toBeUndefined();

    const reports = await recoverAll([caseWorkRecovery()], { store, now, correlationId: 'restart' });
    expect(reports.get('case-work')).toEqual({ finished: [caseId, caseId], compensated: [] });
    expect((await household()).workers.get('h1.1')?.activeEmployment).toMatchObject({ channel: 'flexible' });
    expect((await household()).workers.get('h1.2')?.serviceIds.size).toBe(1);
    // A second pass finds everything done.
    const again = await recoverAll([caseWorkRecovery()], { store, now, correlationId: 'again' });
    expect(again.get('case-work')).toEqual({ finished: [], compensated: [] });
  });
});

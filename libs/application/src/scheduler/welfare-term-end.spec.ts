import { householdStream } from '@contracts';
import { dueWelfareTermsCollection, householdsCollection } from '../monitor/monitor-collections';
import { welfareTermEndedEventId } from './scheduled-steps';
import { onHousehold, place } from './testing/scheduler-fixtures';
import { openSchedulerWorld, PLACED, TERM_ENDS_ON, type SchedulerWorld } from './testing/scheduler-world';

describe('scheduler: public-welfare terms end on time unless renewed', () => {
  let world: SchedulerWorld;
  beforeEach(async () => {
    world = await openSchedulerWorld();
  });
  afterEach(() => world.close());

  it('a welfare term ends at its end day with welfare_term_end, and the household becomes a new case', async () => {
    await onHousehold(
      world.events,
      'h1',
      { type: 'EndEmployment', workerId: 'h1.1', employmentId: 'h1:p1', reason: 'quit', now: PLACED },
      PLACED,
    );
    await place(world.events, 'h1:p2', 'h1.1', 'v-w', '2026-04-02T08:00:00Z');
    await world.caughtUp();
    expect(
      (await world.runAt('2027-04-01T15:59:00Z')).appended.filter((a) => a.kind === 'welfare_term_end'),
    ).toEqual([]);
    // The end day begins at 00:00 in Guizhou, 16:00 UTC the day before.
    const run = await world.runAt('2027-04-01T16:00:00Z');
    expect(run.appended.filter((a) => a.kind === 'welfare_term_end').map((a) => a.key)).toEqual(['h1:p2']);
    const ended = await world.ofType(householdStream('h1'), 'EmploymentEnded');
    expect(ended.map((e) => e.data)).toEqual([
      expect.objectContaining({ employmentId: 'h1:p1', reason: 'quit' }),
      expect.objectContaining({
        employmentId: 'h1:p2',
        reason: 'welfare_term_end',
        endedAt: '2027-04-01T16:00:00.000Z',
      }),
    ]);
    await world.caughtUp();
    const [household] = (await world.reads.load(householdsCollection, ['h1'])).values();
    expect(household).toMatchObject({
      status: 'zero_employment',
      openCase: { openedAt: '2027-04-01T16:00:00.000Z' },
    });
    expect((await world.reads.load(dueWelfareTermsCollection, ['h1:p2'])).get('h1:p2')).toMatchObject({
      pending: false,
    });
  });

  it('a renewal before the end moves the term end: nothing at the old end, the end at the new one', async () => {
    const renewed = await onHousehold(
      world.events,
      'h1',
      {
        type: 'RenewWelfareTerm',
        workerId: 'h1.1',
        placementId: 'h1:p1',
        termMonths: 6,
        now: '2027-03-15T00:00:00Z',
      },
      '2027-03-15T00:00:00Z',
    );
    expect(renewed.ok).toBe(true);
    await world.caughtUp();
    expect((await world.reads.load(dueWelfareTermsCollection, ['h1:p1'])).get('h1:p1')).toMatchObject({
      termEndsOn: '2027-10-01',
      dueAt: '2027-09-30T16:00:00.000Z',
      pending: true,
    });
    const atOldEnd = await world.runAt(`${TERM_ENDS_ON}T12:00:00Z`);
    expect(atOldEnd.appended.map((a) => a.kind)).not.toContain('welfare_term_end');
    expect(await world.ofType(householdStream('h1'), 'EmploymentEnded')).toEqual([]);
    const atNewEnd = await world.runAt('2027-09-30T16:00:00Z');
    expect(atNewEnd.appended.filter((a) => a.kind === 'welfare_term_end').map((a) => a.key)).toEqual([
      'h1:p1',
    ]);
    const ended = await world.ofType(householdStream('h1'), 'EmploymentEnded');
    expect(ended.map((e) => e.data.endedAt)).toEqual(['2027-09-30T16:00:00.000Z']);
    expect(ended[0].id).toBe(welfareTermEndedEventId('h1:p1', '2027-10-01'));
  });

  it('a renewal the read model has not seen yet: the stream refuses nothing, appends nothing', async () => {
    await world.caughtUp();
    await world.runner.stop();
    await onHousehold(
      world.events,
      'h1',
      {
        type: 'RenewWelfareTerm',
        workerId: 'h1.1',
        placementId: 'h1:p1',
        termMonths: 12,
        now: '2027-03-31T00:00:00Z',
      },
      '2027-03-31T00:00:00Z',
    );
    const run = await world.runAt('2027-04-01T00:00:00Z');
    expect(run.found).toBe(3);
    expect(run.alreadyDone).toBe(1);
    expect(await world.ofType(householdStream('h1'), 'EmploymentEnded')).toEqual([]);
  });
});

import { householdStream, trainingCourseStream, type EventMetadata } from '@contracts';
import { courseDecider } from '@lib/domain/training/course.decider';
import { publishCourse } from '@lib/domain/training/course.fixtures';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { member, registerHouseholdCommand } from '@lib/domain/workforce/household.fixtures';
import { runDecider, SqliteEventStore, type EventStore } from '@lib/event-store';
import { appendsFailFor, testMetadata } from '@lib/event-store/testing/event-fixtures';
import { recoverAll } from '../shared/flow-recovery';
import { completeCourse, enrolInCourse, withdrawFromCourse } from './training-flow';
import { trainingRecovery } from './training-recovery';

const now = '2026-03-21T02:00:00Z';
const metadata: EventMetadata = testMetadata(now);
const worker = 'h1.1';

/** A crash after the flow's own record, before the household's. */
const householdAppendsFail = (store: EventStore): EventStore => appendsFailFor(store, 'household');

describe('training flow over a course and a household', () => {
  let store: SqliteEventStore;
  beforeEach(async () => {
    store = SqliteEventStore.open(':memory:');
    for (const [streamId, decider, command] of [
      [householdStream('h1'), householdDecider, registerHouseholdCommand('h1', [member(1)])],
      [trainingCourseStream('course-1'), courseDecider, publishCourse({ seats: 1 })],
    ] as const) {
      const done = await runDecider({
        store,
        streamId,
        decider: decider as never,
        command: command as never,
        metadata,
      });
      if (!done.ok) throw new Error(done.rejection.message);
    }
  });
  afterEach(() => store.close());

  const context = (on: EventStore = store, at = '2026-03-15T02:00:00Z') => ({ store: on, now: at, metadata });
  const types = async (streamId: string) => (await store.readStream(streamId)).map((e) => e.type);
  const household = () => store.readStream(householdStream('h1'));
  const recover = () =>
    recoverAll([trainingRecovery()], { store, now, correlationId: 'recovery-1' }).then((r) =>
      r.get('training'),
    );

  it('an enrolment takes the seat and is the worker’s "131" training offer, once however often', async () => {
    expect(await enrolInCourse(context(), { courseId: 'course-1', workerId: worker })).toMatchObject({
      ok: true,
    });
    expect(await withdrawFromCourse(context(), { courseId: 'course-1', workerId: worker })).toMatchObject({
      ok: true,
    });
    expect(await enrolInCourse(context(), { courseId: 'course-1', workerId: worker })).toMatchObject({
      ok: true,
    });
    const offers = (await household()).filter((e) => e.type === 'WorkerServiceDelivered');
    expect(offers).toHaveLength(1);
    expect(offers[0].data).toMatchObject({
      workerId: worker,
      service: 'training_offer',
      serviceId: 'training-course:course-1',
    });
  });

  it('refuses an unknown worker with nothing appended, naming workerId', async () => {
    const outcome = await enrolInCourse(context(), { courseId: 'course-1', workerId: 'h1.9' });
    expect(outcome).toMatchObject({
      ok: false,
      rejection: { code: 'not_found', details: { field: 'workerId' } },
    });
    expect(await types(trainingCourseStream('course-1'))).toEqual(['TrainingCoursePublished']);
  });

  it('a completion records the course’s occupation as the worker’s training', async () => {
    await enrolInCourse(context(), { courseId: 'course-1', workerId: worker });
    const input = {
      courseId: 'course-1',
      workerId: worker,
      certificateNumber: 'C-1',
      completedOn: '2026-03-20',
    };
    expect(await completeCourse(context(store, now), input)).toMatchObject({ ok: true });
    expect(await completeCourse(context(store, now), input)).toMatchObject({ ok: true });
    const trainings = (await household()).filter((e) => e.type === 'WorkerTrainingCompleted');
    expect(trainings).toHaveLength(1);
    expect(trainings[0].data).toMatchObject({
      workerId: worker,
      trainingId: 'training-course:course-1',
      skill: '6-09-03-11',
      completedAt: '2026-03-19T16:00:00.000Z',
    });
  });

  it('a crash between the course’s event and the household’s loses nothing: the recovery appends it once', async () => {
    await expect(
      enrolInCourse(context(householdAppendsFail(store)), { courseId: 'course-1', workerId: worker }),
    ).rejects.toThrow('killed');
    await expect(
      completeCourse(context(householdAppendsFail(store), now), {
        courseId: 'course-1',
        workerId: worker,
        certificateNumber: 'C-1',
        completedOn: '2026-03-20',
      }),
    ).rejects.toThrow('killed');
    expect((await household()).map((e) => e.type)).toEqual(['HouseholdRegistered', 'WorkerRegistered']);
    expect(await recover()).toEqual({ finished: ['course-1', 'course-1'], compensated: [] });
    expect((await household()).map((e) => e.type)).toEqual([
      'HouseholdRegistered',
      'WorkerRegistered',
      'WorkerServiceDelivered',
      'WorkerTrainingCompleted',
    ]);
    expect(await recover()).toEqual({ finished: [], compensated: [] });
    expect(await household()).toHaveLength(4);
  });
});

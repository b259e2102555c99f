/**
 * Training courses across two streams (ADR 0006): the course's stream decides the seat or the completion (the
 * commit point), then the worker's household records what follows from it: an enrolment is the worker's
 * training offer of "131" (WorkerServiceDelivered, training_offer), a completion the worker's training
 * (WorkerTrainingCompleted, whose occupation joins the skills matching reads). Each household step has an id
 * derived from the course and the worker, and the household decider answers "already done" for a service or
 * a training it has, so a retry appends nothing twice; a crash between the two steps is finished at the next
 * start by `trainingRecovery`.
 */
import { householdStream, parseWorkerId, trainingCourseStream, type EventMetadata } from '@contracts';
import { courseDecider } from '@lib/domain/training/course.decider';
import type { CourseState } from '@lib/domain/training/course.state';
import { nameBasedUuid } from '@lib/domain/shared/name-based-id';
import { startOfDay } from '@lib/domain/shared/business-dates';
import type { HouseholdCommand } from '@lib/domain/workforce/household.commands';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { HouseholdState } from '@lib/domain/workforce/household.state';
import { loadState, type EventStore, type Position } from '@lib/event-store';
import { FlowRefused, orRefuse, refusalsAsValues, type FlowOutcome } from '../shared/flow-outcome';
import { runStep, stepOrThrow } from '../shared/flow-step';

export interface TrainingContext {
  readonly store: EventStore;
  readonly now: string;
  readonly metadata: EventMetadata;
}

/** Namespace of the ids of the household steps (a fixed random uuid). */
const TRAINING_NAMESPACE = '6b1f3e2a-8c4d-4a7e-b5f9-2d0c7e9a1b34';
export const offerEventId = (courseId: string, workerId: string): string =>
  nameBasedUuid(TRAINING_NAMESPACE, `offer/${courseId}/${workerId}`);
export const trainingEventId = (courseId: string, workerId: string): string =>
  nameBasedUuid(TRAINING_NAMESPACE, `completion/${courseId}/${workerId}`);

/** The "131" service of a course: one per worker and course, however often they enrol in it. */
export const courseServiceId = (courseId: string): string => `training-course:${courseId}`;
/** The worker's training record of a course. */
export const courseTrainingId = (courseId: string): string => `training-course:${courseId}`;

/** The household step of an enrolment: the worker's training offer, delivered at the enrolment. */
export const offerCommand = (courseId: string, workerId: string, enrolledAt: string, now: string) =>
  ({
    type: 'RecordService',
    workerId,
    serviceId: courseServiceId(courseId),
    service: 'training_offer',
    deliveredAt: enrolledAt,
    now,
  }) satisfies HouseholdCommand;

/** The household step of a completion: the course's occupation becomes the worker's training. */
export const trainingCommand = (
  course: { readonly courseId: string; readonly title: string; readonly occupation: string },
  workerId: string,
  completedOn: string,
  now: string,
) =>
  ({
    type: 'RecordTraining',
    workerId,
    trainingId: courseTrainingId(course.courseId),
    name: course.title,
    skill: course.occupation,
    // The day's first instant in Guizhou: a completion today is never "in the future".
    completedAt: new Date(startOfDay(completedOn)).toISOString(),
    now,
  }) satisfies HouseholdCommand;

const refuse = (code: 'not_found', message: string, field?: string): never => {
  throw new FlowRefused({ code, message, ...(field ? { details: { field } } : {}) });
};

/** The household of a worker id, with the worker checked: 404 naming workerId otherwise. */
async function workerHousehold(store: EventStore, workerId: string) {
  const householdId = parseWorkerId(workerId)?.householdId;
  if (householdId === undefined) return refuse('not_found', `劳动力 ${workerId} 不存在`, 'workerId');
  const { state } = await loadState(store, householdStream(householdId), householdDecider);
  if (state.status !== 'registered' || !state.workers.has(workerId))
    return refuse('not_found', `劳动力 ${workerId} 不存在`, 'workerId');
  return { householdId, household: state };
}

export async function loadCourse(store: EventStore, courseId: string): Promise<CourseState> {
  return (await loadState(store, trainingCourseStream(courseId), courseDecider)).state;
}

/** The household the worker id names (none when the id or the worker does not exist): for scope checks. */
export async function householdOfWorker(store: EventStore, workerId: string): Promise<HouseholdState> {
  const householdId = parseWorkerId(workerId)?.householdId;
  if (householdId === undefined) return { status: 'none', voidedClaims: new Map() };
  return (await loadState(store, householdStream(householdId), householdDecider)).state;
}

const later = (a: Position, b: Position): Position => (a > b ? a : b);

/** Enrols a worker: the seat on the course (409 course_full when none is left), then the "131" offer. */
export function enrolInCourse(
  context: TrainingContext,
  input: { readonly courseId: string; readonly workerId: string },
): Promise<FlowOutcome<{ readonly position: Position }>> {
  return refusalsAsValues(async () => {
    const { store, now, metadata } = context;
    const { courseId, workerId } = input;
    const { householdId } = await workerHousehold(store, workerId);
    const seat = orRefuse(
      await runStep(
        store,
        {
          streamId: trainingCourseStream(courseId),
          decider: courseDecider,
          command: { type: 'EnrolWorker', courseId, workerId, householdId, now },
        },
        metadata,
      ),
    );
    const offer = await stepOrThrow(
      runStep(
        store,
        {
          streamId: householdStream(householdId),
          decider: householdDecider,
          command: offerCommand(courseId, workerId, now, now),
          eventId: offerEventId(courseId, workerId),
        },
        metadata,
      ),
    );
    return { ok: true, position: later(seat.position, offer.position) };
  });
}

/** Gives the seat back; the offer made stays made (it was made). */
export function withdrawFromCourse(
  context: TrainingContext,
  input: { readonly courseId: string; readonly workerId: string; readonly reason?: string },
): Promise<FlowOutcome<{ readonly position: Position }>> {
  return refusalsAsValues(async () => {
    const { courseId, workerId, reason } = input;
    const { position } = orRefuse(
      await runStep(
        context.store,
        {
          streamId: trainingCourseStream(courseId),
          decider: courseDecider,
          command: {
            type: 'WithdrawWorker',
            courseId,
            workerId,
            ...(reason === undefined ? {} : { reason }),
            now: context.now,
          },
        },
        context.metadata,
      ),
    );
    return { ok: true, position };
  });
}

/**
 * Records a completion: the household's training is decided first on the state just read (a refusal there,
 * e.g. a date before the worker's working age, stops the flow before anything is appended), then the course's
 * completion (the commit point), then the worker's training.
 */
export function completeCourse(
  context: TrainingContext,
  input: {
    readonly courseId: string;
    readonly workerId: string;
    readonly certificateNumber: string;
    readonly completedOn: string;
  },
): Promise<FlowOutcome<{ readonly position: Position }>> {
  return refusalsAsValues(async () => {
    const { store, now, metadata } = context;
    const { courseId, workerId, certificateNumber, completedOn } = input;
    const course = await loadCourse(store, courseId);
    if (course.status === 'none') return refuse('not_found', `培训课程 ${courseId} 不存在`);
    const { householdId, household } = await workerHousehold(store, workerId);
    const training = trainingCommand(course.course, workerId, completedOn, now);
    const householdNow = householdDecider.decide(training, household);
    if (!householdNow.ok) {
      const { details, ...rest } = householdNow.rejection;
      throw new FlowRefused({ ...rest, details: { ...details, field: 'completedOn' } });
    }
    const done = orRefuse(
      await runStep(
        store,
        {
          streamId: trainingCourseStream(courseId),
          decider: courseDecider,
          command: { type: 'RecordCompletion', courseId, workerId, certificateNumber, completedOn, now },
        },
        metadata,
      ),
    );
    const trained = await stepOrThrow(
      runStep(
        store,
        {
          streamId: householdStream(householdId),
          decider: householdDecider,
          command: training,
          eventId: trainingEventId(courseId, workerId),
        },
        metadata,
      ),
    );
    return { ok: true, position: later(done.position, trained.position) };
  });
}

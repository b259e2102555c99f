import { z } from 'zod';
import {
  entityId,
  guizhouCountyCode,
  householdId,
  isoDate,
  isoDateTime,
  occupationCode,
  recordedText,
  stationId,
  workerId,
  workshopId,
  yuan,
} from '../values';
import { defineEvent, type EventOf } from './define-event';
import { AT, HOUSEHOLD, WORKER } from './example-values';

/**
 * Skills training (技能培训): a course has its own stream `training-course-<courseId>`, the consistency
 * boundary of its seats (as a vacancy's stream is of its openings). What a completion does to the worker
 * (WorkerTrainingCompleted) and what an enrolment counts for "131" (WorkerServiceDelivered, training_offer)
 * are the household's own events, appended after the course's by the training flow (libs/application).
 */

const COURSE = '5e0d4c3b-2a19-4f08-9e7d-6c5b4a392817';

/** Who publishes a course: the county office (id: its county code), a workshop or a labour station. */
export const coursePublisher = z.discriminatedUnion('type', [
  z.object({ type: z.literal('county_office'), id: guizhouCountyCode }).strict(),
  z.object({ type: z.literal('workshop'), id: workshopId }).strict(),
  z.object({ type: z.literal('labour_station'), id: stationId }).strict(),
]);
export type CoursePublisher = z.infer<typeof coursePublisher>;

export const courseId = entityId;
/** At most this many seats in one course (a class, not a programme). */
export const MAX_COURSE_SEATS = 1_000;
export const courseSeats = z.number().int('seats must be a whole number').min(1).max(MAX_COURSE_SEATS);

export const TrainingCoursePublished = defineEvent({
  type: 'TrainingCoursePublished',
  version: 1,
  stream: 'trainingCourse',
  time: 'publishedAt',
  schema: z
    .object({
      courseId,
      publisher: coursePublisher,
      /** The county whose people the course serves (its office and brokers enrol). */
      countyCode: guizhouCountyCode,
      /** The occupation the course trains for (职业分类大典), added to a trainee's skills on completion. */
      occupation: occupationCode,
      title: recordedText(200),
      /** Calendar days in Guizhou, inclusive. */
      startDate: isoDate,
      endDate: isoDate,
      seats: courseSeats,
      place: recordedText(200),
      /** The training subsidy per trainee (培训补贴), whole yuan. */
      subsidyPerTrainee: yuan,
      publishedAt: isoDateTime,
    })
    .strict(),
  example: {
    courseId: COURSE,
    publisher: { type: 'county_office', id: '520402' },
    countyCode: '520402',
    occupation: '6-09-03-11',
    title: '贵州绣娘刺绣培训班',
    startDate: '2026-03-10',
    endDate: '2026-03-20',
    seats: 30,
    place: '西秀区易地扶贫搬迁安置点就业服务中心',
    subsidyPerTrainee: 1200,
    publishedAt: AT,
  },
});

/** A worker takes a seat. */
export const WorkerEnrolledInCourse = defineEvent({
  type: 'WorkerEnrolledInCourse',
  version: 1,
  stream: 'trainingCourse',
  time: 'enrolledAt',
  schema: z.object({ courseId, workerId, householdId, enrolledAt: isoDateTime }).strict(),
  example: { courseId: COURSE, workerId: WORKER, householdId: HOUSEHOLD, enrolledAt: AT },
});

/** A worker gives the seat back (before completing); it is free for another. */
export const WorkerWithdrewFromCourse = defineEvent({
  type: 'WorkerWithdrewFromCourse',
  version: 1,
  stream: 'trainingCourse',
  time: 'withdrawnAt',
  schema: z
    .object({
      courseId,
      workerId,
      householdId,
      reason: recordedText(500).optional(),
      withdrawnAt: isoDateTime,
    })
    .strict(),
  example: { courseId: COURSE, workerId: WORKER, householdId: HOUSEHOLD, withdrawnAt: AT },
});

/** A trainee completed the course with a certificate (结业证书); the seat stays taken. */
export const CourseCompletionRecorded = defineEvent({
  type: 'CourseCompletionRecorded',
  version: 1,
  stream: 'trainingCourse',
  time: 'recordedAt',
  schema: z
    .object({
      courseId,
      workerId,
      householdId,
      certificateNumber: recordedText(64),
      /** The day completed, in Guizhou: not before the course's start, not after the day recorded. */
      completedOn: isoDate,
      recordedAt: isoDateTime,
    })
    .strict(),
  example: {
    courseId: COURSE,
    workerId: WORKER,
    householdId: HOUSEHOLD,
    certificateNumber: 'GZ-2026-000123',
    completedOn: '2026-03-20',
    recordedAt: '2026-03-21T08:00:00Z',
  },
});

export const TRAINING_EVENTS = [
  TrainingCoursePublished,
  WorkerEnrolledInCourse,
  WorkerWithdrewFromCourse,
  CourseCompletionRecorded,
] as const;

export type TrainingEvent = EventOf<(typeof TRAINING_EVENTS)[number]>;

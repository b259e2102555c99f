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

/** At most one course's seats in one register (a worker once per day and list). */
const registerOf = z.array(workerId).max(MAX_COURSE_SEATS);

/**
 * A day's attendance register (考勤) for a course: who was present and who absent on one day of the course.
 * It lists only what it changes: a worker already recorded with the same value that day is left out, and a
 * correction (absent, then present) is a later event for the same day, never an edit of the first. The days
 * a course has held are the days it has a register for.
 */
export const CourseAttendanceRecorded = defineEvent({
  type: 'CourseAttendanceRecorded',
  version: 1,
  stream: 'trainingCourse',
  time: 'recordedAt',
  schema: z
    .object({
      courseId,
      /** The day in Guizhou, within the course's dates and not after the day recorded. */
      date: isoDate,
      present: registerOf,
      absent: registerOf,
      recordedAt: isoDateTime,
    })
    .strict(),
  example: {
    courseId: COURSE,
    date: '2026-03-12',
    present: [WORKER],
    absent: [],
    recordedAt: '2026-03-12T09:30:00Z',
  },
});

export const TRAINING_EVENTS = [
  TrainingCoursePublished,
  WorkerEnrolledInCourse,
  WorkerWithdrewFromCourse,
  CourseCompletionRecorded,
  CourseAttendanceRecorded,
] as const;

export type TrainingEvent = EventOf<(typeof TRAINING_EVENTS)[number]>;

import type { EventData } from '@contracts';
import type { CourseCommand, PublishCourse } from './course.commands';
import type { CourseEvent } from './course.state';

/** Fixtures of the course specs: one course in Xixiu, 10–20 March 2026, published on 1 March. */
export const COURSE_ID = 'course-1';
export const PUBLISHED_AT = '2026-03-01T02:00:00Z';

export const publishCourse = (o: Partial<PublishCourse> = {}): PublishCourse => ({
  type: 'PublishCourse',
  courseId: COURSE_ID,
  publisher: { type: 'county_office', id: '520402' },
  countyCode: '520402',
  occupation: '6-09-03-11',
  title: '贵州绣娘刺绣培训班',
  startDate: '2026-03-10',
  endDate: '2026-03-20',
  seats: 2,
  place: '西秀区安置点就业服务中心',
  subsidyPerTrainee: 1200,
  now: PUBLISHED_AT,
  ...o,
});

export const coursePublished = (o: Partial<EventData<'TrainingCoursePublished'>> = {}): CourseEvent => {
  const { type: _t, now, ...course } = publishCourse();
  return { type: 'TrainingCoursePublished', data: { ...course, publishedAt: now, ...o } };
};

export const workerOf = (n: number): string => `h-${n}.1`;

export const enrolled = (n: number, at = PUBLISHED_AT): CourseEvent => ({
  type: 'WorkerEnrolledInCourse',
  data: { courseId: COURSE_ID, workerId: workerOf(n), householdId: `h-${n}`, enrolledAt: at },
});

export const withdrew = (n: number, at = PUBLISHED_AT): CourseEvent => ({
  type: 'WorkerWithdrewFromCourse',
  data: { courseId: COURSE_ID, workerId: workerOf(n), householdId: `h-${n}`, withdrawnAt: at },
});

export const completed = (
  n: number,
  completedOn = '2026-03-20',
  at = '2026-03-21T02:00:00Z',
): CourseEvent => ({
  type: 'CourseCompletionRecorded',
  data: {
    courseId: COURSE_ID,
    workerId: workerOf(n),
    householdId: `h-${n}`,
    certificateNumber: `CERT-${n}`,
    completedOn,
    recordedAt: at,
  },
});

export const enrol = (n: number, now = PUBLISHED_AT): CourseCommand => ({
  type: 'EnrolWorker',
  courseId: COURSE_ID,
  workerId: workerOf(n),
  householdId: `h-${n}`,
  now,
});

export const withdraw = (n: number, now = PUBLISHED_AT): CourseCommand => ({
  type: 'WithdrawWorker',
  courseId: COURSE_ID,
  workerId: workerOf(n),
  now,
});

export const complete = (
  n: number,
  completedOn = '2026-03-20',
  now = '2026-03-21T02:00:00Z',
  certificateNumber = `CERT-${n}`,
): CourseCommand => ({
  type: 'RecordCompletion',
  courseId: COURSE_ID,
  workerId: workerOf(n),
  certificateNumber,
  completedOn,
  now,
});

/** A register for one day: workers by number, recorded during that day in Guizhou (10:00 there). */
export const attended = (
  date: string,
  present: readonly number[],
  absent: readonly number[] = [],
  at = `${date}T02:00:00Z`,
): CourseEvent => ({
  type: 'CourseAttendanceRecorded',
  data: {
    courseId: COURSE_ID,
    date,
    present: present.map(workerOf),
    absent: absent.map(workerOf),
    recordedAt: at,
  },
});

export const recordAttendance = (
  date: string,
  present: readonly number[],
  absent: readonly number[] = [],
  now = `${date}T02:00:00Z`,
): CourseCommand => ({
  type: 'RecordAttendance',
  courseId: COURSE_ID,
  date,
  present: present.map(workerOf),
  absent: absent.map(workerOf),
  now,
});

import type { CourseFacts } from './course.state';

/** Every command carries `now` (the server's clock, read once at the edge): deciders read no clock. */
interface CourseCommandBase {
  readonly courseId: string;
  readonly now: string;
}

export type PublishCourse = CourseCommandBase & CourseFacts & { readonly type: 'PublishCourse' };

export type EnrolWorker = CourseCommandBase & {
  readonly type: 'EnrolWorker';
  readonly workerId: string;
  readonly householdId: string;
};

export type WithdrawWorker = CourseCommandBase & {
  readonly type: 'WithdrawWorker';
  readonly workerId: string;
  readonly reason?: string;
};

export type RecordCompletion = CourseCommandBase & {
  readonly type: 'RecordCompletion';
  readonly workerId: string;
  readonly certificateNumber: string;
  /** A day in Guizhou: not after today there, not before the course's start. */
  readonly completedOn: string;
};

/** A day's register: who was present, who absent (a worker at most once across both lists). */
export type RecordAttendance = CourseCommandBase & {
  readonly type: 'RecordAttendance';
  /** A day in Guizhou, within the course's dates, not after today there. */
  readonly date: string;
  readonly present: readonly string[];
  readonly absent: readonly string[];
};

export type CourseCommand =
  PublishCourse | EnrolWorker | WithdrawWorker | RecordCompletion | RecordAttendance;

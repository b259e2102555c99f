import type { EventData } from '@contracts';
import { dayOf } from '../shared/business-dates';
import { assertNever } from '../shared/decider';
import type { KeyedProjection } from '../shared/keyed-projection';
import type { CourseEvent, CourseFacts } from './course.state';

/** A trainee who completed, as the course's page lists them (ids and the certificate, no names). */
export interface ListedCompletion {
  readonly workerId: string;
  readonly certificateNumber: string;
  readonly completedOn: string;
}

/** One course of the course list, with who holds its seats. Key: courseId. */
export interface CourseListing extends CourseFacts {
  readonly publishedAt: string;
  /** Workers holding a seat now, in the order they enrolled. */
  readonly enrolledWorkerIds: readonly string[];
  readonly completions: readonly ListedCompletion[];
  /** Withdrawals so far (a seat each, given back). */
  readonly withdrawals: number;
  /**
   * Attendance as last recorded: worker id → day → present. Absent from documents written before attendance
   * was kept (read it through `attendanceOf`).
   */
  readonly attendance?: Readonly<Record<string, Readonly<Record<string, boolean>>>>;
  /** The day (Guizhou) each worker first took a seat; absent from documents written before it was kept. */
  readonly enrolledOn?: Readonly<Record<string, string>>;
  readonly lastRevision: number;
}

export type CourseStatus = 'open' | 'full' | 'ended';
export const COURSE_STATUSES: readonly CourseStatus[] = ['open', 'full', 'ended'];

/** Seats taken: enrolled now or completed (a completion keeps its seat). */
export const listedSeatsTaken = (c: CourseListing): number =>
  c.enrolledWorkerIds.length + c.completions.length;

/** A course's status at an instant: over once its end day has passed in Guizhou, else full or open. */
export function courseStatusAt(c: CourseListing, now: string): CourseStatus {
  if (dayOf(now) > c.endDate) return 'ended';
  return listedSeatsTaken(c) >= c.seats ? 'full' : 'open';
}

export const attendanceOf = (c: CourseListing) => c.attendance ?? {};

/** The days the course has held so far: the days it has a register for, in order. */
export const daysHeld = (c: CourseListing): string[] =>
  [...new Set(Object.values(attendanceOf(c)).flatMap((days) => Object.keys(days)))].sort();

function withRegister(doc: CourseListing, data: EventData<'CourseAttendanceRecorded'>): CourseListing {
  const attendance = { ...attendanceOf(doc) };
  const mark = (workerId: string, present: boolean) => {
    attendance[workerId] = { ...attendance[workerId], [data.date]: present };
  };
  data.present.forEach((w) => mark(w, true));
  data.absent.forEach((w) => mark(w, false));
  return { ...doc, attendance };
}

const withoutWorker = (ids: readonly string[], workerId: string) => ids.filter((id) => id !== workerId);

function evolveListing(doc: CourseListing | undefined, event: CourseEvent): CourseListing | undefined {
  if (event.type === 'TrainingCoursePublished') {
    return (
      doc ?? {
        ...event.data,
        enrolledWorkerIds: [],
        completions: [],
        withdrawals: 0,
        lastRevision: -1,
      }
    );
  }
  if (doc === undefined) return doc;
  switch (event.type) {
    case 'WorkerEnrolledInCourse':
      return {
        ...doc,
        enrolledOn: { [event.data.workerId]: dayOf(event.data.enrolledAt), ...doc.enrolledOn },
        enrolledWorkerIds: [
          ...withoutWorker(doc.enrolledWorkerIds, event.data.workerId),
          event.data.workerId,
        ],
      };
    case 'WorkerWithdrewFromCourse':
      return {
        ...doc,
        enrolledWorkerIds: withoutWorker(doc.enrolledWorkerIds, event.data.workerId),
        withdrawals: doc.withdrawals + 1,
      };
    case 'CourseCompletionRecorded': {
      const { workerId, certificateNumber, completedOn } = event.data;
      return {
        ...doc,
        enrolledWorkerIds: withoutWorker(doc.enrolledWorkerIds, workerId),
        completions: [
          ...doc.completions.filter((c) => c.workerId !== workerId),
          { workerId, certificateNumber, completedOn },
        ],
      };
    }
    case 'CourseAttendanceRecorded':
      return withRegister(doc, event.data);
    default:
      return assertNever(event);
  }
}

/** The course list: one document per course, fed by the course's stream alone (its revision guards replays). */
export const courseListProjection: KeyedProjection<CourseListing, CourseEvent['type']> = {
  name: 'training-courses',
  handles: [
    'TrainingCoursePublished',
    'WorkerEnrolledInCourse',
    'WorkerWithdrewFromCourse',
    'CourseCompletionRecorded',
    'CourseAttendanceRecorded',
  ],
  keyOf: (event) => event.data.courseId,
  evolve: (doc, event) => evolveListing(doc, event as CourseEvent),
};

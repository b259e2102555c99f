import type { EventData, EventsOfStream } from '@contracts';
import { dayOf } from '../shared/business-dates';
import { assertNever } from '../shared/decider';

export type CourseEvent = EventsOfStream<'trainingCourse'>;

/** What a course is, as its publication says (its time aside). */
export type CourseFacts = Omit<EventData<'TrainingCoursePublished'>, 'publishedAt'>;

export interface Completion {
  readonly householdId: string;
  readonly certificateNumber: string;
  readonly completedOn: string;
}

export type CourseState =
  | { readonly status: 'none' }
  | {
      readonly status: 'published';
      readonly course: CourseFacts;
      /** Seats held now: worker id → household id. */
      readonly enrolled: ReadonlyMap<string, string>;
      /** Trainees who completed (their seat stays taken): worker id → the completion. */
      readonly completed: ReadonlyMap<string, Completion>;
      /** Attendance as last recorded: worker id → day → present. Kept across a withdrawal and a return. */
      readonly attendance: ReadonlyMap<string, ReadonlyMap<string, boolean>>;
      /** The day (in Guizhou) each worker first took a seat: nobody is absent from a class before it. */
      readonly enrolledOn: ReadonlyMap<string, string>;
    };

export type PublishedCourse = Extract<CourseState, { status: 'published' }>;

export const initialCourseState = (): CourseState => ({ status: 'none' });

/** Seats taken: held by an enrolled worker or by one who completed. */
export const seatsTaken = (state: PublishedCourse): number => state.enrolled.size + state.completed.size;

const without = <V>(map: ReadonlyMap<string, V>, key: string): ReadonlyMap<string, V> => {
  const next = new Map(map);
  next.delete(key);
  return next;
};

type Attendance = ReadonlyMap<string, ReadonlyMap<string, boolean>>;

/** The attendance with a day's register laid over it (a later register for the same day wins). */
function withRegister(
  attendance: Attendance,
  register: {
    readonly date: string;
    readonly present: readonly string[];
    readonly absent: readonly string[];
  },
): Attendance {
  const next = new Map(attendance);
  const mark = (workerId: string, present: boolean) =>
    next.set(workerId, new Map(next.get(workerId)).set(register.date, present));
  register.present.forEach((w) => mark(w, true));
  register.absent.forEach((w) => mark(w, false));
  return next;
}

/** Whether any register of the course has been recorded (a course that keeps no attendance has none). */
export const keepsAttendance = (state: PublishedCourse): boolean =>
  [...state.attendance.values()].some((days) => days.size > 0);

/** The days a worker was recorded present, with `date` taken as absent when given (a register about to change it). */
export const daysPresentWithout = (state: PublishedCourse, workerId: string, date: string): number =>
  [...(state.attendance.get(workerId) ?? new Map<string, boolean>())].filter(
    ([d, present]) => present && d !== date,
  ).length;

/** The days a worker was recorded present. */
export const daysPresent = (state: PublishedCourse, workerId: string): number =>
  [...(state.attendance.get(workerId)?.values() ?? [])].filter(Boolean).length;

export function evolveCourse(state: CourseState, event: CourseEvent): CourseState {
  if (event.type === 'TrainingCoursePublished') {
    const { publishedAt: _at, ...course } = event.data;
    return {
      status: 'published',
      course,
      enrolled: new Map(),
      completed: new Map(),
      attendance: new Map(),
      enrolledOn: new Map(),
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'WorkerEnrolledInCourse':
      return {
        ...state,
        enrolled: new Map(state.enrolled).set(event.data.workerId, event.data.householdId),
        enrolledOn: state.enrolledOn.has(event.data.workerId)
          ? state.enrolledOn
          : new Map(state.enrolledOn).set(event.data.workerId, dayOf(event.data.enrolledAt)),
      };
    case 'WorkerWithdrewFromCourse':
      return { ...state, enrolled: without(state.enrolled, event.data.workerId) };
    case 'CourseCompletionRecorded': {
      const { workerId, householdId, certificateNumber, completedOn } = event.data;
      return {
        ...state,
        enrolled: without(state.enrolled, workerId),
        completed: new Map(state.completed).set(workerId, { householdId, certificateNumber, completedOn }),
      };
    }
    case 'CourseAttendanceRecorded':
      return { ...state, attendance: withRegister(state.attendance, event.data) };
    default:
      return assertNever(event);
  }
}

import { enc, q, request } from './http';

/** Skills training courses (issue 15): the county's course list, a course's trainees, attendance, completion. */

export type CourseStatus = 'open' | 'full' | 'ended';

export interface CourseSummary {
  readonly courseId: string;
  readonly countyCode: string;
  readonly occupation: { readonly code: string; readonly label: string };
  readonly title: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly seats: number;
  readonly seatsTaken: number;
  readonly seatsLeft: number;
  readonly place: string;
  readonly subsidyPerTrainee: number;
  readonly status: CourseStatus;
}

export interface CourseList {
  readonly items: readonly CourseSummary[];
  readonly total: number;
}

export interface Trainee {
  readonly workerId: string;
  /** As the caller may see it (null: not theirs to see). */
  readonly name: string | null;
  readonly status: 'enrolled' | 'completed';
  /** The day they first took a seat: not absent before it. */
  readonly enrolledOn: string | null;
  readonly daysPresent: number;
  readonly daysAbsent: number;
  readonly daysUnrecorded: number;
  readonly presentOn: readonly string[];
  readonly absentOn: readonly string[];
  readonly completion: { readonly certificateNumber: string; readonly completedOn: string } | null;
}

export interface CourseDetail extends CourseSummary {
  readonly withdrawals: number;
  /** Only for the course's county and whoever runs it. */
  readonly daysHeld?: readonly string[];
  readonly trainees?: readonly Trainee[];
}

export interface AttendanceRecorded {
  readonly changed: number;
  readonly position: string;
}

export const coursesPath = (county: string) => `/v1/training-courses${q({ county, limit: 200 })}`;

export function trainingApi(token: string) {
  const post = <T>(path: string, body: unknown) => request<T>(token, path, { method: 'POST', body });
  return {
    courses: (county: string, signal?: AbortSignal) =>
      request<CourseList>(token, coursesPath(county), { signal }),
    /** `minPosition`: read the course as it is after one's own command. */
    course: (courseId: string, signal?: AbortSignal, minPosition?: string) =>
      request<CourseDetail>(token, `/v1/training-courses/${enc(courseId)}`, { signal, minPosition }),
    attend: (courseId: string, body: { date: string; present: string[]; absent: string[] }) =>
      post<AttendanceRecorded>(`/v1/training-courses/${enc(courseId)}/attendance`, body),
    complete: (
      courseId: string,
      body: { workerId: string; certificateNumber: string; completedOn: string },
    ) => post<{ position: string }>(`/v1/training-courses/${enc(courseId)}/completions`, body),
  };
}

export type TrainingApi = ReturnType<typeof trainingApi>;

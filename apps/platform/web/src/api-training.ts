/**
 * Skills training courses (issue 15): the county's course list, a course's trainees, attendance, completion.
 * Shapes from the contract, type-only (see api-types.ts).
 */
import type { z } from 'zod';
import type {
  attendanceResponse,
  courseDetailResponse,
  courseListResponse,
  courseStatus,
  courseTrainee,
  courseView,
} from '../../../../contracts/src/http/training.bodies';
import { enc, q, request } from './http';

export type CourseStatus = z.infer<typeof courseStatus>;
export type CourseSummary = z.infer<typeof courseView>;
export type CourseList = z.infer<typeof courseListResponse>;
export type Trainee = z.infer<typeof courseTrainee>;
export type CourseDetail = z.infer<typeof courseDetailResponse>;
export type AttendanceRecorded = z.infer<typeof attendanceResponse>;

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

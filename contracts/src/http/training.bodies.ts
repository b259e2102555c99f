import { z } from 'zod';
import { courseId, courseSeats, coursePublisher, MAX_COURSE_SEATS } from '../events/training.events';
import {
  guizhouCountyCode,
  isoDate,
  isoDateTime,
  occupationInput,
  positionString,
  reasonText,
  shortText,
  workerId,
  yuan,
} from '../values';
import { pageQuery } from './page-query';

// POST /v1/training-courses
export const publishCourseBody = z
  .object({
    /** The county whose people the course serves. */
    countyCode: guizhouCountyCode,
    /** A workshop or labour station running the course; the county office when absent (see the handler). */
    publisher: coursePublisher.optional(),
    /** 职业分类大典 code (6-09-03-11 刺绣工); legacy tags are accepted. */
    occupation: occupationInput,
    title: shortText,
    startDate: isoDate,
    endDate: isoDate,
    seats: courseSeats,
    place: shortText,
    /** 培训补贴 per trainee, whole yuan. */
    subsidyPerTrainee: yuan,
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.endDate < body.startDate)
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: '结束日期早于开始日期 / endDate is before startDate',
      });
  })
  .meta({ id: 'PublishCourseBody' });
export type PublishCourseBody = z.infer<typeof publishCourseBody>;

// POST /v1/training-courses/:id/enrolments
export const enrolBody = z.object({ workerId }).strict().meta({ id: 'EnrolBody' });
export type EnrolBody = z.infer<typeof enrolBody>;

// POST /v1/training-courses/:id/withdrawals
export const withdrawalBody = z
  .object({ workerId, reason: reasonText.optional() })
  .strict()
  .meta({ id: 'WithdrawalBody' });
export type WithdrawalBody = z.infer<typeof withdrawalBody>;

// POST /v1/training-courses/:id/completions
export const completionBody = z
  .object({
    workerId,
    /** 结业证书编号. */
    certificateNumber: z.string().trim().min(1).max(64),
    /** The day completed in Guizhou: not in the future, not before the course's start. */
    completedOn: isoDate,
  })
  .strict()
  .meta({ id: 'CompletionBody' });
export type CompletionBody = z.infer<typeof completionBody>;

const register = z.array(workerId).max(MAX_COURSE_SEATS);

// POST /v1/training-courses/:id/attendance
export const attendanceBody = z
  .object({
    /** The day in Guizhou: within the course's dates, not in the future. */
    date: isoDate,
    present: register,
    absent: register.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    const lists = [['present', body.present] as const, ['absent', body.absent ?? []] as const];
    for (const [list, ids] of lists) {
      ids.forEach((id, i) => {
        if (seen.has(id))
          ctx.addIssue({
            code: 'custom',
            path: [list, i],
            message: `劳动力 ${id} 在考勤中出现了两次 / worker listed twice`,
          });
        seen.add(id);
      });
    }
    if (seen.size === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['present'],
        message: '至少登记一名学员 / name at least one worker',
      });
  })
  .meta({ id: 'AttendanceBody' });
export type AttendanceBody = z.infer<typeof attendanceBody>;

export const attendanceResponse = z
  .object({
    /** Workers whose day this register changed: 0 when it was recorded already (nothing appended). */
    changed: z.number().int(),
    position: positionString,
  })
  .meta({ id: 'AttendanceResponse' });

export const courseStatus = z.enum(['open', 'full', 'ended']);

// GET /v1/training-courses?county=&status=
export const listCoursesQuery = z
  .object({
    county: z
      .string()
      .regex(/^\d{6}$/, 'county is a six-digit region code')
      .optional(),
    status: courseStatus.optional(),
    ...pageQuery,
  })
  .strict();
export type ListCoursesQuery = z.infer<typeof listCoursesQuery>;

export const courseCreatedResponse = z
  .object({ courseId, position: positionString })
  .meta({ id: 'CourseCreatedResponse' });

/** A course as lists show it: its seats taken and left at the time of the answer. */
export const courseView = z
  .object({
    courseId,
    publisher: coursePublisher,
    countyCode: guizhouCountyCode,
    occupation: z.object({ code: z.string(), label: z.string() }),
    title: z.string(),
    startDate: isoDate,
    endDate: isoDate,
    seats: z.number().int(),
    seatsTaken: z.number().int(),
    seatsLeft: z.number().int(),
    place: z.string(),
    subsidyPerTrainee: z.number().int(),
    status: courseStatus,
    publishedAt: isoDateTime,
  })
  .meta({ id: 'CourseView' });

export const courseListResponse = z
  .object({
    items: z.array(courseView),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
    position: positionString,
  })
  .meta({ id: 'CourseListResponse' });

/** A trainee on the course's page: the name as the caller may see it, the days attended, the completion. */
export const courseTrainee = z
  .object({
    workerId,
    /** Whole, masked or null, by the personal-data rule (a list view). */
    name: z.string().nullable(),
    status: z.enum(['enrolled', 'completed']),
    /** The day they first took a seat: no absence is recorded before it (null for an older course record). */
    enrolledOn: isoDate.nullable(),
    /** Of the days the course has held so far (`daysHeld`): present, absent, not recorded. */
    daysPresent: z.number().int(),
    daysAbsent: z.number().int(),
    daysUnrecorded: z.number().int(),
    /** The days recorded present, and absent, in order. */
    presentOn: z.array(isoDate),
    absentOn: z.array(isoDate),
    completion: z.object({ certificateNumber: z.string(), completedOn: isoDate }).nullable(),
  })
  .meta({ id: 'CourseTrainee' });

/** One course; who holds its seats only for those who act for its county or run it. */
export const courseDetailResponse = courseView
  .extend({
    withdrawals: z.number().int(),
    enrolledWorkerIds: z.array(workerId).optional(),
    completions: z
      .array(z.object({ workerId, certificateNumber: z.string(), completedOn: isoDate }))
      .optional(),
    /** The days the course has held so far: the days it has an attendance register for. */
    daysHeld: z.array(isoDate).optional(),
    trainees: z.array(courseTrainee).optional(),
    position: positionString,
  })
  .meta({ id: 'CourseDetailResponse' });

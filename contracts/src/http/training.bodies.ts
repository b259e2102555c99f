import { z } from 'zod';
import { courseId, courseSeats, coursePublisher } from '../events/training.events';
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

/** One course; who holds its seats only for those who act for its county or run it. */
export const courseDetailResponse = courseView
  .extend({
    withdrawals: z.number().int(),
    enrolledWorkerIds: z.array(workerId).optional(),
    completions: z
      .array(z.object({ workerId, certificateNumber: z.string(), completedOn: isoDate }))
      .optional(),
    position: positionString,
  })
  .meta({ id: 'CourseDetailResponse' });

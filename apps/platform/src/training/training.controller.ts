import { Controller, Get, Post, UseInterceptors } from '@nestjs/common';
import { z } from 'zod';
import {
  attendanceBody,
  attendanceResponse,
  completionBody,
  courseCreatedResponse,
  courseDetailResponse,
  courseId,
  courseListResponse,
  enrolBody,
  listCoursesQuery,
  positionResponse,
  publishCourseBody,
  withdrawalBody,
  type AttendanceBody,
  type CompletionBody,
  type EnrolBody,
  type ListCoursesQuery,
  type PublishCourseBody,
  type WithdrawalBody,
} from '@contracts';
import { CurrentPrincipal, Roles, type Principal } from '@lib/auth';
import { ApiDoc, HttpProblem, ZodBody, ZodParams, ZodQuery } from '@lib/http';
import { AccessLog } from '../access-log/access-log.service';
import { CommandCtx, type CommandContext } from '../command-handling/command-context';
import { MonitorFeed } from '../monitor/monitor-feed';
import { ReadYourWritesInterceptor } from '../monitor/read-your-writes.interceptor';
import { TrainingQueries } from './training-queries';
import { TrainingWork } from './training-work.service';

const TAGS = ['training'];
const courseParams = z.object({ id: courseId }).strict();
type CourseParams = z.infer<typeof courseParams>;
const ENROLMENT_SCOPE =
  'The county office or a broker covering both the course’s county and the worker’s (403 otherwise).';

/** Skills training courses (技能培训): thin, the scope checks and the flow are in TrainingWork. */
@Controller('v1/training-courses')
@UseInterceptors(ReadYourWritesInterceptor)
export class TrainingController {
  constructor(
    private readonly work: TrainingWork,
    private readonly queries: TrainingQueries,
    private readonly feed: MonitorFeed,
    private readonly accessLog: AccessLog,
  ) {}

  @Post()
  @Roles('admin', 'county_office', 'workshop', 'station')
  @ApiDoc({
    summary: 'Publish a training course: occupation, dates, seats, place, subsidy per trainee, county served',
    description:
      'A county office publishes for its county; a workshop (its own county) or a labour station (the region ' +
      'it is managed from) for the courses it runs. An end before today or before the start is a 400.',
    tags: TAGS,
    responses: { 201: { description: 'Published', schema: courseCreatedResponse } },
  })
  publish(@ZodBody(publishCourseBody) body: PublishCourseBody, @CommandCtx() ctx: CommandContext) {
    return this.work.publish(body, ctx);
  }

  @Get()
  @ApiDoc({
    summary: 'Training courses, latest start first, with seats taken and left; by county and status',
    description:
      'status: `open` (seats left), `full`, `ended` (its end day passed). With `X-Min-Position` it reads its own writes.',
    tags: TAGS,
    responses: { 200: { description: 'A page of courses', schema: courseListResponse } },
  })
  async list(@ZodQuery(listCoursesQuery) query: ListCoursesQuery) {
    const position = this.feed.position().toString();
    return { ...(await this.queries.courses(query)), position };
  }

  @Get(':id')
  @ApiDoc({
    summary: 'One training course with its seats; who holds them for its county and whoever runs it',
    description:
      'For its county and whoever runs it: the trainees (names by the personal-data rule, a list view), ' +
      'each with the days present and absent of `daysHeld` (the days with a register) and the completion. ' +
      'Such a read goes to the access log. With `X-Min-Position` it reads its own writes.',
    tags: TAGS,
    responses: { 200: { description: 'The course', schema: courseDetailResponse } },
  })
  async one(@ZodParams(courseParams) params: CourseParams, @CurrentPrincipal() principal: Principal) {
    const position = this.feed.position().toString();
    const course = await this.queries.course(params.id, principal);
    if (!course) throw new HttpProblem(404, 'not_found', `培训课程 ${params.id} 不存在`);
    if (course.trainees && course.trainees.length > 0) {
      await this.accessLog.record(principal, {
        resource: 'training_course_trainees',
        subjectIds: course.trainees.flatMap((t) => [
          t.workerId,
          t.workerId.slice(0, t.workerId.lastIndexOf('.')),
        ]),
        scope: course.countyCode,
      });
    }
    return { ...course, position };
  }

  @Post(':id/enrolments')
  @Roles('admin', 'county_office', 'broker')
  @ApiDoc({
    summary: 'Enrol a worker: a seat, and the worker’s “131” training offer',
    description: `${ENROLMENT_SCOPE} 409 course_full, course_ended, already_enrolled.`,
    tags: TAGS,
    responses: { 201: { description: 'Enrolled', schema: positionResponse } },
  })
  enrol(
    @ZodParams(courseParams) params: CourseParams,
    @ZodBody(enrolBody) body: EnrolBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.work.enrol(params.id, body, ctx);
  }

  @Post(':id/withdrawals')
  @Roles('admin', 'county_office', 'broker')
  @ApiDoc({
    summary: 'Withdraw a worker from a course: the seat is free again',
    description: `${ENROLMENT_SCOPE} 409 not_enrolled; a trainee who completed cannot withdraw.`,
    tags: TAGS,
    responses: { 201: { description: 'Withdrawn', schema: positionResponse } },
  })
  withdraw(
    @ZodParams(courseParams) params: CourseParams,
    @ZodBody(withdrawalBody) body: WithdrawalBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.work.withdraw(params.id, body, ctx);
  }

  @Post(':id/completions')
  @Roles('admin', 'county_office', 'workshop', 'station')
  @ApiDoc({
    summary: 'Record a trainee’s completion with the certificate; the occupation joins the worker’s skills',
    description:
      'The course’s county office or whoever runs it. completedOn: not in the future (a day in Guizhou), not ' +
      'before the start (400 naming it). 409 not_enrolled for a worker without a seat.',
    tags: TAGS,
    responses: { 201: { description: 'Recorded', schema: positionResponse } },
  })
  complete(
    @ZodParams(courseParams) params: CourseParams,
    @ZodBody(completionBody) body: CompletionBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.work.complete(params.id, body, ctx);
  }

  @Post(':id/attendance')
  @Roles('admin', 'county_office', 'workshop', 'station')
  @ApiDoc({
    summary: 'Record a day’s attendance (考勤): who was present, who absent',
    description:
      'Whoever may complete the course. date: a day of the course, not in the future in Guizhou (400 naming ' +
      'it). Every worker holds a seat (409 not_enrolled naming `present.<i>`/`absent.<i>`; a day after a ' +
      'trainee’s completion is 409 forbidden_transition). A worker already recorded with the same value that ' +
      'day is not recorded again: a register sent twice answers 201 with `changed: 0` and appends nothing. A ' +
      'correction (present → absent) is a new event. In a course with registers, a trainee present on no day ' +
      'cannot complete (409 not_attended).',
    tags: TAGS,
    responses: { 201: { description: 'Recorded (or already so)', schema: attendanceResponse } },
  })
  attend(
    @ZodParams(courseParams) params: CourseParams,
    @ZodBody(attendanceBody) body: AttendanceBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.work.attend(params.id, body, ctx);
  }
}

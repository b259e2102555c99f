import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  labourStationStream,
  trainingCourseStream,
  workshopStream,
  type AttendanceBody,
  type CompletionBody,
  type CoursePublisher,
  type EnrolBody,
  type PublishCourseBody,
  type WithdrawalBody,
} from '@contracts';
import {
  completeCourse,
  enrolInCourse,
  householdOfWorker,
  loadCourse,
  withdrawFromCourse,
} from '@lib/application';
import { canActForCounty, requireScope } from '@lib/auth';
import { labourStationDecider } from '@lib/domain/postings/labour-station.decider';
import { workshopDecider } from '@lib/domain/postings/workshop.decider';
import { courseDecider } from '@lib/domain/training/course.decider';
import type { PublishedCourse } from '@lib/domain/training/course.state';
import { loadState, type EventStore, type Position } from '@lib/event-store';
import { withPosition } from '@lib/http';
import type { CommandContext } from '../command-handling/command-context';
import { decideAndAppend } from '../command-handling/decide-and-append';
import { orReject, rejectWith } from '../command-handling/rejection';
import { EVENT_STORE } from '../event-store/event-store.module';
import { defaultPublisher, mayActForPublisher, regionCoversCounty } from './course-publisher';

type Outcome = { ok: true; position: Position } | { ok: false; rejection: Parameters<typeof rejectWith>[0] };
const answer = (outcome: Outcome) => withPosition({}, orReject(outcome).position);

/** The course commands: scope from the course's and the worker's own streams, then the training flow. */
@Injectable()
export class TrainingWork {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async publish(body: PublishCourseBody, ctx: CommandContext) {
    const { publisher: given, ...course } = body;
    const publisher = given ?? defaultPublisher(ctx.principal, body.countyCode);
    requireScope(mayActForPublisher(ctx.principal, publisher), '只能以本单位名义发布培训课程');
    await this.requirePublisherServes(publisher, body.countyCode);
    const courseId = randomUUID();
    const { position } = await decideAndAppend(
      this.store,
      trainingCourseStream(courseId),
      courseDecider,
      { type: 'PublishCourse', courseId, publisher, ...course, now: ctx.now },
      ctx.metadata,
    );
    return withPosition({ courseId }, position);
  }

  async enrol(courseId: string, body: EnrolBody, ctx: CommandContext) {
    await this.requireCountyOf(courseId, body.workerId, ctx);
    return answer(await enrolInCourse(this.context(ctx), { courseId, workerId: body.workerId }));
  }

  async withdraw(courseId: string, body: WithdrawalBody, ctx: CommandContext) {
    await this.requireCountyOf(courseId, body.workerId, ctx);
    return answer(await withdrawFromCourse(this.context(ctx), { courseId, ...body }));
  }

  /** A completion is recorded by the course's county office or by whoever runs the course. */
  async complete(courseId: string, body: CompletionBody, ctx: CommandContext) {
    await this.requireRunner(courseId, ctx, '只有课程所在县的就业部门或办班单位可以登记结业');
    return answer(await completeCourse(this.context(ctx), { courseId, ...body }));
  }

  /** A day's register, by those who may complete the course: it is the course's own stream alone. */
  async attend(courseId: string, body: AttendanceBody, ctx: CommandContext) {
    await this.requireRunner(courseId, ctx, '只有课程所在县的就业部门或办班单位可以登记考勤');
    const { date, present, absent = [] } = body;
    const { events, position } = await decideAndAppend(
      this.store,
      trainingCourseStream(courseId),
      courseDecider,
      { type: 'RecordAttendance', courseId, date, present, absent, now: ctx.now },
      ctx.metadata,
    );
    const changed = events.reduce(
      (n, e) =>
        n + (e.type === 'CourseAttendanceRecorded' ? e.data.present.length + e.data.absent.length : 0),
      0,
    );
    return withPosition({ changed }, position);
  }

  private async requireRunner(courseId: string, ctx: CommandContext, refusal: string): Promise<void> {
    const course = await this.requireCourse(courseId);
    requireScope(
      mayActForPublisher(ctx.principal, course.course.publisher) ||
        mayActForPublisher(ctx.principal, { type: 'county_office', id: course.course.countyCode }),
      refusal,
    );
  }

  private context({ now, metadata }: CommandContext) {
    return { store: this.store, now, metadata };
  }

  private async requireCourse(courseId: string): Promise<PublishedCourse> {
    const state = await loadCourse(this.store, courseId);
    if (state.status === 'none')
      return rejectWith({ code: 'not_found', message: `培训课程 ${courseId} 不存在` });
    return state;
  }

  /**
   * Enrolments and withdrawals are the county's: its office or a broker covering both the course's county and
   * the worker's (a worker the caller does not answer for is not theirs to enrol). 404 first for a course or a
   * worker that does not exist.
   */
  private async requireCountyOf(courseId: string, workerId: string, ctx: CommandContext): Promise<void> {
    const course = await this.requireCourse(courseId);
    const household = await householdOfWorker(this.store, workerId);
    if (household.status !== 'registered' || !household.workers.has(workerId)) {
      return rejectWith({
        code: 'not_found',
        message: `劳动力 ${workerId} 不存在`,
        details: { field: 'workerId' },
      });
    }
    requireScope(
      canActForCounty(ctx.principal, course.course.countyCode) &&
        canActForCounty(ctx.principal, household.countyCode),
      '只能为本县的劳动力报名本县的培训课程',
    );
  }

  /** A workshop runs courses for its own county, a station for the region it is managed from. */
  private async requirePublisherServes(publisher: CoursePublisher, countyCode: string): Promise<void> {
    if (publisher.type === 'workshop') {
      const { state } = await loadState(this.store, workshopStream(publisher.id), workshopDecider);
      if (state.status !== 'certified') {
        return rejectWith({
          code: state.status === 'none' ? 'not_found' : 'forbidden_transition',
          message: `帮扶车间 ${publisher.id} ${state.status === 'none' ? '不存在' : '已取消认定'}`,
          details: { field: 'publisher.id' },
        });
      }
      if (state.workshop.countyCode !== countyCode) {
        return rejectWith({
          code: 'invalid_value',
          message: `帮扶车间 ${publisher.id} 属于 ${state.workshop.countyCode}，不是 ${countyCode}`,
          details: { field: 'countyCode' },
        });
      }
    }
    if (publisher.type === 'labour_station') {
      const { state } = await loadState(this.store, labourStationStream(publisher.id), labourStationDecider);
      if (state.status === 'none') {
        return rejectWith({
          code: 'not_found',
          message: `劳务协作站 ${publisher.id} 不存在`,
          details: { field: 'publisher.id' },
        });
      }
      if (!regionCoversCounty(state.station.managingRegionCode, countyCode)) {
        return rejectWith({
          code: 'invalid_value',
          message: `劳务协作站 ${publisher.id} 不服务 ${countyCode}`,
          details: { field: 'countyCode' },
        });
      }
    }
  }
}

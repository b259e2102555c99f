import { Inject, Injectable } from '@nestjs/common';
import type { ListCoursesQuery } from '@contracts';
import { occupationOf } from '@contracts/values/occupations';
import { trainingCoursesCollection, type Clock } from '@lib/application';
import type { Principal } from '@lib/auth';
import {
  courseStatusAt,
  listedSeatsTaken,
  type CourseListing,
} from '@lib/domain/training/course-list.projection';
import { findAll, type ReadStore } from '@lib/read-store';
import { CLOCK } from '../clock/clock.module';
import { pageOf } from '../monitor/in-memory-page';
import { MONITOR_READ_STORE } from '../monitor/monitor-runtime';
import { maySeeTrainees } from './course-publisher';

/** A course as lists show it, its status and seats left at `now` (a course is over once its end day passed). */
function courseView(c: CourseListing, now: string) {
  const seatsTaken = listedSeatsTaken(c);
  const { code, label } = occupationOf(c.occupation);
  return {
    courseId: c.courseId,
    publisher: c.publisher,
    countyCode: c.countyCode,
    occupation: { code, label },
    title: c.title,
    startDate: c.startDate,
    endDate: c.endDate,
    seats: c.seats,
    seatsTaken,
    seatsLeft: Math.max(0, c.seats - seatsTaken),
    place: c.place,
    subsidyPerTrainee: c.subsidyPerTrainee,
    status: courseStatusAt(c, now),
    publishedAt: c.publishedAt,
  };
}

/**
 * The course list from the monitor's read store. A county runs tens of courses a year: its list is read whole
 * and filtered by status in memory (the status moves with the clock, so it is not a stored field).
 */
@Injectable()
export class TrainingQueries {
  constructor(
    @Inject(MONITOR_READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async courses(query: ListCoursesQuery) {
    const now = this.clock.now();
    const where = query.county === undefined ? {} : { countyCode: query.county };
    const all = (await findAll(this.store, trainingCoursesCollection, where))
      .map((c) => courseView(c, now))
      .filter((c) => query.status === undefined || c.status === query.status)
      .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.courseId.localeCompare(b.courseId));
    const page = pageOf(all, query.limit, query.cursor);
    return { items: page.items, total: all.length, nextCursor: page.nextCursor };
  }

  async course(courseId: string, principal: Principal) {
    const doc = (await this.store.load(trainingCoursesCollection, [courseId])).get(courseId);
    if (!doc) return undefined;
    const trainees = maySeeTrainees(principal, doc)
      ? { enrolledWorkerIds: [...doc.enrolledWorkerIds], completions: [...doc.completions] }
      : {};
    return { ...courseView(doc, this.clock.now()), withdrawals: doc.withdrawals, ...trainees };
  }
}

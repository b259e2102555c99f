import { Inject, Injectable } from '@nestjs/common';
import { parseWorkerId, type ListCoursesQuery } from '@contracts';
import { occupationOf } from '@contracts/values/occupations';
import { householdsCollection, trainingCoursesCollection, type Clock } from '@lib/application';
import { nameVisibility, visibleName, type Principal } from '@lib/auth';
import {
  courseStatusAt,
  daysHeld,
  listedSeatsTaken,
  type CourseListing,
} from '@lib/domain/training/course-list.projection';
import { courseTrainees } from '@lib/domain/training/course-trainees';
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
      ? {
          enrolledWorkerIds: [...doc.enrolledWorkerIds],
          completions: [...doc.completions],
          daysHeld: daysHeld(doc),
          trainees: await this.named(doc, principal),
        }
      : {};
    return { ...courseView(doc, this.clock.now()), withdrawals: doc.withdrawals, ...trainees };
  }

  /** The trainees with their names as the caller may see them in a list (a station sees none it did not place). */
  private async named(doc: CourseListing, principal: Principal) {
    const trainees = courseTrainees(doc);
    const householdIds = trainees.flatMap((t) => parseWorkerId(t.workerId)?.householdId ?? []);
    const households = await this.store.load(householdsCollection, [...new Set(householdIds)]);
    return trainees.map((t) => {
      const household = households.get(parseWorkerId(t.workerId)?.householdId ?? '');
      const name = household?.members.find((m) => m.workerId === t.workerId)?.name;
      const visibility = household
        ? nameVisibility(principal, { countyCode: household.countyCode, view: 'list' })
        : 'none';
      return { ...t, name: name === undefined ? null : visibleName(name, visibility) };
    });
  }
}

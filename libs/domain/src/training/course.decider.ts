import { addDays, dayOf } from '../shared/business-dates';
import { accept, alreadyDone, assertNever, reject, type Decider, type Decision } from '../shared/decider';
import type {
  CourseCommand,
  EnrolWorker,
  PublishCourse,
  RecordCompletion,
  WithdrawWorker,
} from './course.commands';
import { attendanceRefusal, recordAttendance } from './course-attendance';
import {
  evolveCourse,
  initialCourseState,
  seatsTaken,
  type CourseEvent,
  type CourseState,
  type PublishedCourse,
} from './course.state';

type Result = Decision<CourseEvent>;

/** How far ahead a course may start, and how long it may last: past these a date is a typo, not a plan. */
export const MAX_COURSE_DAYS_AHEAD = 730;
export const MAX_COURSE_DAYS = 366;

/**
 * A training course's seats (技能培训). The course's stream is the one place its seats are counted, so an
 * enrolment decided on a stale state loses the append's expected-revision race and is decided again: seats
 * are never overfilled, however many offices and brokers enrol at once. Messages are for county offices
 * (Chinese); the codes are the contract.
 */
export const courseDecider: Decider<CourseCommand, CourseState, CourseEvent> = {
  initialState: initialCourseState,
  evolve: evolveCourse,
  decide(command, state) {
    if (command.type === 'PublishCourse') {
      return state.status === 'none'
        ? publish(command)
        : reject('already_exists', `培训课程 ${command.courseId} 已存在`);
    }
    if (state.status === 'none') return reject('not_found', `培训课程 ${command.courseId} 不存在`);
    switch (command.type) {
      case 'EnrolWorker':
        return enrol(state, command);
      case 'WithdrawWorker':
        return withdraw(state, command);
      case 'RecordCompletion':
        return complete(state, command);
      case 'RecordAttendance':
        return recordAttendance(state, command);
      default:
        return assertNever(command);
    }
  },
};

const field = (name: string) => ({ field: name });

function publish(command: PublishCourse): Result {
  const { type: _type, now, ...course } = command;
  const today = dayOf(now);
  if (course.endDate < course.startDate)
    return reject('invalid_value', '结束日期早于开始日期', field('endDate'));
  if (course.endDate < today)
    return reject('invalid_value', `结束日期 ${course.endDate} 已过，不能发布已结束的课程`, field('endDate'));
  if (course.startDate > addDays(today, MAX_COURSE_DAYS_AHEAD))
    return reject('invalid_value', `开始日期不能晚于 ${MAX_COURSE_DAYS_AHEAD} 天之后`, field('startDate'));
  if (course.endDate > addDays(course.startDate, MAX_COURSE_DAYS - 1))
    return reject('invalid_value', `一期课程最长 ${MAX_COURSE_DAYS} 天`, field('endDate'));
  return accept({ type: 'TrainingCoursePublished', data: { ...course, publishedAt: now } });
}

const ended = (state: PublishedCourse, now: string): boolean => dayOf(now) > state.course.endDate;

function enrol(state: PublishedCourse, command: EnrolWorker): Result {
  const { courseId, workerId, householdId, now } = command;
  if (state.enrolled.has(workerId))
    return reject('already_enrolled', `劳动力 ${workerId} 已报名课程 ${courseId}`, field('workerId'));
  if (state.completed.has(workerId))
    return reject('already_enrolled', `劳动力 ${workerId} 已结业于课程 ${courseId}`, field('workerId'));
  if (ended(state, now)) {
    return reject('course_ended', `课程 ${courseId} 已于 ${state.course.endDate} 结束，不能再报名`, {
      endDate: state.course.endDate,
    });
  }
  if (seatsTaken(state) >= state.course.seats) {
    return reject('course_full', `课程 ${courseId} 的 ${state.course.seats} 个名额已满`, {
      seats: state.course.seats,
    });
  }
  return accept({
    type: 'WorkerEnrolledInCourse',
    data: { courseId, workerId, householdId, enrolledAt: now },
  });
}

function withdraw(state: PublishedCourse, command: WithdrawWorker): Result {
  const { courseId, workerId, reason, now } = command;
  if (state.completed.has(workerId)) {
    return reject(
      'forbidden_transition',
      `劳动力 ${workerId} 已结业，不能退出课程 ${courseId}`,
      field('workerId'),
    );
  }
  const householdId = state.enrolled.get(workerId);
  if (householdId === undefined)
    return reject('not_enrolled', `劳动力 ${workerId} 未报名课程 ${courseId}`, field('workerId'));
  return accept({
    type: 'WorkerWithdrewFromCourse',
    data: { courseId, workerId, householdId, ...(reason === undefined ? {} : { reason }), withdrawnAt: now },
  });
}

function complete(state: PublishedCourse, command: RecordCompletion): Result {
  const { courseId, workerId, certificateNumber, completedOn, now } = command;
  const done = state.completed.get(workerId);
  if (done) {
    // The same completion again is a retry; another certificate for the same seat is a mistake to correct.
    if (done.certificateNumber === certificateNumber && done.completedOn === completedOn)
      return alreadyDone();
    return reject('forbidden_transition', `劳动力 ${workerId} 已记录结业（证书 ${done.certificateNumber}）`, {
      field: 'certificateNumber',
    });
  }
  const householdId = state.enrolled.get(workerId);
  if (householdId === undefined)
    return reject('not_enrolled', `劳动力 ${workerId} 未报名课程 ${courseId}`, field('workerId'));
  if (completedOn > dayOf(now)) return reject('invalid_value', '结业日期不能晚于今天', field('completedOn'));
  if (completedOn < state.course.startDate) {
    return reject(
      'invalid_value',
      `结业日期不能早于开课日期 ${state.course.startDate}`,
      field('completedOn'),
    );
  }
  const unattended = attendanceRefusal(state, workerId);
  if (unattended) return unattended;
  return accept({
    type: 'CourseCompletionRecorded',
    data: { courseId, workerId, householdId, certificateNumber, completedOn, recordedAt: now },
  });
}

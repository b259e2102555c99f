import { dayOf } from '../shared/business-dates';
import { accept, alreadyDone, reject, type Decision } from '../shared/decider';
import type { RecordAttendance } from './course.commands';
import {
  daysPresent,
  daysPresentWithout,
  keepsAttendance,
  type CourseEvent,
  type PublishedCourse,
} from './course.state';

type Result = Decision<CourseEvent>;

const onDate = (message: string): Result => reject('invalid_value', message, { field: 'date' });

/**
 * A trainee's attendance is open from their seat until the day they completed (a certificate closes it): a
 * day before their seat can be marked present (a walk-in enrolled afterwards), never absent; a correction
 * never leaves a certified trainee with no day present (the certificate, and its subsidy, rest on one).
 */
function refusalFor(state: PublishedCourse, command: RecordAttendance, workerId: string, field: string) {
  const { courseId, date } = command;
  const markedAbsent = command.absent.includes(workerId);
  const seatFrom = state.enrolledOn.get(workerId);
  if (markedAbsent && seatFrom !== undefined && date < seatFrom) {
    return reject('invalid_value', `劳动力 ${workerId} 于 ${seatFrom} 报名，不能登记此前 ${date} 的缺勤`, {
      field,
      workerId,
    });
  }
  const completion = state.completed.get(workerId);
  if (completion !== undefined) {
    if (date <= completion.completedOn) {
      if (markedAbsent && daysPresentWithout(state, workerId, date) === 0) {
        return reject('not_attended', `劳动力 ${workerId} 已凭考勤结业，改为缺勤后将没有一天出勤，不能更改`, {
          field,
          workerId,
        });
      }
      return undefined;
    }
    return reject(
      'forbidden_transition',
      `劳动力 ${workerId} 已于 ${completion.completedOn} 结业，不能登记之后的考勤`,
      { field, workerId },
    );
  }
  if (!state.enrolled.has(workerId))
    return reject('not_enrolled', `劳动力 ${workerId} 未报名课程 ${courseId}（或已退出）`, {
      field,
      workerId,
    });
  return undefined;
}

/**
 * A day's register. The day must be one of the course's and not after today in Guizhou; every worker named
 * holds a seat (or completed on or after that day). A worker already recorded with the same value that day is
 * left out of the event, so a register sent twice appends nothing; a changed value is the later event's.
 */
export function recordAttendance(state: PublishedCourse, command: RecordAttendance): Result {
  const { courseId, date, present, absent, now } = command;
  if (date > dayOf(now)) return onDate('考勤日期不能晚于今天');
  if (date < state.course.startDate) return onDate(`考勤日期不能早于开课日期 ${state.course.startDate}`);
  if (date > state.course.endDate) return onDate(`考勤日期不能晚于结课日期 ${state.course.endDate}`);
  const both = present.find((w) => absent.includes(w));
  if (both !== undefined)
    return reject('invalid_value', `劳动力 ${both} 不能同时登记为出勤和缺勤`, {
      field: 'absent',
      workerId: both,
    });
  const named = [
    ...present.map((w, i) => [w, `present.${i}`] as const),
    ...absent.map((w, i) => [w, `absent.${i}`] as const),
  ];
  for (const [workerId, field] of named) {
    const refusal = refusalFor(state, command, workerId, field);
    if (refusal) return refusal;
  }
  const changes = (ids: readonly string[], value: boolean) =>
    ids.filter((w) => state.attendance.get(w)?.get(date) !== value);
  const changed = { present: changes(present, true), absent: changes(absent, false) };
  if (changed.present.length + changed.absent.length === 0) return alreadyDone();
  return accept({
    type: 'CourseAttendanceRecorded',
    data: { courseId, date, ...changed, recordedAt: now },
  });
}

/**
 * The rule attendance sets for a completion: in a course that keeps attendance (it has a register), a trainee
 * recorded present on no day cannot be given a certificate. A course with no register at all completes as
 * before (its page says that no attendance was kept), so courses run before attendance existed still close.
 */
export function attendanceRefusal(state: PublishedCourse, workerId: string): Result | undefined {
  if (!keepsAttendance(state) || daysPresent(state, workerId) > 0) return undefined;
  return reject('not_attended', `劳动力 ${workerId} 在本课程的考勤中没有一天出勤，不能登记结业`, {
    field: 'workerId',
  });
}

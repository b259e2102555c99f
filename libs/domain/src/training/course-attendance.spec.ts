import { encodeEvent } from '@contracts';
import { given } from '../shared/testing/decider-spec';
import { courseDecider } from './course.decider';
import {
  attended,
  complete,
  completed,
  coursePublished,
  enrolled,
  recordAttendance,
  withdrew,
} from './course.fixtures';

/** The course of the fixtures runs 10–20 March 2026; workers 1 and 2 hold its two seats. */
const seated = [coursePublished(), enrolled(1), enrolled(2)];

describe('training course attendance (考勤)', () => {
  describe('recording a day', () => {
    it('records who was present and who absent, and the event passes the contract schema', () => {
      given(courseDecider, seated)
        .when(recordAttendance('2026-03-12', [1], [2]))
        .then([attended('2026-03-12', [1], [2])]);
      expect(() => encodeEvent(attended('2026-03-12', [1], [2]))).not.toThrow();
    });
    it('records today in Guizhou while it is still yesterday in UTC', () => {
      // 2026-03-11T17:00Z is 12 March 01:00 in Guizhou.
      given(courseDecider, seated)
        .when(recordAttendance('2026-03-12', [1], [], '2026-03-11T17:00:00Z'))
        .then([attended('2026-03-12', [1], [], '2026-03-11T17:00:00Z')]);
    });
    it('records the first and the last day of the course, and a past day afterwards', () => {
      given(courseDecider, seated)
        .when(recordAttendance('2026-03-10', [1, 2]))
        .then([attended('2026-03-10', [1, 2])]);
      given(courseDecider, seated)
        .when(recordAttendance('2026-03-20', [2], [], '2026-03-25T02:00:00Z'))
        .then([attended('2026-03-20', [2], [], '2026-03-25T02:00:00Z')]);
    });
  });

  describe('refusing a day, naming `date`', () => {
    it('refuses a day in the future in Guizhou', () => {
      // 2026-03-12T15:00Z is 23:00 on the 12th in Guizhou: the 13th is tomorrow there.
      given(courseDecider, seated)
        .when(recordAttendance('2026-03-13', [1], [], '2026-03-12T15:00:00Z'))
        .thenRejects('invalid_value', /晚于今天/, { field: 'date' });
    });
    it('refuses a day before the course starts or after it ends', () => {
      given(courseDecider, seated)
        .when(recordAttendance('2026-03-09', [1]))
        .thenRejects('invalid_value', /早于开课日期 2026-03-10/, { field: 'date' });
      given(courseDecider, seated)
        .when(recordAttendance('2026-03-21', [1]))
        .thenRejects('invalid_value', /晚于结课日期 2026-03-20/, { field: 'date' });
    });
    it('refuses a worker in both lists', () => {
      given(courseDecider, seated)
        .when(recordAttendance('2026-03-12', [1, 2], [2]))
        .thenRejects('invalid_value', /同时/, { field: 'absent' });
    });
  });

  describe('refusing a worker, naming the place in the list', () => {
    it('refuses a worker who never enrolled and one who withdrew: not_enrolled', () => {
      given(courseDecider, seated)
        .when(recordAttendance('2026-03-12', [1, 3]))
        .thenRejects('not_enrolled', /未报名/, { field: 'present.1', workerId: 'h-3.1' });
      given(courseDecider, [...seated, withdrew(2)])
        .when(recordAttendance('2026-03-12', [1], [2]))
        .thenRejects('not_enrolled', undefined, { field: 'absent.0' });
    });
    it('refuses a day after a trainee completed; days up to the completion may still be recorded', () => {
      const done = [
        ...seated,
        attended('2026-03-12', [1]),
        completed(1, '2026-03-15', '2026-03-15T02:00:00Z'),
      ];
      given(courseDecider, done)
        .when(recordAttendance('2026-03-16', [1]))
        .thenRejects('forbidden_transition', /已于 2026-03-15 结业/, { field: 'present.0' });
      given(courseDecider, done)
        .when(recordAttendance('2026-03-15', [1]))
        .then([attended('2026-03-15', [1])]);
    });
  });

  describe('a seat’s first day and a certificate’s days', () => {
    it('refuses an absence before the worker took a seat (a presence then is a walk-in, recorded)', () => {
      // Worker 2 took the seat on 13 March (10:00 in Guizhou).
      const late = [coursePublished(), enrolled(1), enrolled(2, '2026-03-13T02:00:00Z')];
      given(courseDecider, late)
        .when(recordAttendance('2026-03-12', [1], [2]))
        .thenRejects('invalid_value', /于 2026-03-13 报名，不能登记此前 2026-03-12 的缺勤/, {
          field: 'absent.0',
        });
      given(courseDecider, late)
        .when(recordAttendance('2026-03-12', [1, 2]))
        .then([attended('2026-03-12', [1, 2])]);
    });
    it('refuses a correction that would leave a certified trainee with no day present', () => {
      const certified = [
        ...seated,
        attended('2026-03-12', [1]),
        completed(1, '2026-03-15', '2026-03-15T02:00:00Z'),
      ];
      given(courseDecider, certified)
        .when(recordAttendance('2026-03-12', [], [1]))
        .thenRejects('not_attended', /没有一天出勤/, { field: 'absent.0' });
      // With another day present, the correction stands.
      given(courseDecider, [...certified, attended('2026-03-13', [1])])
        .when(recordAttendance('2026-03-12', [], [1]))
        .then([attended('2026-03-12', [], [1])]);
    });
  });

  describe('the same day again', () => {
    it('the same register again appends nothing', () => {
      given(courseDecider, [...seated, attended('2026-03-12', [1], [2])])
        .when(recordAttendance('2026-03-12', [1], [2], '2026-03-12T05:00:00Z'))
        .thenNothing();
    });
    it('a correction is a new event with only what changed', () => {
      given(courseDecider, [...seated, attended('2026-03-12', [1], [2])])
        .when(recordAttendance('2026-03-12', [], [1, 2], '2026-03-12T05:00:00Z'))
        .then([attended('2026-03-12', [], [1], '2026-03-12T05:00:00Z')]);
    });
  });

  describe('completion and attendance (documented rule: present on at least one day held)', () => {
    it('refuses a certificate to a trainee recorded present on no day: not_attended, naming workerId', () => {
      given(courseDecider, [...seated, attended('2026-03-12', [2], [1]), attended('2026-03-13', [2])])
        .when(complete(1))
        .thenRejects('not_attended', /没有一天出勤/, { field: 'workerId' });
    });
    it('gives it once a day present is recorded, or a correction makes one', () => {
      given(courseDecider, [...seated, attended('2026-03-12', [1], [2]), attended('2026-03-13', [2], [1])])
        .when(complete(1))
        .then([completed(1)]);
      given(courseDecider, [...seated, attended('2026-03-12', [2], [1]), attended('2026-03-12', [1])])
        .when(complete(1))
        .then([completed(1)]);
    });
    it('completes as before in a course that keeps no attendance', () => {
      given(courseDecider, seated)
        .when(complete(1))
        .then([completed(1)]);
    });
  });
});

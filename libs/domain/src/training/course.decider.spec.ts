import { encodeEvent } from '@contracts';
import { given } from '../shared/testing/decider-spec';
import { courseDecider } from './course.decider';
import {
  complete,
  completed,
  coursePublished,
  enrol,
  enrolled,
  publishCourse,
  PUBLISHED_AT,
  withdraw,
  withdrew,
} from './course.fixtures';

describe('training course decider', () => {
  describe('publishing', () => {
    it('publishes a course, and the event passes the contract schema', () => {
      given(courseDecider).when(publishCourse()).then([coursePublished()]);
      expect(() => encodeEvent(coursePublished())).not.toThrow();
    });
    it('refuses a second publication of the same id', () => {
      given(courseDecider, [coursePublished()]).when(publishCourse()).thenRejects('already_exists');
    });
    it('refuses an end before the start, naming endDate', () => {
      given(courseDecider)
        .when(publishCourse({ startDate: '2026-03-10', endDate: '2026-03-09' }))
        .thenRejects('invalid_value', /结束日期早于开始日期/, { field: 'endDate' });
    });
    it('refuses a course already over (its end before today in Guizhou)', () => {
      given(courseDecider)
        .when(publishCourse({ startDate: '2026-02-01', endDate: '2026-02-28' }))
        .thenRejects('invalid_value', /已过/, { field: 'endDate' });
    });
    it('accepts a course ending today in Guizhou even while it is still yesterday in UTC', () => {
      // 2026-03-01T20:00Z is 2 March 04:00 in Guizhou.
      given(courseDecider)
        .when(publishCourse({ startDate: '2026-03-02', endDate: '2026-03-02', now: '2026-03-01T20:00:00Z' }))
        .then([
          coursePublished({
            startDate: '2026-03-02',
            endDate: '2026-03-02',
            publishedAt: '2026-03-01T20:00:00Z',
          }),
        ]);
    });
    it('refuses a start more than two years ahead and a course longer than a year', () => {
      given(courseDecider)
        .when(publishCourse({ startDate: '2099-01-01', endDate: '2099-01-02' }))
        .thenRejects('invalid_value', undefined, { field: 'startDate' });
      given(courseDecider)
        .when(publishCourse({ startDate: '2026-03-10', endDate: '2027-03-11' }))
        .thenRejects('invalid_value', undefined, { field: 'endDate' });
    });
  });

  describe('enrolling', () => {
    it('gives a seat to a worker', () => {
      given(courseDecider, [coursePublished()])
        .when(enrol(1))
        .then([enrolled(1)]);
    });
    it('refuses an unknown course', () => {
      given(courseDecider)
        .when(enrol(1))
        .thenRejects('not_found', /不存在/);
    });
    it('refuses the seat after the last: course_full, nothing appended', () => {
      given(courseDecider, [coursePublished(), enrolled(1), enrolled(2)])
        .when(enrol(3))
        .thenRejects('course_full', /2 个名额已满/, { seats: 2 });
    });
    it('counts a completed trainee’s seat as taken', () => {
      given(courseDecider, [coursePublished(), enrolled(1), enrolled(2), completed(1)])
        .when(enrol(3, '2026-03-20T02:00:00Z'))
        .thenRejects('course_full');
    });
    it('frees the seat a withdrawal gives back', () => {
      given(courseDecider, [coursePublished(), enrolled(1), enrolled(2), withdrew(1)])
        .when(enrol(3))
        .then([enrolled(3)]);
    });
    it('refuses the same worker twice (already_enrolled), and one who completed', () => {
      given(courseDecider, [coursePublished(), enrolled(1)])
        .when(enrol(1))
        .thenRejects('already_enrolled', undefined, { field: 'workerId' });
      given(courseDecider, [coursePublished(), enrolled(1), completed(1)])
        .when(enrol(1, '2026-03-20T02:00:00Z'))
        .thenRejects('already_enrolled');
    });
    it('lets a worker who withdrew enrol again', () => {
      given(courseDecider, [coursePublished(), enrolled(1), withdrew(1)])
        .when(enrol(1))
        .then([enrolled(1)]);
    });
    it('accepts enrolment on the last day, refuses it the day after the end (course_ended)', () => {
      // 20 March 23:00 in Guizhou is 15:00 UTC; 21 March 00:30 there is 16:30 UTC on the 20th.
      given(courseDecider, [coursePublished()])
        .when(enrol(1, '2026-03-20T15:00:00Z'))
        .then([enrolled(1, '2026-03-20T15:00:00Z')]);
      given(courseDecider, [coursePublished()])
        .when(enrol(1, '2026-03-20T16:30:00Z'))
        .thenRejects('course_ended', /已于 2026-03-20 结束/);
    });
  });

  describe('withdrawing', () => {
    it('withdraws an enrolled worker', () => {
      given(courseDecider, [coursePublished(), enrolled(1)])
        .when(withdraw(1))
        .then([withdrew(1)]);
    });
    it('refuses a worker without a seat (not_enrolled) and one who completed', () => {
      given(courseDecider, [coursePublished()]).when(withdraw(1)).thenRejects('not_enrolled');
      given(courseDecider, [coursePublished(), enrolled(1), withdrew(1)])
        .when(withdraw(1))
        .thenRejects('not_enrolled');
      given(courseDecider, [coursePublished(), enrolled(1), completed(1)])
        .when(withdraw(1))
        .thenRejects('forbidden_transition');
    });
  });

  describe('completing', () => {
    it('records an enrolled trainee’s completion with the certificate', () => {
      given(courseDecider, [coursePublished(), enrolled(1)])
        .when(complete(1))
        .then([completed(1)]);
    });
    it('records a completion dated today in Guizhou', () => {
      given(courseDecider, [coursePublished(), enrolled(1)])
        .when(complete(1, '2026-03-21', '2026-03-20T17:00:00Z'))
        .then([completed(1, '2026-03-21', '2026-03-20T17:00:00Z')]);
    });
    it('the same completion again appends nothing; another certificate for it is refused', () => {
      given(courseDecider, [coursePublished(), enrolled(1), completed(1)])
        .when(complete(1))
        .thenNothing();
      given(courseDecider, [coursePublished(), enrolled(1), completed(1)])
        .when(complete(1, '2026-03-20', '2026-03-21T02:00:00Z', 'OTHER'))
        .thenRejects('forbidden_transition', undefined, { field: 'certificateNumber' });
    });
    it('refuses a completion in the future or before the start, naming completedOn', () => {
      given(courseDecider, [coursePublished(), enrolled(1)])
        .when(complete(1, '2026-03-22', '2026-03-21T02:00:00Z'))
        .thenRejects('invalid_value', /晚于今天/, { field: 'completedOn' });
      given(courseDecider, [coursePublished(), enrolled(1)])
        .when(complete(1, '2026-03-09'))
        .thenRejects('invalid_value', /早于开课日期/, { field: 'completedOn' });
    });
    it('refuses a worker who holds no seat', () => {
      given(courseDecider, [coursePublished()]).when(complete(1)).thenRejects('not_enrolled');
      given(courseDecider, [coursePublished(), enrolled(1), withdrew(1)])
        .when(complete(1, '2026-03-20', PUBLISHED_AT.replace('03-01', '03-21')))
        .thenRejects('not_enrolled');
    });
  });
});

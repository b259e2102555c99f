import type { AnyEnvelope } from '../shared/keyed-projection';
import { applyProjection } from '../shared/keyed-projection';
import { courseListProjection, daysHeld, type CourseListing } from './course-list.projection';
import { courseTrainees } from './course-trainees';
import { attended, completed, coursePublished, enrolled, withdrew } from './course.fixtures';
import type { CourseEvent } from './course.state';

const listing = (events: readonly CourseEvent[]): CourseListing => {
  let doc: CourseListing | undefined;
  events.forEach((event, revision) => {
    doc = applyProjection(courseListProjection, doc, { ...event, revision } as unknown as AnyEnvelope);
  });
  if (!doc) throw new Error('no course');
  return doc;
};

describe('a course’s trainees and their attendance', () => {
  it('counts each trainee’s days present and absent of the days held; a correction replaces the day', () => {
    const doc = listing([
      coursePublished({ seats: 3 }),
      enrolled(1),
      enrolled(2),
      attended('2026-03-10', [1, 2]),
      attended('2026-03-11', [1], [2]),
      attended('2026-03-11', [2]), // a correction: 2 was there after all
      enrolled(3),
      attended('2026-03-12', [3], [1]),
      completed(1, '2026-03-12', '2026-03-12T09:00:00Z'),
    ]);
    expect(daysHeld(doc)).toEqual(['2026-03-10', '2026-03-11', '2026-03-12']);
    expect(courseTrainees(doc)).toEqual([
      expect.objectContaining({ workerId: 'h-2.1', status: 'enrolled', daysPresent: 2, daysAbsent: 0 }),
      expect.objectContaining({
        workerId: 'h-3.1',
        daysPresent: 1,
        daysUnrecorded: 2,
        presentOn: ['2026-03-12'],
        completion: null,
      }),
      {
        workerId: 'h-1.1',
        status: 'completed',
        enrolledOn: '2026-03-01',
        daysPresent: 2,
        daysAbsent: 1,
        daysUnrecorded: 0,
        presentOn: ['2026-03-10', '2026-03-11'],
        absentOn: ['2026-03-12'],
        completion: { certificateNumber: 'CERT-1', completedOn: '2026-03-12' },
      },
    ]);
  });

  it('lists no withdrawn worker, and reads a document written before attendance was kept', () => {
    const doc = listing([coursePublished(), enrolled(1), enrolled(2), withdrew(2)]);
    const { attendance: _none, enrolledOn: _notKept, ...old } = doc;
    expect(daysHeld(old)).toEqual([]);
    expect(courseTrainees(old)).toEqual([
      expect.objectContaining({ workerId: 'h-1.1', enrolledOn: null, daysPresent: 0, daysUnrecorded: 0 }),
    ]);
  });
});

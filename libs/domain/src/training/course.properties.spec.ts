import fc from 'fast-check';
import type { AnyEnvelope } from '../shared/keyed-projection';
import { applyProjection } from '../shared/keyed-projection';
import { foldEvents } from '../shared/decider';
import { courseDecider } from './course.decider';
import type { CourseCommand } from './course.commands';
import { seatsTaken, type CourseEvent } from './course.state';
import { courseListProjection, listedSeatsTaken, type CourseListing } from './course-list.projection';
import { complete, coursePublished, enrol, recordAttendance, withdraw } from './course.fixtures';

/** Every command is decided inside the course's days (10–20 March), so none is refused for its date. */
const DURING = '2026-03-15T02:00:00Z';

const command = fc.oneof(
  fc.record({ kind: fc.constant('enrol' as const), worker: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('withdraw' as const), worker: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('complete' as const), worker: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    kind: fc.constant('attend' as const),
    worker: fc.integer({ min: 1, max: 8 }),
    // Days 10–15 of March (the 15th is "today"): a worker present or absent on one of them.
    day: fc.integer({ min: 10, max: 15 }),
    present: fc.boolean(),
  }),
);
type Step =
  | { kind: 'enrol' | 'withdraw' | 'complete'; worker: number }
  | { kind: 'attend'; worker: number; day: number; present: boolean };

function toCommand(step: Step): CourseCommand {
  const { kind, worker } = step;
  if (step.kind === 'attend') {
    const on = [worker];
    return recordAttendance(`2026-03-${step.day}`, step.present ? on : [], step.present ? [] : on, DURING);
  }
  return kind === 'enrol'
    ? enrol(worker, DURING)
    : kind === 'withdraw'
      ? withdraw(worker, DURING)
      : complete(worker, '2026-03-15', DURING);
}

/** The command loop of the handler: decide on the stream as it is, append what is accepted. */
function run(seats: number, steps: readonly Step[]): CourseEvent[] {
  const events: CourseEvent[] = [coursePublished({ seats })];
  for (const step of steps) {
    const decision = courseDecider.decide(toCommand(step), foldEvents(courseDecider, events));
    if (decision.ok) events.push(...decision.events);
  }
  return events;
}

const envelope = (event: CourseEvent, revision: number): AnyEnvelope =>
  ({
    ...event,
    id: `e-${revision}`,
    version: 1,
    streamId: 'training-course-course-1',
    revision,
    position: BigInt(revision + 1),
    occurredAt: DURING,
    metadata: { actor: { id: 't', role: 'system' }, correlationId: 'c', causationId: 'c' },
  }) as AnyEnvelope;

/** Brute force, by no code of the decider or the projection: each worker's last event says where they are. */
function recount(events: readonly CourseEvent[]) {
  const last = new Map<string, CourseEvent['type']>();
  let withdrawals = 0;
  const attendance: Record<string, Record<string, boolean>> = {};
  for (const e of events) {
    if (e.type === 'CourseAttendanceRecorded') {
      for (const w of e.data.present) attendance[w] = { ...attendance[w], [e.data.date]: true };
      for (const w of e.data.absent) attendance[w] = { ...attendance[w], [e.data.date]: false };
      continue;
    }
    if (e.type === 'TrainingCoursePublished') continue;
    last.set(e.data.workerId, e.type);
    if (e.type === 'WorkerWithdrewFromCourse') withdrawals += 1;
  }
  const holding = (type: CourseEvent['type']) =>
    [...last]
      .filter(([, t]) => t === type)
      .map(([w]) => w)
      .sort();
  return {
    enrolled: holding('WorkerEnrolledInCourse'),
    completed: holding('CourseCompletionRecorded'),
    withdrawals,
    attendance,
  };
}

describe('training course seats, whatever the order of enrolments, withdrawals, completions and registers', () => {
  it('never holds more than its seats, after every event', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(command, { maxLength: 40 }), (seats, steps) => {
        const events = run(seats, steps);
        for (let i = 1; i <= events.length; i++) {
          const state = foldEvents(courseDecider, events.slice(0, i));
          if (state.status !== 'published') throw new Error('the course is published first');
          expect(seatsTaken(state)).toBeLessThanOrEqual(seats);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fills every seat when enough distinct workers ask (a refusal is only ever for a full course)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(command, { maxLength: 40 }), (seats, steps) => {
        const events = run(seats, [
          ...steps,
          ...[1, 2, 3, 4, 5, 6, 7, 8].map((worker) => ({ kind: 'enrol' as const, worker })),
        ]);
        const state = foldEvents(courseDecider, events);
        if (state.status !== 'published') throw new Error('the course is published first');
        expect(seatsTaken(state)).toBe(seats);
      }),
    );
  });

  it('the course list’s document (attendance too) equals a recount of the events, even delivered twice', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(command, { maxLength: 40 }), (seats, steps) => {
        const events = run(seats, steps);
        let doc: CourseListing | undefined;
        events.forEach((event, revision) => {
          const env = envelope(event, revision);
          doc = applyProjection(courseListProjection, doc, env);
          doc = applyProjection(courseListProjection, doc, env);
        });
        const expected = recount(events);
        expect([...(doc?.enrolledWorkerIds ?? [])].sort()).toEqual(expected.enrolled);
        expect(doc?.completions.map((c) => c.workerId).sort()).toEqual(expected.completed);
        expect(doc?.withdrawals).toBe(expected.withdrawals);
        expect(doc?.attendance ?? {}).toEqual(expected.attendance);
        expect(listedSeatsTaken(doc!)).toBe(expected.enrolled.length + expected.completed.length);
        expect(listedSeatsTaken(doc!)).toBeLessThanOrEqual(seats);
        expect(doc?.lastRevision).toBe(events.length - 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a completion and the attendance, whatever the order of commands', () => {
  it('no certificate goes to a trainee recorded present on no day of a course that keeps attendance', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 50 }), (steps) => {
        const events = run(8, steps);
        const days = new Map<string, boolean>(); // "worker date" → present, as last recorded
        for (const e of events) {
          if (e.type === 'CourseAttendanceRecorded') {
            e.data.present.forEach((w) => days.set(`${w} ${e.data.date}`, true));
            e.data.absent.forEach((w) => days.set(`${w} ${e.data.date}`, false));
          }
          if (e.type === 'CourseCompletionRecorded' && days.size > 0) {
            const presentOn = [...days].filter(([key, p]) => p && key.startsWith(`${e.data.workerId} `));
            expect(presentOn.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

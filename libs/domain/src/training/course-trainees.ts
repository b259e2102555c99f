import { attendanceOf, daysHeld, type CourseListing } from './course-list.projection';

/** A trainee as the course's page shows them: seat, attendance of the days held, completion. */
export interface TraineeAttendance {
  readonly workerId: string;
  readonly status: 'enrolled' | 'completed';
  /** The day they first took a seat (null for a course listed before it was kept). */
  readonly enrolledOn: string | null;
  readonly daysPresent: number;
  readonly daysAbsent: number;
  /** Days the course held with no value for this trainee (enrolled later, or left out of a register). */
  readonly daysUnrecorded: number;
  readonly presentOn: readonly string[];
  readonly absentOn: readonly string[];
  readonly completion: { readonly certificateNumber: string; readonly completedOn: string } | null;
}

/**
 * The trainees holding a seat (enrolled, in the order they enrolled, then those who completed), each with
 * the days they attended of the days the course has held. A withdrawn worker holds no seat and is not listed
 * (their registers stay in the stream and come back if they enrol again).
 */
export function courseTrainees(c: CourseListing): TraineeAttendance[] {
  const held = daysHeld(c);
  const attendance = attendanceOf(c);
  const trainee = (workerId: string, completion: TraineeAttendance['completion']): TraineeAttendance => {
    const days = attendance[workerId] ?? {};
    const presentOn = held.filter((d) => days[d] === true);
    const absentOn = held.filter((d) => days[d] === false);
    return {
      workerId,
      status: completion === null ? 'enrolled' : 'completed',
      enrolledOn: c.enrolledOn?.[workerId] ?? null,
      daysPresent: presentOn.length,
      daysAbsent: absentOn.length,
      daysUnrecorded: held.length - presentOn.length - absentOn.length,
      presentOn,
      absentOn,
      completion,
    };
  };
  return [
    ...c.enrolledWorkerIds.map((w) => trainee(w, null)),
    ...c.completions.map(({ workerId, certificateNumber, completedOn }) =>
      trainee(workerId, { certificateNumber, completedOn }),
    ),
  ];
}

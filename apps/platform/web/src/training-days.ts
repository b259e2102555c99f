import type { CourseDetail, Trainee } from './api-training';

/** The days a register may be kept for: the course's, up to today (undefined before it starts). */
export function registerDays(
  course: Pick<CourseDetail, 'startDate' | 'endDate'>,
  today: string,
): { min: string; max: string } | undefined {
  const max = today < course.endDate ? today : course.endDate;
  return max < course.startDate ? undefined : { min: course.startDate, max };
}

/** Who a register for `date` lists: the trainees in class (not yet completed) on that day. */
export const inClass = (trainees: readonly Trainee[]): Trainee[] =>
  trainees.filter((t) => t.status === 'enrolled');

/** The ticks a day's register starts from: as recorded for that day, unrecorded ones unticked. */
export function ticksOn(trainees: readonly Trainee[], date: string): Record<string, boolean> {
  return Object.fromEntries(trainees.map((t) => [t.workerId, t.presentOn.includes(date)]));
}

/**
 * The register to send for `date`: the ticked present, the rest absent, in the list's order; a trainee who took
 * the seat after that day is not absent from it (left out unless ticked: a walk-in).
 */
export function registerOf(
  trainees: readonly Trainee[],
  ticks: Readonly<Record<string, boolean>>,
  date: string,
): { present: string[]; absent: string[] } {
  const seated = (t: Trainee) => t.enrolledOn === null || t.enrolledOn <= date;
  return {
    present: trainees.filter((t) => ticks[t.workerId]).map((t) => t.workerId),
    absent: trainees.filter((t) => !ticks[t.workerId] && seated(t)).map((t) => t.workerId),
  };
}

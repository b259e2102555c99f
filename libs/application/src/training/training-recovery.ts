import { householdStream, type EventData } from '@contracts';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { HouseholdCommand } from '@lib/domain/workforce/household.commands';
import type { FlowRecovery, RecoveryContext, RecoveryReport } from '../shared/flow-recovery';
import { runStep } from '../shared/flow-step';
import { offerCommand, offerEventId, trainingCommand, trainingEventId } from './training-flow';

interface PendingStep {
  readonly courseId: string;
  readonly householdId: string;
  readonly command: (now: string) => HouseholdCommand;
}

/**
 * The training flow's recovery: every enrolment has its "131" offer and every completion its training on the
 * household. The household events carry ids derived from the course and the worker, so one pass over the log
 * sees which are in; only the missing ones are applied (and the household decider would still answer "already
 * done" for one that is).
 */
export function trainingRecovery(): FlowRecovery {
  const courses = new Map<string, { courseId: string; title: string; occupation: string }>();
  const pending = new Map<string, PendingStep>();
  const applied = new Set<string>();
  return {
    flow: 'training',
    observe(record) {
      switch (record.type) {
        case 'TrainingCoursePublished': {
          const { courseId, title, occupation } = record.data as EventData<'TrainingCoursePublished'>;
          courses.set(courseId, { courseId, title, occupation });
          return;
        }
        case 'WorkerEnrolledInCourse': {
          const { courseId, workerId, householdId, enrolledAt } =
            record.data as EventData<'WorkerEnrolledInCourse'>;
          pending.set(offerEventId(courseId, workerId), {
            courseId,
            householdId,
            command: (now) => offerCommand(courseId, workerId, enrolledAt, now),
          });
          return;
        }
        case 'CourseCompletionRecorded': {
          const { courseId, workerId, householdId, completedOn } =
            record.data as EventData<'CourseCompletionRecorded'>;
          const course = courses.get(courseId);
          if (!course) return;
          pending.set(trainingEventId(courseId, workerId), {
            courseId,
            householdId,
            command: (now) => trainingCommand(course, workerId, completedOn, now),
          });
          return;
        }
        case 'WorkerServiceDelivered':
        case 'WorkerTrainingCompleted':
          applied.add(record.id);
          return;
        default:
          return;
      }
    },
    async recover(context: RecoveryContext): Promise<RecoveryReport> {
      const finished: string[] = [];
      for (const [eventId, { courseId, householdId, command }] of pending) {
        if (applied.has(eventId)) continue;
        const result = await runStep(
          context.store,
          {
            streamId: householdStream(householdId),
            decider: householdDecider,
            command: command(context.now),
            eventId,
          },
          context.metadata,
        );
        // A refusal cannot follow a flow that passed its own check; were one to, the course event stays and the
        // next start tries again.
        if (result.ok) finished.push(courseId);
      }
      return { finished, compensated: [] };
    },
  };
}

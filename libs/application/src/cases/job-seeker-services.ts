import { householdStream, parseWorkerId, vacancyStream, type JobSeekerService } from '@contracts';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { loadState, type Position } from '@lib/event-store';
import { FlowRefused, orRefuse, refusalsAsValues, type FlowOutcome } from '../shared/flow-outcome';
import { runStep } from '../shared/flow-step';
import type { CaseWorkContext } from './case-work';

export interface ServiceInput {
  readonly workerId: string;
  readonly serviceId: string;
  readonly service: JobSeekerService;
  readonly deliveredAt: string;
  readonly vacancyIds?: readonly string[];
}

/**
 * A "131" service delivered to a job-seeker outside a case: the vacancies it recommends must exist (read from
 * their streams), then the household records it.
 */
export function recordJobSeekerService(
  context: CaseWorkContext,
  input: ServiceInput,
): Promise<FlowOutcome<{ readonly position: Position }>> {
  return refusalsAsValues(async () => {
    const householdId = parseWorkerId(input.workerId)?.householdId;
    if (!householdId)
      throw new FlowRefused({ code: 'not_found', message: `Worker ${input.workerId} does not exist` });
    const vacancies = await Promise.all(
      (input.vacancyIds ?? []).map((id) => loadState(context.store, vacancyStream(id), vacancyDecider)),
    );
    vacancies.forEach(({ state }, i) => {
      if (state.status === 'none') {
        const message = `Vacancy ${input.vacancyIds?.[i]} does not exist`;
        throw new FlowRefused({ code: 'invalid_value', message, details: { field: `vacancyIds.${i}` } });
      }
    });
    const { workerId, serviceId, service, deliveredAt, vacancyIds } = input;
    const { position } = orRefuse(
      await runStep(
        context.store,
        {
          streamId: householdStream(householdId),
          decider: householdDecider,
          command: {
            type: 'RecordService',
            workerId,
            serviceId,
            service,
            ...(vacancyIds ? { vacancyIds } : {}),
            deliveredAt,
            now: context.now,
          },
        },
        context.metadata,
      ),
    );
    return { ok: true, position };
  });
}

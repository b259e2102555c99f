import { householdStream, vacancyStream, type EventData, type JobSeekerService } from '@contracts';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import type { HouseholdCommand } from '@lib/domain/workforce/household.commands';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { loadState } from '@lib/event-store';
import { refusalsAsValues } from '../shared/flow-outcome';
import {
  applyOnce,
  derivedId,
  loadCase,
  onCase,
  refuse,
  type CaseWorkContext,
  type CaseWorkOutcome,
} from './case-work';

/**
 * An assistance measure (帮扶措施). One given to a member is also a "131" service on the household, recorded
 * after the case's record, once (case-work.ts).
 */
export interface MeasureInput {
  readonly caseId: string;
  readonly measureId?: string;
  readonly kind: EventData<'ZeroEmploymentCaseMeasureRecorded'>['kind'];
  readonly takenAt: string;
  readonly takenBy?: string;
  readonly workerId?: string;
  readonly vacancyIds?: readonly string[];
  readonly note?: string;
}

/** The "131" service a measure for a member is. */
const SERVICE_OF_MEASURE: Readonly<Partial<Record<MeasureInput['kind'], JobSeekerService>>> = {
  career_guidance: 'career_guidance',
  job_recommendation: 'job_recommendation',
  training_referral: 'training_offer',
};

export function serviceCommand(
  data: {
    readonly kind: MeasureInput['kind'];
    readonly takenAt: string;
    readonly workerId?: string;
    readonly vacancyIds?: readonly string[];
  },
  caseId: string,
  measureId: string,
  now: string,
): { command: HouseholdCommand; eventId: string } | undefined {
  const service = SERVICE_OF_MEASURE[data.kind];
  if (!service || !data.workerId) return undefined;
  const command: HouseholdCommand = {
    type: 'RecordService',
    workerId: data.workerId,
    serviceId: derivedId(caseId, 'measure', measureId),
    service,
    ...(service === 'job_recommendation' && data.vacancyIds ? { vacancyIds: [...data.vacancyIds] } : {}),
    caseId,
    deliveredAt: data.takenAt,
    now,
  };
  return { command, eventId: derivedId(caseId, 'service', measureId) };
}

export function recordMeasure(context: CaseWorkContext, input: MeasureInput): Promise<CaseWorkOutcome> {
  return refusalsAsValues(async () => {
    const state = await loadCase(context.store, input.caseId);
    if (state.status === 'none') refuse('not_found', `Case ${input.caseId} does not exist`);
    if (state.status === 'none') throw new Error('unreachable');
    const vacancies = await Promise.all(
      (input.vacancyIds ?? []).map((id) => loadState(context.store, vacancyStream(id), vacancyDecider)),
    );
    vacancies.forEach(({ state: vacancy }, i) => {
      if (vacancy.status === 'none') {
        refuse('invalid_value', `Vacancy ${input.vacancyIds?.[i]} does not exist`, `vacancyIds.${i}`);
      }
    });
    if (input.workerId !== undefined) {
      const { state: household } = await loadState(
        context.store,
        householdStream(state.householdId),
        householdDecider,
      );
      if (household.status !== 'registered' || !household.workers.has(input.workerId)) {
        refuse(
          'invalid_value',
          `Worker ${input.workerId} is not a member of the case's household`,
          'workerId',
        );
      }
    }
    const { caseId, ...measure } = input;
    const measureId = measure.measureId ?? derivedId(caseId, 'measure', context.metadata.correlationId);
    const recorded = await onCase(
      context,
      { type: 'RecordMeasure', caseId, ...measure, measureId, now: context.now },
      derivedId(caseId, 'measured', measureId),
    );
    const service = serviceCommand(input, caseId, measureId, context.now);
    const applied = service ? await applyOnce(context, state.householdId, [service]) : undefined;
    return { ok: true, recordId: measureId, position: applied ?? recorded.position };
  });
}

/**
 * The county's work on a zero-employment case (ADR 0007): a verification whose finding changes facts, and a
 * measure given to a member, are recorded on the case's stream first, then their consequence on the
 * household's (an employment report, a capacity change, a "131" service), each with an id derived from the
 * record, so the consequence is applied once however often it is retried. The case's record is the commit
 * point: a crash before the household's step is finished at the next start (`caseWorkRecovery`).
 */
import {
  householdStream,
  parseCaseId,
  parseWorkerId,
  vacancyStream,
  zeroEmploymentCaseStream,
  type EventData,
  type EventMetadata,
  type JobSeekerService,
  type VerificationFollowUp,
} from '@contracts';
import { caseDecider, type CaseCommand, type CaseState } from '@lib/domain/cases';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import type { Rejection } from '@lib/domain/shared/decider';
import { nameBasedUuid } from '@lib/domain/shared/name-based-id';
import type { HouseholdCommand } from '@lib/domain/workforce/household.commands';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { loadState, type EventStore, type Position } from '@lib/event-store';
import { FlowRefused, orRefuse, refusalsAsValues, type FlowOutcome } from '../shared/flow-outcome';
import type { FlowRecovery, RecoveryContext, RecoveryReport } from '../shared/flow-recovery';
import { runStep } from '../shared/flow-step';

/** Namespace of the ids derived from the case work's records (a fixed random uuid). */
const CASE_WORK_NAMESPACE = 'a3c9e0d2-5b7f-4e81-9d26-0f4c8b1e7a53';
const derivedId = (...parts: string[]): string => nameBasedUuid(CASE_WORK_NAMESPACE, parts.join('/'));

export interface CaseWorkContext {
  readonly store: EventStore;
  readonly now: string;
  readonly metadata: EventMetadata;
}

export type CaseWorkOutcome = FlowOutcome<{ readonly recordId: string; readonly position: Position }>;

const refuse = (code: Rejection['code'], message: string, field?: string): never => {
  throw new FlowRefused({ code, message, ...(field ? { details: { field } } : {}) });
};

/** The case's state, with its id checked: 404 for an id that names no case. */
export async function loadCase(store: EventStore, caseId: string): Promise<CaseState> {
  if (!parseCaseId(caseId)) return { status: 'none' };
  return (await loadState(store, zeroEmploymentCaseStream(caseId), caseDecider)).state;
}

async function onCase(context: CaseWorkContext, command: CaseCommand, eventId?: string) {
  return orRefuse(
    await runStep(
      context.store,
      {
        streamId: zeroEmploymentCaseStream(command.caseId),
        decider: caseDecider,
        command,
        ...(eventId ? { eventId } : {}),
      },
      context.metadata,
    ),
  );
}

export function assignCase(
  context: CaseWorkContext,
  caseId: string,
  assignee: { readonly id: string; readonly name: string },
): Promise<CaseWorkOutcome> {
  return refusalsAsValues(async () => {
    const { position } = await onCase(context, { type: 'AssignCase', caseId, assignee, now: context.now });
    return { ok: true, recordId: caseId, position };
  });
}

export interface VerificationInput {
  readonly caseId: string;
  readonly verificationId?: string;
  readonly visitedAt: string;
  readonly method: EventData<'ZeroEmploymentCaseVerified'>['method'];
  readonly finding: EventData<'ZeroEmploymentCaseVerified'>['finding'];
  readonly note?: string;
  readonly employment?: { workerId: string; channel: string; employer?: string; startDate: string };
  readonly workerIds?: readonly string[];
}

/** The follow-up a finding calls for, from the body: an employment found, or members who cannot work. */
function followUpOf(input: VerificationInput, householdId: string, verificationId: string) {
  const ownMember = (workerId: string, field: string) => {
    if (parseWorkerId(workerId)?.householdId !== householdId) {
      refuse('invalid_value', `Worker ${workerId} is not a member of the case's household`, field);
    }
  };
  if (input.finding === 'employed_elsewhere' && input.employment) {
    const { workerId, channel, employer, startDate } = input.employment;
    ownMember(workerId, 'employment.workerId');
    return {
      kind: 'employment_reported',
      workerId,
      // Derived: the household records the employment once, however often the follow-up is applied.
      employmentId: `${householdId}:${derivedId(verificationId, 'employment')}`,
      channel,
      ...(employer === undefined ? {} : { employer }),
      startDate,
    } as VerificationFollowUp;
  }
  if (input.finding === 'no_labour' && input.workerIds) {
    input.workerIds.forEach((w, i) => ownMember(w, `workerIds.${i}`));
    return { kind: 'no_labour', workerIds: [...new Set(input.workerIds)] } as VerificationFollowUp;
  }
  return undefined;
}

/** The household commands of a follow-up, each with its event's derived id. */
function followUpCommands(
  followUp: VerificationFollowUp,
  verificationId: string,
  now: string,
): { command: HouseholdCommand; eventId: string }[] {
  if (followUp.kind === 'employment_reported') {
    const { workerId, employmentId, channel, employer, startDate } = followUp;
    const command: HouseholdCommand = {
      type: 'ReportEmployment',
      workerId,
      employmentId,
      channel,
      ...(employer === undefined ? {} : { employer }),
      source: 'cadre_visit',
      startDate,
      now,
    };
    return [{ command, eventId: derivedId(verificationId, 'report', workerId) }];
  }
  return followUp.workerIds.map((workerId) => ({
    command: { type: 'ChangeLabourCapacity', workerId, labourCapacity: 'none', now },
    eventId: derivedId(verificationId, 'no_labour', workerId),
  }));
}

/**
 * A household command of a follow-up, once: skipped when its derived event is in the household stream (a
 * capacity changed back since must stay as it is).
 */
async function applyOnce(
  context: CaseWorkContext,
  householdId: string,
  steps: readonly { command: HouseholdCommand; eventId: string }[],
): Promise<Position | undefined> {
  const streamId = householdStream(householdId);
  const stored = new Set((await context.store.readStream(streamId)).map((e) => e.id));
  let position: Position | undefined;
  for (const { command, eventId } of steps) {
    if (stored.has(eventId)) continue;
    const result = await stepOrThrowUnlessDone(
      runStep(context.store, { streamId, decider: householdDecider, command, eventId }, context.metadata),
    );
    position = result ?? position;
  }
  return position;
}

/** A follow-up step already true of the household (the employment known, the capacity already none) is done. */
async function stepOrThrowUnlessDone(step: ReturnType<typeof runStep>): Promise<Position | undefined> {
  const result = await step;
  if (result.ok) return result.position;
  if (result.rejection.code === 'worker_already_employed') return undefined;
  throw new Error(`Case follow-up refused: ${result.rejection.code}: ${result.rejection.message}`);
}

export function recordVerification(
  context: CaseWorkContext,
  input: VerificationInput,
): Promise<CaseWorkOutcome> {
  return refusalsAsValues(async () => {
    const state = await loadCase(context.store, input.caseId);
    if (state.status === 'none') refuse('not_found', `Case ${input.caseId} does not exist`);
    if (state.status === 'none') throw new Error('unreachable');
    const verificationId =
      input.verificationId ?? derivedId(input.caseId, 'verification', context.metadata.correlationId);
    const followUp = followUpOf(input, state.householdId, verificationId);
    if (followUp) {
      // The household decides the follow-up on its state now: a refusal there records nothing at all.
      const { state: household } = await loadState(
        context.store,
        householdStream(state.householdId),
        householdDecider,
      );
      for (const { command } of followUpCommands(followUp, verificationId, context.now)) {
        const decision = householdDecider.decide(command, household);
        if (!decision.ok) throw new FlowRefused(withField(decision.rejection, followUp));
      }
    }
    // The employment or the members the body brought are recorded as the follow-up.
    const { caseId, employment: _employment, workerIds: _workerIds, ...verification } = input;
    const recorded = await onCase(
      context,
      {
        type: 'RecordVerification',
        caseId,
        ...verification,
        verificationId,
        ...(followUp === undefined ? {} : { followUp }),
        now: context.now,
      },
      derivedId(caseId, 'verified', verificationId),
    );
    const applied = followUp
      ? await applyOnce(context, state.householdId, followUpCommands(followUp, verificationId, context.now))
      : undefined;
    return { ok: true, recordId: verificationId, position: applied ?? recorded.position };
  });
}

/**
 * A household refusal of a follow-up names the body's field it came from: the employment's own field when the
 * household named one (`employment.startDate`), else the part of the body.
 */
function withField(rejection: Rejection, followUp: VerificationFollowUp): Rejection {
  const part = followUp.kind === 'employment_reported' ? 'employment' : 'workerIds';
  const own = rejection.details?.field;
  const field = part === 'employment' && typeof own === 'string' ? `${part}.${own}` : part;
  return { ...rejection, details: { ...rejection.details, field } };
}

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

function serviceCommand(
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

/**
 * The case work's recovery: every verification with a follow-up and every measure given to a member has its
 * household step applied (skipped where it already is).
 */
export function caseWorkRecovery(): FlowRecovery {
  const pending: {
    caseId: string;
    householdId: string;
    steps: { command: HouseholdCommand; eventId: string }[];
  }[] = [];
  const now = new Date(0).toISOString();
  return {
    flow: 'case-work',
    observe(record) {
      if (record.type !== 'ZeroEmploymentCaseVerified' && record.type !== 'ZeroEmploymentCaseMeasureRecorded')
        return;
      const caseId = record.streamId.slice(zeroEmploymentCaseStream('').length);
      const data = record.data as Record<string, unknown>;
      const householdId = String(data.householdId);
      if (record.type === 'ZeroEmploymentCaseVerified' && data.followUp) {
        const verificationId = String(data.verificationId);
        const steps = followUpCommands(data.followUp as VerificationFollowUp, verificationId, now);
        pending.push({ caseId, householdId, steps });
      }
      if (record.type === 'ZeroEmploymentCaseMeasureRecorded') {
        const measure = data as unknown as EventData<'ZeroEmploymentCaseMeasureRecorded'>;
        const step = serviceCommand(measure, caseId, measure.measureId, now);
        if (step) pending.push({ caseId, householdId, steps: [step] });
      }
    },
    async recover(context: RecoveryContext): Promise<RecoveryReport> {
      const finished: string[] = [];
      for (const { caseId, householdId, steps } of pending) {
        // The commands decide on `now`; the recovery's time is the one that counts for their checks.
        const timed = steps.map(({ command, eventId }) => ({
          command: { ...command, now: context.now },
          eventId,
        }));
        if ((await applyOnce(context, householdId, timed)) !== undefined) finished.push(caseId);
      }
      return { finished, compensated: [] };
    },
  };
}

import { accept, alreadyDone, assertNever, reject, type Decider, type Decision } from '../shared/decider';
import type { AssignCase, CaseCommand, RecordMeasure, RecordVerification } from './case.commands';
import { evolveCase, initialCaseState, type CaseEvent, type CaseState } from './case.state';

type Result = Decision<CaseEvent>;
type OpenCase = Extract<CaseState, { status: 'open' }>;

const MINUTE_MS = 60_000;

/**
 * A business time must already have happened, and not before the case it belongs to was opened. A cadre
 * writes the time of a visit to the minute (a form, a notebook), so a visit in the minute the case opened
 * (09:41 for a case opened at 09:41:37) is in time.
 */
function timeRefused(field: string, at: string, state: OpenCase, now: string): Result | undefined {
  if (Date.parse(at) > Date.parse(now)) {
    return reject('invalid_value', `${field} is in the future`, { field });
  }
  const openedInMinute = Math.floor(Date.parse(state.openedAt) / MINUTE_MS) * MINUTE_MS;
  if (Date.parse(at) < openedInMinute) {
    return reject('invalid_value', `${field} is before the case was opened (${state.openedAt})`, { field });
  }
  return undefined;
}

function assign(command: AssignCase, state: OpenCase): Result {
  const { assignee, now } = command;
  if (state.assignee?.id === assignee.id && state.assignee.name === assignee.name) return alreadyDone();
  const { householdId, countyCode } = state;
  return accept({
    type: 'ZeroEmploymentCaseAssigned',
    data: { householdId, countyCode, assignee: { ...assignee }, assignedAt: now },
  });
}

/** The findings that change facts, and the follow-up each must carry. */
const FOLLOW_UP_OF_FINDING = { employed_elsewhere: 'employment_reported', no_labour: 'no_labour' } as const;

function verify(command: RecordVerification, state: OpenCase): Result {
  const { type: _type, caseId: _caseId, now, ...verification } = command;
  const { verificationId, visitedAt, finding, followUp } = verification;
  if (state.verificationIds.has(verificationId)) return alreadyDone();
  const late = timeRefused('visitedAt', visitedAt, state, now);
  if (late) return late;
  const needed =
    finding in FOLLOW_UP_OF_FINDING
      ? FOLLOW_UP_OF_FINDING[finding as keyof typeof FOLLOW_UP_OF_FINDING]
      : undefined;
  if (needed !== followUp?.kind) {
    return needed
      ? reject('invalid_value', `A "${finding}" finding records the household's facts with it`, {
          field: needed === 'employment_reported' ? 'employment' : 'workerIds',
        })
      : reject('invalid_value', `A "${finding}" finding changes no facts`, { field: 'finding' });
  }
  const { householdId, countyCode } = state;
  return accept({
    type: 'ZeroEmploymentCaseVerified',
    data: { householdId, countyCode, ...verification, recordedAt: now },
  });
}

/** Measures that offer vacancies name them; the others name none. */
const OFFERS_VACANCIES = new Set(['job_recommendation', 'welfare_post_offer']);

function measure(command: RecordMeasure, state: OpenCase): Result {
  const { type: _type, caseId: _caseId, now, vacancyIds, ...measure } = command;
  const { measureId, kind, takenAt, workerId } = measure;
  if (state.measureIds.has(measureId)) return alreadyDone();
  const late = timeRefused('takenAt', takenAt, state, now);
  if (late) return late;
  if (kind === 'job_recommendation' && (vacancyIds?.length ?? 0) === 0) {
    return reject('invalid_value', 'A job recommendation names the vacancies offered', {
      field: 'vacancyIds',
    });
  }
  if (!OFFERS_VACANCIES.has(kind) && vacancyIds !== undefined) {
    return reject('invalid_value', `A ${kind} measure offers no vacancy`, { field: 'vacancyIds' });
  }
  if (workerId !== undefined && workerId.slice(0, workerId.lastIndexOf('.')) !== state.householdId) {
    return reject('invalid_value', `Worker ${workerId} is not a member of this household`, {
      field: 'workerId',
    });
  }
  const { householdId, countyCode } = state;
  return accept({
    type: 'ZeroEmploymentCaseMeasureRecorded',
    data: {
      householdId,
      countyCode,
      ...measure,
      ...(vacancyIds === undefined ? {} : { vacancyIds: [...vacancyIds] }),
      recordedAt: now,
    },
  });
}

/**
 * The zero-employment case (ADR 0007). The platform opens and clears it (the employment monitor appends those
 * facts); the county office works on it in between. Work on a cleared case is refused: `case_closed`.
 */
export const caseDecider: Decider<CaseCommand, CaseState, CaseEvent> = {
  initialState: initialCaseState,
  evolve: evolveCase,
  decide(command, state) {
    if (state.status === 'none') return reject('not_found', `Case ${command.caseId} does not exist`);
    if (state.status === 'cleared') {
      return reject('case_closed', `Case ${command.caseId} was cleared at ${state.clearedAt}`);
    }
    switch (command.type) {
      case 'AssignCase':
        return assign(command, state);
      case 'RecordVerification':
        return verify(command, state);
      case 'RecordMeasure':
        return measure(command, state);
      default:
        return assertNever(command);
    }
  },
};

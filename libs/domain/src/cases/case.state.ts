import type { CaseAssignee, EventsOfStream } from '@contracts';
import { assertNever } from '../shared/decider';

export type CaseEvent = EventsOfStream<'zeroEmploymentCase'>;

interface CaseFacts {
  readonly householdId: string;
  readonly countyCode: string;
  readonly openedAt: string;
  readonly assignee: CaseAssignee | null;
  /** Records already taken, by the id the office gave them (a repeated request appends nothing). */
  readonly verificationIds: ReadonlySet<string>;
  readonly measureIds: ReadonlySet<string>;
}

/** A case is opened and cleared by the platform, from the household's facts; worked on in between. */
export type CaseState =
  | { readonly status: 'none' }
  | ({ readonly status: 'open' } & CaseFacts)
  | ({ readonly status: 'cleared'; readonly clearedAt: string } & CaseFacts);

export const initialCaseState = (): CaseState => ({ status: 'none' });

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'ZeroEmploymentCaseOpened') {
    if (state.status !== 'none') return state;
    const { householdId, countyCode, openedAt } = event.data;
    return {
      status: 'open',
      householdId,
      countyCode,
      openedAt,
      assignee: null,
      verificationIds: new Set(),
      measureIds: new Set(),
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ZeroEmploymentCaseCleared':
      return { ...state, status: 'cleared', clearedAt: event.data.clearedAt };
    case 'ZeroEmploymentCaseAssigned':
      return { ...state, assignee: event.data.assignee };
    case 'ZeroEmploymentCaseVerified':
      return { ...state, verificationIds: new Set(state.verificationIds).add(event.data.verificationId) };
    case 'ZeroEmploymentCaseMeasureRecorded':
      return { ...state, measureIds: new Set(state.measureIds).add(event.data.measureId) };
    default:
      return assertNever(event);
  }
}

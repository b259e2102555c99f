import {
  CREDIT_CODE_MESSAGES,
  creditCodeProblem,
  type EmployerContact,
  type EventData,
  type EventsOfStream,
} from '@contracts';
import { nameBasedUuid } from '../shared/name-based-id';
import { accept, assertNever, type Decider, reject } from '../shared/decider';

export type EmployerEvent = EventsOfStream<'employer'>;

export type EmployerState =
  | { readonly status: 'none' }
  | { readonly status: 'registered'; readonly employer: EventData<'EmployerRegistered'> };

export interface RegisterEmployer {
  readonly type: 'RegisterEmployer';
  readonly employerId: string;
  readonly name: string;
  readonly creditCode: string;
  readonly industry: string;
  readonly province: string;
  readonly city: string;
  readonly address?: string;
  readonly contact?: EmployerContact;
  readonly now: string;
}

export type EmployerCommand = RegisterEmployer;

const EMPLOYER_NAMESPACE = '3f6b2a1c-8d4e-4b7a-9c2f-1e5d7a9b0c3e';

/**
 * One company, one employer: the id is derived from the 统一社会信用代码, so two registrations of the same
 * code meet on one stream (and the second is refused) however they race.
 */
export const employerIdOf = (creditCode: string): string => nameBasedUuid(EMPLOYER_NAMESPACE, creditCode);

export const employerDecider: Decider<EmployerCommand, EmployerState, EmployerEvent> = {
  initialState: () => ({ status: 'none' }),

  evolve(_state, event) {
    switch (event.type) {
      case 'EmployerRegistered':
        return { status: 'registered', employer: event.data };
      default:
        return assertNever(event.type);
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterEmployer': {
        if (state.status !== 'none') {
          return reject(
            'already_exists',
            `An employer with credit code ${state.employer.creditCode} is already registered`,
            { field: 'creditCode', employerId: state.employer.employerId },
          );
        }
        const { type: _type, now, ...employer } = command;
        const problem = creditCodeProblem(employer.creditCode);
        if (problem) return reject('invalid_value', CREDIT_CODE_MESSAGES[problem], { field: 'creditCode' });
        if (employer.employerId !== employerIdOf(employer.creditCode)) {
          return reject('invalid_value', 'The employer id is not the one derived from its credit code', {
            field: 'employerId',
          });
        }
        return accept({ type: 'EmployerRegistered', data: { ...employer, registeredAt: now } });
      }
      default:
        return assertNever(command.type);
    }
  },
};

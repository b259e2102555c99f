import { encodeEvent } from '@contracts';
import { given } from '../shared/testing/decider-spec';
import type { HouseholdCommand, VerifyEmployment } from './household.commands';
import { householdDecider } from './household.decider';
import { householdRegistered, REGISTERED_AT as now, workerPlaced } from './household.fixtures';
import type { HouseholdEvent } from './household.state';

// now: 2026-03-01T08:00:00Z; the placement p1 started 2026-03-01 (the fixture), p0 below on 2025-11-01.
const registered = householdRegistered();
const ids = { workerId: 'h1.1', householdId: 'h1' };
const placedInNovember: HouseholdEvent = {
  ...workerPlaced('p0'),
  data: { ...workerPlaced('p0').data, startDate: '2025-11-01' },
};
const history = [...registered, placedInNovember];
const ended = (employmentId: string, endedAt: string, reason = 'quit' as const): HouseholdEvent => ({
  type: 'EmploymentEnded',
  data: { ...ids, employmentId, reason, endedAt },
});

describe('ending an employment', () => {
  const end = (o: Partial<Extract<HouseholdCommand, { type: 'EndEmployment' }>> = {}): HouseholdCommand => ({
    type: 'EndEmployment',
    workerId: 'h1.1',
    employmentId: 'p0',
    reason: 'quit',
    now,
    ...o,
  });

  it('ends at the business time given, or now', () => {
    given(householdDecider, history)
      .when(end({ endedAt: '2026-01-15T00:00:00Z' }))
      .then([ended('p0', '2026-01-15T00:00:00Z')]);
    given(householdDecider, history)
      .when(end())
      .then([ended('p0', now)]);
  });
  it('refuses an end in the future or before the job started, naming endedAt', () => {
    given(householdDecider, history)
      .when(end({ endedAt: '2099-12-31T00:00:00Z' }))
      .thenRejects('invalid_value', /future/, { field: 'endedAt' });
    given(householdDecider, history)
      .when(end({ endedAt: '2025-10-31T15:59:59Z' })) // 23:59:59 on 31 October in Guizhou
      .thenRejects('invalid_value', /before the employment started \(2025-11-01\)/, { field: 'endedAt' });
  });
  it('appends nothing for the same end again (a retry); refuses another end of an ended job: not_employed', () => {
    const after = [...history, ended('p0', '2026-01-15T00:00:00Z')];
    given(householdDecider, after).when(end()).thenNothing();
    given(householdDecider, after)
      .when(end({ endedAt: '2026-01-15T00:00:00.000Z' }))
      .thenNothing();
    given(householdDecider, after)
      .when(end({ reason: 'returned_home' }))
      .thenRejects('not_employed', /already ended at 2026-01-15T00:00:00Z \(quit\)/);
    given(householdDecider, after)
      .when(end({ endedAt: '2026-02-01T00:00:00Z' }))
      .thenRejects('not_employed');
  });
});

describe('a job-retention follow-up (稳岗回访)', () => {
  const base = {
    type: 'VerifyEmployment',
    workerId: 'h1.1',
    employmentId: 'p0',
    method: 'visit',
    visitedAt: '2026-02-01T03:00:00Z',
    now,
  } as const;
  const verified = (outcome: string, extra: object = {}): HouseholdEvent =>
    ({
      type: 'EmploymentVerified',
      data: {
        ...ids,
        employmentId: 'p0',
        stillEmployed: outcome === 'still_employed',
        method: 'visit',
        outcome,
        ...extra,
        verifiedAt: '2026-02-01T03:00:00Z',
      },
    }) as HouseholdEvent;
  const follow = (command: Partial<VerifyEmployment> & Pick<VerifyEmployment, 'outcome'>) =>
    ({ ...base, ...command }) as VerifyEmployment;

  it('still employed: the check alone, at the visit, with its note', () => {
    given(householdDecider, history)
      .when(follow({ outcome: 'still_employed', note: '在岗稳定' }))
      .then([verified('still_employed', { note: '在岗稳定' })]);
  });
  it('left: the check and the end at the visit, for the reason given', () => {
    given(householdDecider, history)
      .when(follow({ outcome: 'left', endReason: 'returned_home' }))
      .then([verified('left'), ended('p0', '2026-02-01T03:00:00Z', 'returned_home' as 'quit')]);
  });
  it('changed job: the check, the end, and the new job reported from the visit, in one decision', () => {
    const newEmployment = { employmentId: 'h1:e2', channel: 'in_province', startDate: '2026-01-20' } as const;
    const events = [
      verified('changed_job'),
      // Ended when the new job started (00:00 on 20 January in Guizhou), before the visit: never two jobs at once.
      ended('p0', '2026-01-19T16:00:00.000Z'),
      {
        type: 'EmploymentReported',
        data: { ...ids, ...newEmployment, source: 'cadre_visit', reportedAt: now },
      },
    ] satisfies HouseholdEvent[];
    given(householdDecider, history)
      .when(follow({ outcome: 'changed_job', endReason: 'quit', newEmployment }))
      .then(events);
    for (const event of events) expect(() => encodeEvent(event)).not.toThrow();
    // The new job's start date is checked as a report's, named by its field in the request.
    for (const startDate of ['2099-01-01', '2025-10-01']) {
      given(householdDecider, history)
        .when(
          follow({
            outcome: 'changed_job',
            endReason: 'quit',
            newEmployment: { ...newEmployment, startDate },
          }),
        )
        .thenRejects('invalid_value', undefined, { field: 'newEmployment.startDate' });
    }
  });
  it('refuses a visit in the future or before the job started, naming visitedAt', () => {
    given(householdDecider, history)
      .when(follow({ outcome: 'still_employed', visitedAt: '2026-03-01T08:00:01Z' }))
      .thenRejects('invalid_value', /future/, { field: 'visitedAt' });
    given(householdDecider, history)
      .when(follow({ outcome: 'still_employed', visitedAt: '2025-10-31T12:00:00Z' }))
      .thenRejects('invalid_value', /before the employment started/, { field: 'visitedAt' });
  });
  it('refuses a follow-up of an employment that is not active: not_employed', () => {
    given(householdDecider, registered)
      .when(follow({ outcome: 'still_employed' }))
      .thenRejects('not_employed');
    given(householdDecider, [...history, ended('p0', now)])
      .when(follow({ outcome: 'left', endReason: 'quit' }))
      .thenRejects('not_employed');
  });
});

import { encodeEvent, type EventOfType } from '@contracts';
import { given } from '../shared/testing/decider-spec';
import type { HouseholdCommand } from './household.commands';
import { householdDecider } from './household.decider';
import { householdRegistered, REGISTERED_AT, workerPlaced } from './household.fixtures';
import type { HouseholdEvent } from './household.state';
import { addMonths } from '../shared/business-dates';
import { welfareTermEnd } from './welfare-term';

const P = 'h1:p1';
const welfarePlaced = (termEndsOn = '2027-04-01'): EventOfType<'WorkerPlaced'> => {
  const placed = workerPlaced(P);
  return {
    ...placed,
    data: {
      ...placed.data,
      channel: 'public_welfare',
      welfareTermEndsOn: termEndsOn,
      welfareCountyCode: '520402',
    },
  };
};
const renewed = (termEndsOn: string, renewedAt = '2027-01-10T02:00:00Z'): HouseholdEvent => ({
  type: 'WelfareTermRenewed',
  data: { workerId: 'h1.1', householdId: 'h1', placementId: P, termEndsOn, renewedAt },
});
const ended = (reason: 'quit' | 'welfare_term_end', endedAt: string): HouseholdEvent => ({
  type: 'EmploymentEnded',
  data: { workerId: 'h1.1', householdId: 'h1', employmentId: P, reason, endedAt },
});
const renew = (termMonths: number, now = '2027-01-10T02:00:00Z', placementId = P): HouseholdCommand => ({
  type: 'RenewWelfareTerm',
  workerId: 'h1.1',
  placementId,
  termMonths,
  now,
});
const termEnd = (termEndsOn: string, now: string): HouseholdCommand => ({
  type: 'EndEmployment',
  workerId: 'h1.1',
  employmentId: P,
  reason: 'welfare_term_end',
  termEndsOn,
  now,
});
const history = [...householdRegistered(), welfarePlaced()];

describe('a public-welfare term on the household', () => {
  describe('its end date', () => {
    it('is the start date plus the term in months, the last day of a shorter month when the day is missing', () => {
      expect(welfareTermEnd('2026-04-01', 12)).toBe('2027-04-01');
      expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
      expect(addMonths('2027-12-15', 3)).toBe('2028-03-15');
      expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    });
    it('travels on WorkerPlaced with the county that runs the post, and passes the contract', () => {
      expect(() => encodeEvent(welfarePlaced())).not.toThrow();
      const { welfareCountyCode: _, ...withoutCounty } = welfarePlaced().data;
      expect(() => encodeEvent({ type: 'WorkerPlaced', data: withoutCounty })).toThrow(/welfareCountyCode/);
    });
  });

  describe('PlaceWorker into a public-welfare post', () => {
    const placeWelfare = (startDate: string, termEndsOn: string, now: string): HouseholdCommand => ({
      type: 'PlaceWorker',
      placementId: P,
      workerId: 'h1.1',
      vacancyId: 'v-1',
      channel: 'public_welfare',
      brokerId: 'broker-1',
      startDate,
      welfareTermEndsOn: termEndsOn,
      welfareCountyCode: '520402',
      now,
    });
    it('is refused when the term from a start date far back has already ended (the household is not covered by it)', () =>
      given(householdDecider, householdRegistered())
        .when(placeWelfare('2025-01-01', '2026-01-01', '2026-03-01T08:00:00Z'))
        .thenRejects('invalid_value', /ended on 2026-01-01/));
    it('is accepted while the term runs', () =>
      given(householdDecider, householdRegistered())
        .when(placeWelfare('2026-02-01', '2027-02-01', '2026-03-01T08:00:00Z'))
        .then([expect.objectContaining({ type: 'WorkerPlaced' })] as never));
  });

  describe('RenewWelfareTerm (the county office, before the term runs out)', () => {
    it('extends the term from its current end', () => {
      given(householdDecider, history)
        .when(renew(12))
        .then([renewed('2028-04-01')]);
      expect(() => encodeEvent(renewed('2028-04-01'))).not.toThrow();
    });
    it('extends a renewed term from the renewed end', () =>
      given(householdDecider, [...history, renewed('2028-04-01')])
        .when(renew(6, '2028-01-05T00:00:00Z'))
        .then([renewed('2028-10-01', '2028-01-05T00:00:00Z')]));
    it('is refused once the term has ended, even before the scheduler ended the placement', () => {
      given(householdDecider, history)
        .when(renew(12, '2027-03-31T16:00:00Z'))
        .thenRejects('forbidden_transition', /ended on 2027-04-01/);
      // 23:59:59 on 31 March in Guizhou.
      given(householdDecider, history)
        .when(renew(12, '2027-03-31T15:59:59Z'))
        .then([renewed('2028-04-01', '2027-03-31T15:59:59Z')]);
    });
    it('is refused for an ended placement, a market placement, an unknown placement and a bad term', () => {
      given(householdDecider, [...history, ended('quit', '2026-09-01T00:00:00Z')])
        .when(renew(12))
        .thenRejects('not_employed');
      given(householdDecider, [...householdRegistered(), workerPlaced(P)])
        .when(renew(12))
        .thenRejects('forbidden_transition', /not a public-welfare post/);
      given(householdDecider, history)
        .when(renew(12, REGISTERED_AT, 'h1:other'))
        .thenRejects('not_found');
      given(householdDecider, history).when(renew(0)).thenRejects('invalid_value');
      given(householdDecider, history).when(renew(61)).thenRejects('invalid_value');
    });
  });

  describe('EndEmployment at the term end (the scheduler)', () => {
    it('ends the placement at the start of its end day in Guizhou (16:00 UTC the day before), with reason welfare_term_end', () =>
      given(householdDecider, history)
        .when(termEnd('2027-04-01', '2027-03-31T16:00:30Z'))
        .then([ended('welfare_term_end', '2027-03-31T16:00:00.000Z')]));
    it('decides the same event however late the scheduler runs', () =>
      given(householdDecider, history)
        .when(termEnd('2027-04-01', '2027-06-15T10:00:00Z'))
        .then([ended('welfare_term_end', '2027-03-31T16:00:00.000Z')]));
    it('is refused before the end day (in Guizhou)', () =>
      given(householdDecider, history)
        .when(termEnd('2027-04-01', '2027-03-31T15:59:59Z'))
        .thenRejects('forbidden_transition', /not yet/));
    it('appends nothing when the term was renewed since (the due date moved) or the placement already ended', () => {
      given(householdDecider, [...history, renewed('2028-04-01')])
        .when(termEnd('2027-04-01', '2027-04-02T00:00:00Z'))
        .thenNothing();
      given(householdDecider, [...history, ended('welfare_term_end', '2027-03-31T16:00:00.000Z')])
        .when(termEnd('2027-04-01', '2027-04-02T00:00:00Z'))
        .thenNothing();
      given(householdDecider, [...history, ended('quit', '2026-09-01T00:00:00Z')])
        .when(termEnd('2027-04-01', '2027-04-02T00:00:00Z'))
        .thenNothing();
    });
    it('ends a renewed term at its new end', () =>
      given(householdDecider, [...history, renewed('2028-04-01')])
        .when(termEnd('2028-04-01', '2028-04-01T00:00:00Z'))
        .then([ended('welfare_term_end', '2028-03-31T16:00:00.000Z')]));
    it('is refused for a placement without a term', () =>
      given(householdDecider, [...householdRegistered(), workerPlaced(P)])
        .when(termEnd('2027-04-01', '2027-04-02T00:00:00Z'))
        .thenRejects('forbidden_transition'));
  });
});

import { vacancyDecider } from '../postings/vacancy.decider';
import {
  expiryExtended,
  extendExpiry,
  postVacancyCommand,
  vacancyPosted,
} from '../postings/vacancy.fixtures';
import { given } from '../shared/testing/decider-spec';
import type { HouseholdCommand, RegisteringMember } from './household.commands';
import { householdDecider } from './household.decider';
import {
  employmentReported,
  householdRegistered,
  member,
  REGISTERED_AT as now,
  registerHouseholdCommand,
  trainingCompleted,
  workerPlaced,
} from './household.fixtures';
import type { HouseholdEvent } from './household.state';

// The server's clock is the command's `now`: 2026-03-01T08:00:00Z. Members are born in 1990, so they may have
// worked from 2006-01-01 (1 January of the year they turned 16).
const registered = householdRegistered();
const today = '2026-03-01';
const report = (startDate: string): HouseholdCommand => ({
  type: 'ReportEmployment',
  workerId: 'h1.1',
  employmentId: 'e1',
  channel: 'flexible',
  source: 'declaration',
  startDate,
  now,
});
const reported = (startDate: string, reportedAt = now): HouseholdEvent =>
  employmentReported({ startDate, reportedAt });
const place = (startDate: string): HouseholdCommand => ({
  type: 'PlaceWorker',
  placementId: 'p1',
  workerId: 'h1.1',
  vacancyId: 'v-1',
  channel: 'out_of_province',
  brokerId: 'broker-1',
  startDate,
  now,
});

describe('business dates, checked by the deciders against the server clock', () => {
  describe('an employment start date: not after today, not before the worker turned 16', () => {
    it('refuses a reported job starting in the future or before the worker was 16, naming startDate', () => {
      for (const startDate of ['2099-12-31', '2026-03-02']) {
        given(householdDecider, registered)
          .when(report(startDate))
          .thenRejects('invalid_value', /after today/, { field: 'startDate' });
      }
      for (const startDate of ['1900-01-01', '2005-12-31']) {
        given(householdDecider, registered)
          .when(report(startDate))
          .thenRejects('invalid_value', /turned 16 \(born 1990: 2006-01-01/, { field: 'startDate' });
      }
    });
    it('accepts today and the first day of the year the worker turned 16', () => {
      given(householdDecider, registered)
        .when(report(today))
        .then([reported(today)]);
      given(householdDecider, registered)
        .when(report('2006-01-01'))
        .then([reported('2006-01-01')]);
    });
    it('takes today as the day it is in Guizhou (UTC+8): a job starting there this morning is not refused', () => {
      const at = '2026-03-01T20:00:00Z'; // 04:00 on 2 March in Guizhou
      given(householdDecider, registered)
        .when({ ...report('2026-03-02'), now: at })
        .then([reported('2026-03-02', at)]);
      given(householdDecider, registered)
        .when({ ...report('2026-03-03'), now: at })
        .thenRejects('invalid_value', /after today \(2026-03-02\)/, { field: 'startDate' });
    });
    it('refuses a current employment at registration the same way, naming the member’s field', () => {
      const working = (startDate: string): RegisteringMember => ({
        ...member(2),
        currentEmployment: { employmentId: 'e1', channel: 'workshop', source: 'declaration', startDate },
      });
      given(householdDecider)
        .when(registerHouseholdCommand('h1', [member(1), working('2099-01-01')]))
        .thenRejects('invalid_value', /after today/, { field: 'members.1.currentEmployment.startDate' });
      given(householdDecider)
        .when(registerHouseholdCommand('h1', [working('1999-05-01'), member(3)]))
        .thenRejects('invalid_value', /turned 16/, { field: 'members.0.currentEmployment.startDate' });
    });
    it('refuses a placement starting in the future or before 16; one backdated within bounds is placed', () => {
      given(householdDecider, registered)
        .when(place('2026-03-02'))
        .thenRejects('invalid_value', /after today/, { field: 'startDate' });
      given(householdDecider, registered)
        .when(place('2005-06-30'))
        .thenRejects('invalid_value', /turned 16/, { field: 'startDate' });
      given(householdDecider, registered)
        .when(place('2025-11-01'))
        .then([{ ...workerPlaced('p1'), data: { ...workerPlaced('p1').data, startDate: '2025-11-01' } }]);
    });
    it('checks the date before the worker’s employment: a bad date is a 400 even for an employed worker', () => {
      given(householdDecider, [...registered, workerPlaced('p0')])
        .when(report('2099-12-31'))
        .thenRejects('invalid_value', /after today/, { field: 'startDate' });
    });
  });

  describe('a training', () => {
    const training = (completedAt: string): HouseholdCommand => ({
      type: 'RecordTraining',
      workerId: 'h1.1',
      trainingId: 't1',
      name: '缝纫培训',
      skill: '6-05-01-03',
      completedAt,
      now,
    });
    it('is not completed in the future, nor before the worker turned 16', () => {
      given(householdDecider, registered)
        .when(training('2026-03-01T08:00:01Z'))
        .thenRejects('invalid_value', /future/, { field: 'completedAt' });
      given(householdDecider, registered)
        .when(training('2005-12-31T15:59:59Z'))
        .thenRejects('invalid_value', /turned 16/, { field: 'completedAt' });
      given(householdDecider, registered)
        .when(training('2005-12-31T16:00:00Z')) // 00:00 on 1 January 2006 in Guizhou
        .then([trainingCompleted('2005-12-31T16:00:00Z')]);
    });
  });

  describe('a vacancy’s expiry: after now, at most 2 years ahead', () => {
    // POSTED_AT is the fixtures' now: 2026-03-01T08:00:00Z.
    it('refuses a posting expiring more than 2 years after now, naming expiresAt', () => {
      for (const expiresAt of ['9999-12-31T00:00:00Z', '2028-03-01T08:00:01Z']) {
        given(vacancyDecider)
          .when(postVacancyCommand({ expiresAt }))
          .thenRejects('invalid_value', /more than 2 years ahead/, { field: 'expiresAt' });
      }
      given(vacancyDecider)
        .when(postVacancyCommand({ expiresAt: '2028-03-01T08:00:00Z' }))
        .then([vacancyPosted({ expiresAt: '2028-03-01T08:00:00Z' })]);
    });
    it('refuses an extension beyond the same bound', () => {
      const extend = (expiresAt: string) => extendExpiry(expiresAt, '2026-05-01T00:00:00Z');
      given(vacancyDecider, [vacancyPosted()])
        .when(extend('9999-12-31T00:00:00Z'))
        .thenRejects('invalid_value', /2 years/, { field: 'expiresAt' });
      given(vacancyDecider, [vacancyPosted()])
        .when(extend('2028-05-01T00:00:00Z'))
        .then([expiryExtended('2028-05-01T00:00:00Z', '2026-05-01T00:00:00Z')]);
    });
  });
});

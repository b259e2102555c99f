import type { HouseholdEvent } from '../workforce/household.state';
import {
  employmentReported,
  householdRegistered,
  member,
  placementVoided,
  workerPlaced,
} from '../workforce/household.fixtures';
import {
  evolveHouseholdProfile,
  type HouseholdProfile,
  profileStatusOf,
} from './household-profile.projection';

const fold = (events: readonly HouseholdEvent[]): HouseholdProfile | undefined =>
  events.reduce<HouseholdProfile | undefined>(evolveHouseholdProfile, undefined);
const registered = householdRegistered('h1', [member(1), member(2, { labourCapacity: 'none' })]);
const ended = (employmentId: string): HouseholdEvent => ({
  type: 'EmploymentEnded',
  data: {
    workerId: 'h1.1',
    householdId: 'h1',
    employmentId,
    reason: 'quit',
    endedAt: '2026-04-01T00:00:00Z',
  },
});

describe('household profile projection', () => {
  it('is nothing before the registration, and the members in order after it', () => {
    expect(fold(registered.slice(1))).toBeUndefined();
    const profile = fold(registered);
    expect(profile?.members.map((m) => [m.workerId, m.phone, m.employment])).toEqual([
      ['h1.1', null, null],
      ['h1.2', null, null],
    ]);
    expect(profile && profileStatusOf(profile.members)).toBe('zero_employment');
  });

  it('keeps the current job: reported, placed (with its vacancy), ended, voided', () => {
    const reported = fold([...registered, employmentReported({ employer: '安顺服装厂' })]);
    expect(reported?.members[0].employment).toEqual({
      employmentId: 'e1',
      channel: 'flexible',
      employer: '安顺服装厂',
      startDate: '2026-02-01',
    });
    expect(reported && profileStatusOf(reported.members)).toBe('employed');
    expect(fold([...registered, employmentReported(), ended('e1')])?.members[0].employment).toBeNull();
    // A late end of another job leaves the current one.
    expect(fold([...registered, workerPlaced('p1'), ended('e9')])?.members[0].employment).toMatchObject({
      employmentId: 'p1',
      vacancyId: 'v-1',
    });
    const voided = fold([...registered, workerPlaced('p1'), placementVoided('p1')]);
    expect(voided?.members[0]).toMatchObject({ employment: null, placedVacancyIds: ['v-1'] });
  });

  it('keeps the occupations of completed trainings apart from the skills a profile update replaces', () => {
    const trained = (trainingId: string, skill: string): HouseholdEvent => ({
      type: 'WorkerTrainingCompleted',
      data: {
        workerId: 'h1.1',
        householdId: 'h1',
        trainingId,
        name: '刺绣培训',
        skill,
        completedAt: '2026-03-20T00:00:00Z',
      },
    });
    const updated: HouseholdEvent = {
      type: 'WorkerProfileUpdated',
      data: {
        workerId: 'h1.1',
        householdId: 'h1',
        skills: ['4-03-02-01'],
        updatedAt: '2026-03-21T00:00:00Z',
      },
    };
    const profile = fold([...registered, trained('t1', '6-09-03-11'), trained('t2', '6-09-03-11'), updated]);
    expect(profile?.members[0]).toMatchObject({ skills: ['4-03-02-01'], trainedOccupations: ['6-09-03-11'] });
    expect(profile?.members[1].trainedOccupations).toEqual([]);
  });

  it('gives the same profile when an event is folded twice', () => {
    const events: HouseholdEvent[] = [
      ...registered,
      { type: 'MemberContactRecorded', data: { workerId: 'h1.1', householdId: 'h1', phone: '13812345678', recordedAt: '2026-03-02T00:00:00Z' } },
      workerPlaced('p1'),
    ]; // prettier-ignore
    const twice = events.flatMap((e) => [e, e]);
    expect(fold(twice)).toEqual(fold(events));
  });

  it('shows no labour when no member can work and none works', () => {
    const profile = fold(householdRegistered('h1', [member(1, { labourCapacity: 'none' })]));
    expect(profile && profileStatusOf(profile.members)).toBe('no_labour');
  });
});

import type { EventData, EventOfType } from '@contracts';
import type { MemberInput, RegisterHousehold } from './household.commands';
import type { HouseholdEvent } from './household.state';

/** Test data for household specs (used by the saga specs too). */
export const REGISTERED_AT = '2026-03-01T08:00:00Z';

export const member = (n: number, overrides: Partial<MemberInput> = {}): MemberInput => ({
  name: `成员${n}`,
  idNumberHash: n.toString(16).padStart(64, '0'),
  idNumberLast4: `00${n}`.slice(-3) + '0',
  birthYear: 1990,
  gender: n % 2 === 0 ? 'female' : 'male',
  labourCapacity: 'full',
  skills: ['6-05-01-03'],
  preference: 'any',
  ...overrides,
});

export const registerHouseholdCommand = (
  householdId = 'h1',
  members: readonly MemberInput[] = [member(1), member(2)],
): RegisterHousehold => ({
  type: 'RegisterHousehold',
  householdId,
  countyCode: '520402',
  relocationSiteId: 'site-1',
  members,
  claimRevisions: Object.fromEntries(members.map((m) => [m.idNumberHash, 0])),
  now: REGISTERED_AT,
});

export function householdRegistered(
  householdId = 'h1',
  members: readonly MemberInput[] = [member(1), member(2)],
): HouseholdEvent[] {
  return [
    {
      type: 'HouseholdRegistered',
      data: { householdId, countyCode: '520402', relocationSiteId: 'site-1', registeredAt: REGISTERED_AT },
    },
    ...members.map((m, i): EventOfType<'WorkerRegistered'> => {
      const { expectedMonthlyWage, skills, ...rest } = m;
      return {
        type: 'WorkerRegistered',
        data: {
          ...rest,
          skills: [...skills],
          expectedMonthlyWage: expectedMonthlyWage ?? null,
          workerId: `${householdId}.${i + 1}`,
          householdId,
          memberNo: i + 1,
          registeredAt: REGISTERED_AT,
        },
      };
    }),
  ];
}

/** A placement's ids; its household is the worker's. */
const placementIds = (placementId: string, workerId: string, vacancyId: string) => ({
  placementId,
  workerId,
  householdId: workerId.split('.')[0],
  vacancyId,
});

export const workerPlaced = (
  placementId: string,
  workerId = 'h1.1',
  vacancyId = 'v-1',
): EventOfType<'WorkerPlaced'> => ({
  type: 'WorkerPlaced',
  data: {
    ...placementIds(placementId, workerId, vacancyId),
    channel: 'out_of_province',
    brokerId: 'broker-1',
    startDate: '2026-03-01',
    placedAt: REGISTERED_AT,
  },
});

export const placementVoided = (
  placementId: string,
  workerId = 'h1.1',
  vacancyId = 'v-1',
): EventOfType<'PlacementVoided'> => ({
  type: 'PlacementVoided',
  data: { ...placementIds(placementId, workerId, vacancyId), reason: 'recovery', voidedAt: REGISTERED_AT },
});

/** Employment found outside the platform, declared by h1's first member. */
export const employmentReported = (
  overrides: Partial<EventData<'EmploymentReported'>> = {},
): EventOfType<'EmploymentReported'> => ({
  type: 'EmploymentReported',
  data: {
    employmentId: 'e1',
    workerId: 'h1.1',
    householdId: 'h1',
    channel: 'flexible',
    source: 'declaration',
    startDate: '2026-02-01',
    reportedAt: REGISTERED_AT,
    ...overrides,
  },
});

/** h1's first member completed the sewing training t1. */
export const trainingCompleted = (completedAt = REGISTERED_AT): EventOfType<'WorkerTrainingCompleted'> => ({
  type: 'WorkerTrainingCompleted',
  data: {
    workerId: 'h1.1',
    householdId: 'h1',
    trainingId: 't1',
    name: '缝纫培训',
    skill: '6-05-01-03',
    completedAt,
  },
});

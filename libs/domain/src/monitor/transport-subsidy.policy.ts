import type { EventData, EventOfType } from '@contracts';
import type { HouseholdEmployment, HouseholdEnvelope } from './household-employment';

/**
 * The one-time cross-province transport subsidy (跨省务工一次性交通补贴): a worker placed out of the province
 * earns it once per calendar year, the year the placement starts. The household projection keeps each member's
 * years (`transportSubsidyYears`); the employment monitor appends `TransportSubsidyEligible` for each new one.
 */

/** The calendar year a placement counts for the transport subsidy: the year it starts. */
export const subsidyYearOf = (startDate: string): number => Number(startDate.slice(0, 4));

/** A member's subsidy years after a placement: one more when it is out of the province in a year not yet earned. */
export function subsidyYearsAfterPlacement(
  years: readonly number[],
  placement: Pick<EventData<'WorkerPlaced'>, 'channel' | 'startDate'>,
): readonly number[] {
  const year = subsidyYearOf(placement.startDate);
  return placement.channel === 'out_of_province' && !years.includes(year) ? [...years, year] : years;
}

/** The `TransportSubsidyEligible` events a placement earned (none for any other household event). */
export function transportSubsidyEligibleEvents(
  before: HouseholdEmployment | undefined,
  after: HouseholdEmployment,
  event: HouseholdEnvelope,
): EventOfType<'TransportSubsidyEligible'>[] {
  if (event.type !== 'WorkerPlaced') return [];
  const member = after.members.find((m) => m.workerId === event.data.workerId);
  const earlier =
    before?.members.find((m) => m.workerId === event.data.workerId)?.transportSubsidyYears ?? [];
  const { workerId, householdId, placementId } = event.data;
  return (member?.transportSubsidyYears ?? [])
    .filter((year) => !earlier.includes(year))
    .map((year) => ({
      type: 'TransportSubsidyEligible',
      data: { workerId, householdId, placementId, year, countyCode: after.countyCode },
    }));
}

import type { HouseholdListItem, WorkerListItem } from '@contracts';
import type { Principal } from '@lib/auth';
import type { HouseholdHit, PeopleIndex, WorkerHit } from '@lib/application/people/people-index';
import type { MemberProfile } from '@lib/domain/people/household-profile.projection';
import { visibilityOf } from './people-scope';
import { ageOf, employedCountOf, relocationSiteOf, shownName, shownPhone, statusOf } from './people-views';

/**
 * The items of GET /v1/households and GET /v1/workers, named as the principal may see them (whole, or masked
 * for the admin). One function per list, so the Excel export builds its rows from the same items.
 */
export function householdListItems(
  hits: readonly HouseholdHit[],
  principal: Principal,
  index: PeopleIndex,
): HouseholdListItem[] {
  return hits.map(({ household, matched }) => {
    const ref = (member: MemberProfile) => ({
      workerId: member.workerId,
      name: shownName(member.name, visibilityOf(principal, index, household, member, 'list')),
    });
    const head = household.members.find((m) => m.relationToHead === 'head');
    // A station or workshop sees no member of the household but those placed with it: not the head otherwise.
    const headShown =
      head && visibilityOf(principal, index, household, head, 'list') !== 'none' ? ref(head) : null;
    return {
      householdId: household.householdId,
      countyCode: household.countyCode,
      relocationSite: relocationSiteOf(household.relocationSiteId),
      address: household.address,
      head: headShown,
      memberCount: household.members.length,
      employedCount: employedCountOf(household),
      status: statusOf(household),
      ...(matched.length > 0 ? { matched: matched.map(ref) } : {}),
    };
  });
}

export function workerListItems(
  hits: readonly WorkerHit[],
  principal: Principal,
  index: PeopleIndex,
  now: string,
): WorkerListItem[] {
  return hits.map(({ household, member }) => {
    const visibility = visibilityOf(principal, index, household, member, 'list');
    return {
      workerId: member.workerId,
      householdId: household.householdId,
      countyCode: household.countyCode,
      name: shownName(member.name, visibility),
      phone: shownPhone(member.phone, visibility),
      idLast4: member.idLast4,
      age: ageOf(member.birthYear, now),
      gender: member.gender,
      labourCapacity: member.labourCapacity,
      employed: member.employment !== null,
      relocationSite: relocationSiteOf(household.relocationSiteId),
    };
  });
}

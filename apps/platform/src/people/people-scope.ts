import { countiesOfPrefecture } from '@contracts';
import { nameVisibility, requireScope, type NameVisibility, type Principal } from '@lib/auth';
import { posterKey, type PeopleIndex, type PeopleScope } from '@lib/application/people/people-index';
import type { HouseholdProfile, MemberProfile } from '@lib/domain/people/household-profile.projection';

/** The vacancies' poster a station or workshop is (it sees the people placed in them), else undefined. */
export function posterOf(principal: Principal): string | undefined {
  if (principal.role === 'station') return posterKey({ type: 'labour_station', id: principal.stationId });
  if (principal.role === 'workshop') return posterKey({ type: 'workshop', id: principal.workshopId });
  return undefined;
}

/** Whose people a principal may find: its counties, all of them (admin), or those placed with it. */
export function searchScopeOf(principal: Principal): PeopleScope {
  const poster = posterOf(principal);
  if (poster !== undefined) return { placedWith: poster };
  switch (principal.role) {
    case 'county_office':
      return { counties: [principal.countyCode] };
    case 'broker':
      return { counties: principal.counties };
    case 'prefecture_office':
      return { counties: countiesOfPrefecture(principal.prefectureCode).map((c) => c.code) };
    case 'admin':
      return { counties: 'all' };
    default:
      // Stations and workshops were answered above; anyone else finds nobody.
      return { counties: [] };
  }
}

/** How this principal sees one member's name and phone, in a list or on the record's own page. */
export function visibilityOf(
  principal: Principal,
  index: PeopleIndex,
  household: HouseholdProfile,
  member: MemberProfile,
  view: 'list' | 'record',
): NameVisibility {
  const poster = posterOf(principal);
  return nameVisibility(principal, {
    countyCode: household.countyCode,
    view,
    placedWithCaller: poster !== undefined && index.isPlacedWith(member.workerId, poster),
  });
}

/**
 * The members of a household this principal may see on its page; 403 when it may see none. A station or
 * workshop sees only the members placed with it.
 */
export function requireVisibleMembers(
  principal: Principal,
  index: PeopleIndex,
  household: HouseholdProfile,
): { member: MemberProfile; visibility: NameVisibility }[] {
  const visible = household.members
    .map((member) => ({ member, visibility: visibilityOf(principal, index, household, member, 'record') }))
    .filter((m) => m.visibility !== 'none');
  requireScope(visible.length > 0, 'This token does not cover that household');
  return visible;
}

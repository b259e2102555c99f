import type { WorkerProfileResponse } from '@contracts';
import { occupationOf } from '@contracts/values/occupations';
import { visibleName, type NameVisibility } from '@lib/auth';
import {
  profileStatusOf,
  type HouseholdProfile,
  type MemberProfile,
} from '@lib/domain/people/household-profile.projection';
import { RELOCATION_SITES } from '@seeds/relocation-sites';

const SITE_NAMES = new Map(RELOCATION_SITES.map((site) => [site.id, site.name]));

/** The site with its name (a site missing from the register shows its id). */
export const relocationSiteOf = (siteId: string) => ({ id: siteId, name: SITE_NAMES.get(siteId) ?? siteId });

export const ageOf = (birthYear: number, now: string): number => Number(now.slice(0, 4)) - birthYear;

/** A name the principal may see ('none' never reaches a view: the member is filtered out before). */
export const shownName = (name: string, visibility: NameVisibility): string =>
  visibleName(name, visibility) ?? '';

/** The phone goes with a whole name only (the admin's masked list shows none). */
export const shownPhone = (phone: string | null, visibility: NameVisibility): string | null =>
  visibility === 'whole' ? phone : null;

type MemberView = Omit<WorkerProfileResponse, 'householdId' | 'countyCode' | 'relocationSite' | 'position'>;

export function memberView(member: MemberProfile, visibility: NameVisibility, now: string): MemberView {
  const { employment } = member;
  return {
    workerId: member.workerId,
    memberNo: member.memberNo,
    name: shownName(member.name, visibility),
    phone: shownPhone(member.phone, visibility),
    idLast4: member.idLast4,
    birthYear: member.birthYear,
    age: ageOf(member.birthYear, now),
    gender: member.gender,
    labourCapacity: member.labourCapacity,
    relationToHead: member.relationToHead,
    // A trained occupation is a skill the worker has, whether or not the profile's skills list it.
    occupations: [...new Set([...member.skills, ...member.trainedOccupations])].map((code) => {
      const { label } = occupationOf(code);
      return { code, label };
    }),
    employment: employment === null ? null : { ...employment },
  };
}

export const employedCountOf = (household: HouseholdProfile): number =>
  household.members.filter((m) => m.employment !== null).length;

export const statusOf = (household: HouseholdProfile) => profileStatusOf(household.members);

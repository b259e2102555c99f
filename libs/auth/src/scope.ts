import type { Principal } from './principal';

/**
 * What a principal may act on. Pure functions, so controllers and handlers check scope in one line and
 * the rules are tested without HTTP. The admin acts everywhere.
 */

/** A county's data and commands: its own county office, a broker covering it, the admin. */
export function canActForCounty(principal: Principal, countyCode: string): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'county_office':
      return principal.countyCode === countyCode;
    case 'broker':
      return principal.counties === 'all' || principal.counties.includes(countyCode);
    default:
      return false;
  }
}

/** Only the county office itself (and the admin): for things a broker must not do, like registering households. */
export function isCountyOffice(principal: Principal, countyCode: string): boolean {
  return (
    principal.role === 'admin' || (principal.role === 'county_office' && principal.countyCode === countyCode)
  );
}

export function canActForStation(principal: Principal, stationId: string): boolean {
  return principal.role === 'admin' || (principal.role === 'station' && principal.stationId === stationId);
}

export function canActForWorkshop(principal: Principal, workshopId: string): boolean {
  return principal.role === 'admin' || (principal.role === 'workshop' && principal.workshopId === workshopId);
}

/** The prefecture a county belongs to: its first four digits and 00 (GB/T 2260). */
export const prefectureOfCountyCode = (countyCode: string): string => `${countyCode.slice(0, 4)}00`;

/** A prefecture's figures: the admin, and that prefecture's own office. Counties roll up into it. */
export function canReadPrefecture(principal: Principal, prefectureCode: string): boolean {
  return (
    principal.role === 'admin' ||
    (principal.role === 'prefecture_office' && principal.prefectureCode === prefectureCode)
  );
}

/**
 * A county's figures and cases, read only: whoever acts for it, and the office of its prefecture, which
 * oversees its counties without acting for them (every command route leaves prefecture_office out).
 */
export function canReadCounty(principal: Principal, countyCode: string): boolean {
  return (
    canActForCounty(principal, countyCode) ||
    (principal.role === 'prefecture_office' &&
      principal.prefectureCode === prefectureOfCountyCode(countyCode))
  );
}

/** A county's cases, read only: its own office and the admin (isCountyOffice), and its prefecture's office. */
export function canReadCountyCases(principal: Principal, countyCode: string): boolean {
  return (
    isCountyOffice(principal, countyCode) ||
    (principal.role === 'prefecture_office' &&
      principal.prefectureCode === prefectureOfCountyCode(countyCode))
  );
}

/** The counties a principal covers: a list, 'all', or none. */
export function countiesOf(principal: Principal): readonly string[] | 'all' {
  switch (principal.role) {
    case 'admin':
      return 'all';
    case 'county_office':
      return [principal.countyCode];
    case 'broker':
      return principal.counties;
    default:
      return [];
  }
}

/** The actor id written into event metadata: role and subject. */
export const actorOf = (principal: Principal): string => `${principal.role}:${principal.sub}`;

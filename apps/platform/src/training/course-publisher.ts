import type { CoursePublisher } from '@contracts';
import {
  canActForCounty,
  canActForStation,
  canActForWorkshop,
  isCountyOffice,
  type Principal,
} from '@lib/auth';

/**
 * Who a course is published by when the body names no publisher: a workshop or a station publishes its own
 * courses, anyone else (a county office, the admin) for the county office of the course's county.
 */
export function defaultPublisher(principal: Principal, countyCode: string): CoursePublisher {
  if (principal.role === 'workshop') return { type: 'workshop', id: principal.workshopId };
  if (principal.role === 'station') return { type: 'labour_station', id: principal.stationId };
  return { type: 'county_office', id: countyCode };
}

/** Whether the principal is (or acts for) the publisher: the office of its county, the workshop, the station. */
export function mayActForPublisher(principal: Principal, publisher: CoursePublisher): boolean {
  switch (publisher.type) {
    case 'county_office':
      return isCountyOffice(principal, publisher.id);
    case 'workshop':
      return canActForWorkshop(principal, publisher.id);
    case 'labour_station':
      return canActForStation(principal, publisher.id);
  }
}

/** Who may see who holds a course's seats: those who act for its county or run it. */
export const maySeeTrainees = (
  principal: Principal,
  course: { readonly countyCode: string; readonly publisher: CoursePublisher },
): boolean =>
  canActForCounty(principal, course.countyCode) || mayActForPublisher(principal, course.publisher);

/** A station managed by the province, a prefecture (`5204` + `00`) or a county covers the counties under it. */
export function regionCoversCounty(regionCode: string, countyCode: string): boolean {
  if (regionCode.endsWith('0000')) return countyCode.startsWith(regionCode.slice(0, 2));
  if (regionCode.endsWith('00')) return countyCode.startsWith(regionCode.slice(0, 4));
  return regionCode === countyCode;
}

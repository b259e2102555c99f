import type { VacancySource } from '@contracts';
import { canActForStation, canActForWorkshop, isCountyOffice, type Principal } from '@lib/auth';

/**
 * Who posts for a source, and so who may change or withdraw its vacancies: the station itself, the workshop
 * itself, the county office whose code is a public-welfare post's source id; the admin for any.
 */
export function mayActForSource(principal: Principal, source: VacancySource): boolean {
  switch (source.type) {
    case 'labour_station':
      return canActForStation(principal, source.id);
    case 'workshop':
      return canActForWorkshop(principal, source.id);
    case 'public_welfare':
      return isCountyOffice(principal, source.id);
  }
}

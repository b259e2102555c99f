import type { DomainEvent, VacancySource } from '@contracts';
import { countyOfficeName } from '@lib/domain/employers/vacancy-employer';

/**
 * The names a summary line shows for a vacancy: its employer's (from the register), else its poster's (a
 * station, a workshop, the county office of a welfare post). A few thousand names, kept in memory.
 */
export class OfferNames {
  private readonly employers = new Map<string, string>();
  private readonly posters = new Map<string, string>();

  apply(event: DomainEvent): void {
    switch (event.type) {
      case 'EmployerRegistered':
        this.employers.set(event.data.employerId, event.data.name);
        break;
      case 'LabourStationRegistered':
        this.posters.set(`labour_station:${event.data.stationId}`, event.data.name);
        break;
      case 'WorkshopCertified':
        this.posters.set(`workshop:${event.data.workshopId}`, event.data.name);
        break;
      default:
        break;
    }
  }

  poster(source: VacancySource): string {
    if (source.type === 'public_welfare') return countyOfficeName(source.id);
    return this.posters.get(`${source.type}:${source.id}`) ?? source.id;
  }

  /** The employer's name, or the poster's when the vacancy names no employer (or one not seen yet). */
  employer(posting: { readonly employerId?: string; readonly source: VacancySource }): string {
    const named = posting.employerId === undefined ? undefined : this.employers.get(posting.employerId);
    return named ?? this.poster(posting.source);
  }
}

import type {
  CertifyWorkshopBody,
  PostVacancyBody,
  RegisterHouseholdBody,
  RegisterLabourStationBody,
  ReportEmploymentBody,
} from '@contracts/http';

/**
 * Where a loader sends seed commands: one method per command, each taking the body as the contract's
 * schema parsed it and answering the id the platform assigned. The platform implements it on its command
 * bus (apps/platform/src/seeding), so seeded data go through the same handlers and deciders as HTTP.
 */
export interface SeedTarget {
  registerLabourStation(body: RegisterLabourStationBody): Promise<string>;
  certifyWorkshop(body: CertifyWorkshopBody): Promise<string>;
  postVacancy(body: PostVacancyBody): Promise<string>;
  /** Answers the household id; worker ids are `<householdId>.<memberNo>`. */
  registerHousehold(body: RegisterHouseholdBody): Promise<string>;
  reportEmployment(workerId: string, body: ReportEmploymentBody): Promise<string>;
}

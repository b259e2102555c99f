import type {
  CertifyWorkshopBody,
  EndEmploymentBody,
  PlaceWorkerBody,
  PostVacancyBody,
  RecordFollowUpBody,
  RegisterEmployerBody,
  RegisterHouseholdBody,
  RegisterLabourStationBody,
  ReportEmploymentBody,
} from '@contracts/http';

/**
 * Where a loader sends seed commands: one method per command, each taking the body as the contract's
 * schema parsed it and answering the id the platform assigned. The platform implements it on its command
 * bus (apps/platform/src/seeding), so seeded data go through the same handlers and deciders as HTTP.
 * `at` is the instant the command happens (the command's clock); undefined means now.
 */
export interface SeedTarget {
  registerLabourStation(body: RegisterLabourStationBody, at?: string): Promise<string>;
  certifyWorkshop(body: CertifyWorkshopBody, at?: string): Promise<string>;
  /** Answers the employer id (the one its credit code derives, also when it was registered before). */
  registerEmployer(body: RegisterEmployerBody, at?: string): Promise<string>;
  postVacancy(body: PostVacancyBody, at?: string): Promise<string>;
  /** Answers the household id; worker ids are `<householdId>.<memberNo>`. */
  registerHousehold(body: RegisterHouseholdBody, at?: string): Promise<string>;
  reportEmployment(workerId: string, body: ReportEmploymentBody, at?: string): Promise<string>;
  /** Answers the placement id. */
  placeWorker(body: PlaceWorkerBody, at?: string): Promise<string>;
  /** Ends the worker's current employment, reported or placed, at `at`. */
  endEmployment(workerId: string, body: EndEmploymentBody, at?: string): Promise<void>;
  /** Records a follow-up of the worker's current placement. */
  recordFollowUp(workerId: string, body: RecordFollowUpBody, at?: string): Promise<void>;
}

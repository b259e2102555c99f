import type { z } from 'zod';
import type {
  certifyWorkshopBody,
  postVacancyBody,
  registerHouseholdBody,
  registerLabourStationBody,
  reportEmploymentBody,
} from '@contracts/http';

/**
 * The seed commands a loader sends through the real command path, in dependency order. Ids the
 * platform assigns (station, workshop, vacancy, household) appear here as seed references (`ref`);
 * the loader maps each ref to the id the platform answered and substitutes it where a command names
 * a ref (`sourceRef`, `householdRef`). Relocation-site ids are not assigned by the platform: they are
 * sent as they are. Bodies are the HTTP bodies of contracts/src/http (the schemas in contracts/src/http), as sent.
 */

export type LabourStationBody = z.input<typeof registerLabourStationBody>;
export type WorkshopBody = z.input<typeof certifyWorkshopBody>;
/** For labour_station and workshop sources `source.id` holds the seed ref until the loader substitutes it. */
export type VacancyBody = z.input<typeof postVacancyBody>;
export type HouseholdBody = z.input<typeof registerHouseholdBody>;
export type HouseholdMemberBody = HouseholdBody['members'][number];
/** POST /v1/workers/:id/employment-reports: employment found outside the platform. */
export type EmploymentReportBody = z.input<typeof reportEmploymentBody>;

export type SeedCommand =
  | { kind: 'registerLabourStation'; ref: string; body: LabourStationBody }
  | { kind: 'certifyWorkshop'; ref: string; body: WorkshopBody }
  | {
      kind: 'postVacancy';
      ref: string;
      /** The station or workshop ref to put in body.source.id; absent for public_welfare (a county code). */
      sourceRef?: string;
      body: VacancyBody;
    }
  | { kind: 'registerHousehold'; ref: string; body: HouseholdBody }
  | {
      kind: 'reportEmployment';
      householdRef: string;
      /** 1-based: the worker id is `<householdId>.<memberNo>`. */
      memberNo: number;
      /** Where the job came from (station, workshop or welfare programme ref); not part of the body. */
      via?: string;
      body: EmploymentReportBody;
    };

export type SeedCommandKind = SeedCommand['kind'];

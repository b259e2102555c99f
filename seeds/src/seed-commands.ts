import type {
  Channel,
  EmploymentReportSource,
  Gender,
  LabourCapacity,
  VacancySourceType,
  WagePeriod,
  WorkPreference,
} from '@contracts/values';

/**
 * The seed commands a loader sends through the real command path, in dependency order. Ids the
 * platform assigns (station, workshop, vacancy, household) appear here as seed references (`ref`);
 * the loader maps each ref to the id the platform answered and substitutes it where a command names
 * a ref (`sourceRef`, `householdRef`). Relocation-site ids are not assigned by the platform: they are
 * sent as they are.
 * Bodies follow DESIGN.md §6.1.
 */

export interface LabourStationBody {
  name: string;
  hostProvince: string;
  hostCity: string;
  managingRegionCode: string;
}

export interface WorkshopBody {
  name: string;
  countyCode: string;
  relocationSiteId: string;
  sector: string;
}

export interface VacancyBody {
  /** For labour_station and workshop sources `id` holds the seed ref until the loader substitutes it. */
  source: { type: VacancySourceType; id: string };
  title: string;
  occupation: string;
  skills: string[];
  location: { province: string; city: string; countyCode?: string };
  openings: number;
  wage: { min: number; max: number; period: WagePeriod };
  ageRange: { min: number; max: number };
  labourCapacities: LabourCapacity[];
  accommodation: boolean;
  flexibleHours?: boolean;
  expiresAt: string;
  welfare?: { monthlySubsidy: number; termMonths: number };
}

export interface HouseholdMemberBody {
  name: string;
  idNumber: string;
  birthYear: number;
  gender: Gender;
  labourCapacity: LabourCapacity;
  skills: string[];
  preference: WorkPreference;
  expectedMonthlyWage: number;
}

export interface HouseholdBody {
  countyCode: string;
  relocationSiteId: string;
  members: HouseholdMemberBody[];
}

/** POST /v1/workers/:id/employment-reports: employment found outside the platform. */
export interface EmploymentReportBody {
  channel: Channel;
  employer?: string;
  source: EmploymentReportSource;
  startDate: string;
}

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

import type { z } from 'zod';
import type {
  certifyWorkshopBody,
  endEmploymentBody,
  postVacancyBody,
  recordFollowUpBody,
  registerHouseholdBody,
  registerEmployerBody,
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
export type EmployerBody = z.input<typeof registerEmployerBody>;
/** For labour_station and workshop sources `source.id` holds the seed ref until the loader substitutes it. */
export type VacancyBody = z.input<typeof postVacancyBody>;
export type HouseholdBody = z.input<typeof registerHouseholdBody>;
export type HouseholdMemberBody = HouseholdBody['members'][number];
/** POST /v1/workers/:id/employment-reports: employment found outside the platform. */
export type EmploymentReportBody = z.input<typeof reportEmploymentBody>;
/** POST /v1/employment-reports/:id/end (or /v1/placements/:id/end): the end is at the command's time. */
export type EndEmploymentBody = Omit<z.input<typeof endEmploymentBody>, 'endedAt'>;

/** POST /v1/placements/:id/follow-ups: a job-retention visit (稳岗回访). */
export type FollowUpBody = z.input<typeof recordFollowUpBody>;

/**
 * When a command happens (an ISO instant, not in the future of the seed's `now`): the loader runs it with a
 * clock at that instant, so its events are dated then and the monitor opens and clears cases then. Without it,
 * the command happens when it is sent. A stream with times gives them in order.
 */
interface Timed {
  at?: string;
}

export type SeedCommand = Timed &
  (
    | { kind: 'registerLabourStation'; ref: string; body: LabourStationBody }
    | { kind: 'certifyWorkshop'; ref: string; body: WorkshopBody }
    | { kind: 'registerEmployer'; ref: string; body: EmployerBody }
    | {
        kind: 'postVacancy';
        ref: string;
        /** The station or workshop ref to put in body.source.id; absent for public_welfare (a county code). */
        sourceRef?: string;
        /** The employer ref to put in body.employerId; absent when the poster is the employer. */
        employerRef?: string;
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
      }
    | {
        /** A broker places the member on the vacancy (POST /v1/placements); its start date is the day of `at`. */
        kind: 'placeWorker';
        householdRef: string;
        memberNo: number;
        vacancyRef: string;
      }
    | {
        /** The member's current employment (reported or placed) ends: e.g. a returnee (返乡回流). */
        kind: 'endEmployment';
        householdRef: string;
        memberNo: number;
        body: EndEmploymentBody;
      }
    | {
        /** A follow-up of the member's current placement (稳岗回访). */
        kind: 'recordFollowUp';
        householdRef: string;
        memberNo: number;
        body: FollowUpBody;
      }
  );

export type SeedCommandKind = SeedCommand['kind'];

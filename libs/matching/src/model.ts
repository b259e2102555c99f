/**
 * Input types of the matching engine. They are deliberately independent of the event schemas: the
 * application maps its read models onto them. They carry no gender, ethnicity or family situation, so
 * nothing the scorer sees can penalise a person for them.
 */

import { yearOf } from '@lib/domain/shared/business-dates';

export type LabourCapacity = 'full' | 'partial' | 'weak';

/** Where a job-seeker is willing to work. `local` means their own county (the 15-minute circle and around). */
export type WorkPreference = 'local' | 'in_province' | 'out_of_province' | 'any';

/** Who posted the vacancy. `employer` is an ordinary in-province firm. */
export type VacancySource = 'labour_station' | 'employer' | 'workshop' | 'public_welfare' | 'flexible';

export type VacancyStatus = 'open' | 'closed';

export interface MatchingWorker {
  readonly id: string;
  readonly householdId: string;
  readonly birthYear: number;
  readonly labourCapacity: LabourCapacity;
  readonly preference: WorkPreference;
  readonly skills: readonly string[];
  readonly trainings: readonly string[];
  /** Yuan per month; undefined when the person gave none. */
  readonly expectedMonthlyWage?: number;
  readonly returnee: boolean;
  readonly relocationSiteId: string;
  readonly countyCode: string;
  readonly prefectureCode: string;
  /** Already in a job: one job per worker, so such a worker is never matched. */
  readonly employed: boolean;
}

export interface MatchingHousehold {
  readonly id: string;
  readonly countyCode: string;
  /** Members with labour capacity (full, partial or weak). */
  readonly labourCapable: number;
  /** Members currently employed. */
  readonly employed: number;
}

/** A zero-employment household: the plan's first aim is to cover it (one member placed). */
export const needsCover = (household: MatchingHousehold): boolean => household.employed === 0;

export interface VacancyLocation {
  readonly provinceIsGuizhou: boolean;
  readonly prefectureCode?: string;
  /** The effective county: a public-welfare post is in the county that runs it. */
  readonly countyCode?: string;
  readonly relocationSiteId?: string;
  /** For out-of-province posts collected by a labour station: the Guizhou prefecture it serves. */
  readonly partnerPrefectureCode?: string;
}

export interface MatchingVacancy {
  readonly id: string;
  /** The station, workshop, county office or employer that posted it (used to diversify recommendations). */
  readonly posterId: string;
  readonly source: VacancySource;
  readonly occupation: string;
  readonly requiredSkills: readonly string[];
  readonly location: VacancyLocation;
  readonly remainingOpenings: number;
  readonly wageMin: number;
  readonly wageMax: number;
  readonly ageMin: number;
  readonly ageMax: number;
  readonly acceptedCapacities: readonly LabourCapacity[];
  /** Public-welfare posts and posts with flexible hours: the only work weak capacity is placed in. */
  readonly takesWeakCapacity: boolean;
  /** A public-welfare post: county-run, for the county's own residents. */
  readonly welfarePost: boolean;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly status: VacancyStatus;
}

/** Time enters from outside (command metadata), never from the clock inside the engine. */
export interface MatchingContext {
  /** Epoch milliseconds. */
  readonly now: number;
}

let lastNow = NaN;
let lastYear = 0;

/** The calendar year of `ctx.now` in Guizhou. Runs for every candidate pair, so it is memoised. */
export function yearAt(ctx: MatchingContext): number {
  if (ctx.now !== lastNow) {
    lastYear = yearOf(ctx.now);
    lastNow = ctx.now;
  }
  return lastYear;
}

/** Age in whole years as counted by birth year (as the placement rules count it). */
export function ageAt(worker: Pick<MatchingWorker, 'birthYear'>, ctx: MatchingContext): number {
  return yearAt(ctx) - worker.birthYear;
}

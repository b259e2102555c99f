import type {
  AgeRange,
  LabourCapacity,
  VacancyDetails,
  VacancySource,
  WageRange,
  WelfareTerms,
  WorkLocation,
} from '@contracts';

/** The details are optional: a vacancy posted without them (as before they existed) is still a vacancy. */
export interface PostVacancy extends VacancyDetails {
  readonly type: 'PostVacancy';
  readonly vacancyId: string;
  readonly source: VacancySource;
  readonly title: string;
  readonly occupation: string;
  readonly skills: readonly string[];
  readonly location: WorkLocation;
  readonly openings: number;
  readonly wage: WageRange;
  readonly ageRange: AgeRange;
  readonly labourCapacities: readonly LabourCapacity[];
  readonly accommodation: boolean;
  readonly flexibleHours?: boolean;
  readonly expiresAt: string;
  readonly welfare?: WelfareTerms;
  readonly now: string;
}

interface VacancyCommandBase {
  readonly vacancyId: string;
  readonly now: string;
}

export type VacancyCommand =
  | PostVacancy
  | (VacancyCommandBase & { readonly type: 'ChangeOpenings'; readonly openings: number })
  | (VacancyCommandBase & { readonly type: 'ExtendExpiry'; readonly expiresAt: string })
  | (VacancyCommandBase & { readonly type: 'WithdrawVacancy'; readonly reason?: string })
  | (VacancyCommandBase & { readonly type: 'ExpireVacancy' })
  | (VacancyCommandBase & {
      readonly type: 'ReserveOpening';
      readonly placementId: string;
      readonly workerId: string;
      readonly householdId: string;
    })
  | (VacancyCommandBase & { readonly type: 'ConfirmReservation'; readonly placementId: string })
  | (VacancyCommandBase & {
      readonly type: 'ReleaseReservation';
      readonly placementId: string;
      /** A rejection code or a short reason. */
      readonly reason: string;
    });

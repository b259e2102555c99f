import { z } from 'zod';
import {
  entityId,
  guizhouCountyCode,
  guizhouRegionCode,
  householdId,
  isoDateTime,
  labourCapacity,
  placementId,
  reasonText,
  regionCode,
  relocationSiteId,
  shortText,
  skillTag,
  skills,
  stationId,
  vacancyId,
  vacancySourceType,
  wagePeriod,
  workerId,
  workshopId,
  yuan,
} from '../values';
import { defineEvent, type EventOf } from './define-event';

export const LabourStationRegistered = defineEvent(
  'LabourStationRegistered',
  1,
  z
    .object({
      stationId,
      name: shortText,
      hostProvince: shortText,
      hostCity: shortText,
      /** Guizhou (520000), the prefecture or the county that runs the station. */
      managingRegionCode: guizhouRegionCode,
      registeredAt: isoDateTime,
    })
    .strict(),
);

export const WorkshopCertified = defineEvent(
  'WorkshopCertified',
  1,
  z
    .object({
      workshopId,
      name: shortText,
      countyCode: guizhouCountyCode,
      relocationSiteId,
      sector: skillTag,
      certifiedAt: isoDateTime,
    })
    .strict(),
);

export const WorkshopDecertified = defineEvent(
  'WorkshopDecertified',
  1,
  z.object({ workshopId, reason: reasonText, decertifiedAt: isoDateTime }).strict(),
);

export const vacancySource = z.object({ type: vacancySourceType, id: entityId }).strict();
export const workLocation = z
  .object({ province: shortText, city: shortText, countyCode: regionCode.optional() })
  .strict();
export const wageRange = z.object({ min: yuan, max: yuan, period: wagePeriod }).strict();
export const ageRange = z
  .object({ min: z.number().int().min(16).max(70), max: z.number().int().min(16).max(70) })
  .strict();
export const welfareTerms = z
  .object({ monthlySubsidy: yuan, termMonths: z.number().int().min(1).max(60) })
  .strict();

export const VacancyPosted = defineEvent(
  'VacancyPosted',
  1,
  z
    .object({
      vacancyId,
      source: vacancySource,
      title: shortText,
      occupation: skillTag,
      skills,
      location: workLocation,
      openings: z.number().int().min(1).max(10_000),
      wage: wageRange,
      ageRange,
      labourCapacities: z.array(labourCapacity).min(1),
      accommodation: z.boolean(),
      flexibleHours: z.boolean().optional(),
      expiresAt: isoDateTime,
      /** Present exactly when the source is public_welfare. */
      welfare: welfareTerms.optional(),
      postedAt: isoDateTime,
    })
    .strict()
    .refine((v) => (v.source.type === 'public_welfare') === (v.welfare !== undefined), {
      error: 'welfare is required for a public_welfare vacancy and forbidden otherwise',
      path: ['welfare'],
    }),
);

export const VacancyOpeningsChanged = defineEvent(
  'VacancyOpeningsChanged',
  1,
  z
    .object({
      vacancyId,
      openings: z.number().int().min(0).max(10_000),
      previousOpenings: z.number().int().min(0).max(10_000),
      changedAt: isoDateTime,
    })
    .strict(),
);

export const VacancyExpiryExtended = defineEvent(
  'VacancyExpiryExtended',
  1,
  z
    .object({ vacancyId, expiresAt: isoDateTime, previousExpiresAt: isoDateTime, extendedAt: isoDateTime })
    .strict(),
);

export const VacancyWithdrawn = defineEvent(
  'VacancyWithdrawn',
  1,
  z.object({ vacancyId, reason: reasonText.optional(), withdrawnAt: isoDateTime }).strict(),
);

export const VacancyExpired = defineEvent(
  'VacancyExpired',
  1,
  z.object({ vacancyId, expiredAt: isoDateTime }).strict(),
);

/** Step 1 of the placement saga: an opening held for a placement until confirmed or released. */
export const VacancyOpeningReserved = defineEvent(
  'VacancyOpeningReserved',
  1,
  z.object({ vacancyId, placementId, workerId, householdId, reservedAt: isoDateTime }).strict(),
);

export const VacancyReservationConfirmed = defineEvent(
  'VacancyReservationConfirmed',
  1,
  z.object({ vacancyId, placementId, confirmedAt: isoDateTime }).strict(),
);

/** Compensation: the household refused the placement, or recovery voided it. `reason` is a rejection code. */
export const VacancyReservationReleased = defineEvent(
  'VacancyReservationReleased',
  1,
  z.object({ vacancyId, placementId, reason: reasonText, releasedAt: isoDateTime }).strict(),
);

export const POSTINGS_EVENTS = [
  LabourStationRegistered,
  WorkshopCertified,
  WorkshopDecertified,
  VacancyPosted,
  VacancyOpeningsChanged,
  VacancyExpiryExtended,
  VacancyWithdrawn,
  VacancyExpired,
  VacancyOpeningReserved,
  VacancyReservationConfirmed,
  VacancyReservationReleased,
] as const;

export type PostingsEvent = EventOf<(typeof POSTINGS_EVENTS)[number]>;
export type VacancySource = z.infer<typeof vacancySource>;
export type WorkLocation = z.infer<typeof workLocation>;
export type WageRange = z.infer<typeof wageRange>;
export type AgeRange = z.infer<typeof ageRange>;
export type WelfareTerms = z.infer<typeof welfareTerms>;

import { z } from 'zod';
import {
  recordedText,
  entityId,
  guizhouCountyCode,
  guizhouRegionCode,
  householdId,
  isoDateTime,
  labourCapacity,
  placementId,
  regionCode,
  relocationSiteId,
  legacySkillTags,
  occupationCode,
  skillTag,
  skills,
  stationId,
  vacancyId,
  vacancySourceType,
  wagePeriod,
  workerId,
  workshopId,
  yuan,
  contactPhone,
  socialInsuranceTerms,
} from '../values';
import { defineEvent, type EventOf } from './define-event';
import { AT, HOUSEHOLD, PLACEMENT, VACANCY, WORKER } from './example-values';
import { codeOfTag, skillsOfTags } from './legacy-skills';

export const LabourStationRegistered = defineEvent({
  type: 'LabourStationRegistered',
  version: 1,
  stream: 'labourStation',
  time: 'registeredAt',
  schema: z
    .object({
      stationId,
      name: recordedText(200),
      hostProvince: recordedText(200),
      hostCity: recordedText(200),
      /** Guizhou (520000), the prefecture or the county that runs the station. */
      managingRegionCode: guizhouRegionCode,
      registeredAt: isoDateTime,
    })
    .strict(),
  example: {
    stationId: 'station-gz-001',
    name: '贵州省驻广州劳务协作站',
    hostProvince: '广东省',
    hostCity: '广州市',
    managingRegionCode: '520500',
    registeredAt: AT,
  },
});

export const WorkshopCertified = defineEvent({
  type: 'WorkshopCertified',
  version: 1,
  stream: 'workshop',
  time: 'certifiedAt',
  schema: z
    .object({
      workshopId,
      name: recordedText(200),
      countyCode: guizhouCountyCode,
      relocationSiteId,
      sector: skillTag,
      certifiedAt: isoDateTime,
    })
    .strict(),
  example: {
    workshopId: 'workshop-001',
    name: '织金县绣娘帮扶车间',
    countyCode: '520524',
    relocationSiteId: 'site-520524-01',
    sector: 'garments',
    certifiedAt: AT,
  },
});

export const WorkshopDecertified = defineEvent({
  type: 'WorkshopDecertified',
  version: 1,
  stream: 'workshop',
  time: 'decertifiedAt',
  schema: z.object({ workshopId, reason: recordedText(500), decertifiedAt: isoDateTime }).strict(),
  example: { workshopId: 'workshop-001', reason: '停产', decertifiedAt: AT },
});

export const vacancySource = z.object({ type: vacancySourceType, id: entityId }).strict();
export const workLocation = z
  .object({ province: recordedText(200), city: recordedText(200), countyCode: regionCode.optional() })
  .strict();
export const wageRange = z.object({ min: yuan, max: yuan, period: wagePeriod }).strict();
export const ageRange = z
  .object({ min: z.number().int().min(16).max(70), max: z.number().int().min(16).max(70) })
  .strict();
export const welfareTerms = z
  .object({ monthlySubsidy: yuan, termMonths: z.number().int().min(1).max(60) })
  .strict();

/**
 * What a worker asks before going: who the employer is, the hours, the contract, insurance, meals and a
 * person to call. All optional, so vacancies posted before these fields existed stay valid.
 */
export const vacancyDetails = {
  /** The employer register's id; absent when the poster is the employer (a workshop, a welfare post). */
  employerId: entityId.optional(),
  description: recordedText(2000).optional(),
  workingHours: recordedText(200).optional(),
  contractTerms: recordedText(200).optional(),
  socialInsurance: socialInsuranceTerms.optional(),
  /** Meals provided; with `accommodation` it is 包吃住. */
  meals: z.boolean().optional(),
  contact: z
    .object({ name: recordedText(100), phone: contactPhone })
    .strict()
    .optional(),
};

/**
 * The fields of a posting, every version alike apart from the occupation and skills (a field added here is
 * added to every version, which keeps old events readable: new fields are optional).
 */
const vacancyPostedFields = {
  vacancyId,
  source: vacancySource,
  title: recordedText(200),
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
  ...vacancyDetails,
  postedAt: isoDateTime,
};
const welfareExactlyForWelfarePosts = (v: { source: { type: string }; welfare?: unknown }) =>
  (v.source.type === 'public_welfare') === (v.welfare !== undefined);
const welfareIssue = {
  error: 'welfare is required for a public_welfare vacancy and forbidden otherwise',
  path: ['welfare'],
};
const vacancyExample = {
  vacancyId: VACANCY,
  source: { type: 'labour_station' as const, id: 'station-gz-001' },
  title: '缝纫工',
  location: { province: '广东省', city: '广州市', countyCode: '440106' },
  openings: 5,
  wage: { min: 4500, max: 6000, period: 'month' as const },
  ageRange: { min: 18, max: 50 },
  labourCapacities: ['full' as const, 'partial' as const],
  accommodation: true,
  expiresAt: '2027-01-31T00:00:00Z',
  postedAt: AT,
} satisfies Partial<z.output<z.ZodObject<typeof vacancyPostedFields>>>;

/** v1 (superseded, read through VacancyPosted's upcast): the occupation and skills as tags. */
export const VacancyPostedV1 = defineEvent({
  type: 'VacancyPosted',
  version: 1,
  stream: 'vacancy',
  time: 'postedAt',
  schema: z
    .object({ ...vacancyPostedFields, occupation: skillTag, skills: legacySkillTags })
    .strict()
    .refine(welfareExactlyForWelfarePosts, welfareIssue),
  example: { ...vacancyExample, occupation: 'sewing_machinist', skills: ['sewing'] },
});

export const VacancyPosted = defineEvent({
  type: 'VacancyPosted',
  version: 2,
  stream: 'vacancy',
  time: 'postedAt',
  schema: z
    .object({
      ...vacancyPostedFields,
      /** 职业分类大典 code of the post (6-05-01-03 缝纫工). */
      occupation: occupationCode,
      /** The occupations a candidate should be able to do; matched against the worker's skills. */
      skills,
      /** The occupation tag of a v1 event no code stood for (its occupation is then 8-00-00-00). */
      unmappedOccupation: skillTag.optional(),
      unmappedSkills: legacySkillTags.min(1).optional(),
    })
    .strict()
    .refine(welfareExactlyForWelfarePosts, welfareIssue),
  example: { ...vacancyExample, occupation: '6-05-01-03', skills: ['6-05-01-03'] },
  previous: VacancyPostedV1,
  /** Tags become codes (`sewing_machinist` → 6-05-01-03, `sewing` → 6-05-01-03). */
  upcast: ({ occupation: tag, skills: tags, ...rest }) => {
    const { code, unmapped } = codeOfTag(tag);
    const occupation =
      unmapped === undefined ? { occupation: code } : { occupation: code, unmappedOccupation: unmapped };
    return { ...rest, ...occupation, ...skillsOfTags(tags) };
  },
});

export const VacancyOpeningsChanged = defineEvent({
  type: 'VacancyOpeningsChanged',
  version: 1,
  stream: 'vacancy',
  time: 'changedAt',
  schema: z
    .object({
      vacancyId,
      openings: z.number().int().min(0).max(10_000),
      previousOpenings: z.number().int().min(0).max(10_000),
      changedAt: isoDateTime,
    })
    .strict(),
  example: { vacancyId: VACANCY, openings: 8, previousOpenings: 5, changedAt: AT },
});

export const VacancyExpiryExtended = defineEvent({
  type: 'VacancyExpiryExtended',
  version: 1,
  stream: 'vacancy',
  time: 'extendedAt',
  schema: z
    .object({ vacancyId, expiresAt: isoDateTime, previousExpiresAt: isoDateTime, extendedAt: isoDateTime })
    .strict(),
  example: {
    vacancyId: VACANCY,
    expiresAt: '2027-06-30T00:00:00Z',
    previousExpiresAt: '2027-01-31T00:00:00Z',
    extendedAt: AT,
  },
});

export const VacancyWithdrawn = defineEvent({
  type: 'VacancyWithdrawn',
  version: 1,
  stream: 'vacancy',
  time: 'withdrawnAt',
  schema: z.object({ vacancyId, reason: recordedText(500).optional(), withdrawnAt: isoDateTime }).strict(),
  example: { vacancyId: VACANCY, reason: 'filled elsewhere', withdrawnAt: AT },
});

export const VacancyExpired = defineEvent({
  type: 'VacancyExpired',
  version: 1,
  stream: 'vacancy',
  time: 'expiredAt',
  schema: z.object({ vacancyId, expiredAt: isoDateTime }).strict(),
  example: { vacancyId: VACANCY, expiredAt: '2027-01-31T00:00:00Z' },
});

/** Step 1 of the placement saga: an opening held for a placement until confirmed or released. */
export const VacancyOpeningReserved = defineEvent({
  type: 'VacancyOpeningReserved',
  version: 1,
  stream: 'vacancy',
  time: 'reservedAt',
  schema: z.object({ vacancyId, placementId, workerId, householdId, reservedAt: isoDateTime }).strict(),
  example: {
    vacancyId: VACANCY,
    placementId: PLACEMENT,
    workerId: WORKER,
    householdId: HOUSEHOLD,
    reservedAt: AT,
  },
});

export const VacancyReservationConfirmed = defineEvent({
  type: 'VacancyReservationConfirmed',
  version: 1,
  stream: 'vacancy',
  time: 'confirmedAt',
  schema: z.object({ vacancyId, placementId, confirmedAt: isoDateTime }).strict(),
  example: { vacancyId: VACANCY, placementId: PLACEMENT, confirmedAt: AT },
});

/** Compensation: the household refused the placement, or recovery voided it. `reason` is a rejection code. */
export const VacancyReservationReleased = defineEvent({
  type: 'VacancyReservationReleased',
  version: 1,
  stream: 'vacancy',
  time: 'releasedAt',
  schema: z.object({ vacancyId, placementId, reason: recordedText(500), releasedAt: isoDateTime }).strict(),
  example: {
    vacancyId: VACANCY,
    placementId: PLACEMENT,
    reason: 'worker_already_employed',
    releasedAt: AT,
  },
});

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
/** The optional details of a vacancy (employer, hours, contract, insurance, meals, contact). */
export type VacancyDetails = z.infer<z.ZodObject<typeof vacancyDetails>>;

import { z } from 'zod';
import {
  ageRange,
  vacancyDetails,
  vacancySource,
  wageRange,
  welfareTerms,
  workLocation,
} from '../events/postings.events';
import { isGuizhouCountyCode } from '../regions/guizhou-divisions';
import {
  entityId,
  guizhouCountyCode,
  guizhouRegionCode,
  isoDateTime,
  labourCapacity,
  reasonText,
  relocationSiteId,
  shortText,
  occupationInput,
  skillTag,
  skillsInput,
  vacancySourceType,
} from '../values';
import { pageQuery } from './page-query';

// POST /v1/labour-stations
export const registerLabourStationBody = z
  .object({
    name: shortText,
    hostProvince: shortText,
    hostCity: shortText,
    managingRegionCode: guizhouRegionCode,
  })
  .strict()
  .meta({ id: 'RegisterLabourStationBody' });
export type RegisterLabourStationBody = z.infer<typeof registerLabourStationBody>;

// POST /v1/workshops
export const certifyWorkshopBody = z
  .object({ name: shortText, countyCode: guizhouCountyCode, relocationSiteId, sector: skillTag })
  .strict()
  .meta({ id: 'CertifyWorkshopBody' });
export type CertifyWorkshopBody = z.infer<typeof certifyWorkshopBody>;

export const openings = z.number().int('openings must be a whole number').min(1).max(10_000);

// POST /v1/vacancies
export const postVacancyBody = z
  .object({
    source: vacancySource,
    title: shortText,
    /** 职业分类大典 code (6-05-01-03 缝纫工); legacy tags such as `sewing_machinist` are accepted. */
    occupation: occupationInput,
    skills: skillsInput.default([]),
    location: workLocation.extend({ province: shortText, city: shortText }),
    openings,
    wage: wageRange,
    ageRange,
    /** A vacancy is for people who can work: `none` is not a capacity a post accepts. */
    labourCapacities: z
      .array(labourCapacity.exclude(['none']))
      .min(1)
      .refine((list) => new Set(list).size === list.length, { error: 'labourCapacities has duplicates' }),
    accommodation: z.boolean().default(false),
    flexibleHours: z.boolean().optional(),
    expiresAt: isoDateTime,
    welfare: welfareTerms.optional(),
    ...vacancyDetails,
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.wage.min > body.wage.max) {
      ctx.addIssue({ code: 'custom', path: ['wage', 'max'], message: 'wage.max must be at least wage.min' });
    }
    if (body.ageRange.min > body.ageRange.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['ageRange', 'max'],
        message: 'ageRange.max must be at least ageRange.min',
      });
    }
    const isWelfare = body.source.type === 'public_welfare';
    if (isWelfare && !body.welfare) {
      ctx.addIssue({
        code: 'custom',
        path: ['welfare'],
        message: 'welfare is required for a public_welfare post',
      });
    }
    if (!isWelfare && body.welfare) {
      ctx.addIssue({
        code: 'custom',
        path: ['welfare'],
        message: 'welfare is only for public_welfare posts',
      });
    }
    if (isWelfare && !isGuizhouCountyCode(body.source.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['source', 'id'],
        message: 'A public_welfare source id is the Guizhou county code that runs the post',
      });
    }
    const county = body.location.countyCode;
    if (isWelfare && county !== undefined && county !== body.source.id) {
      ctx.addIssue({
        code: 'custom',
        path: ['location', 'countyCode'],
        message: 'A public_welfare post is in the county that runs it (its source id)',
      });
    }
    if (county?.startsWith('52') && !isGuizhouCountyCode(county)) {
      ctx.addIssue({ code: 'custom', path: ['location', 'countyCode'], message: 'Not a county of Guizhou' });
    }
  })
  .meta({ id: 'PostVacancyBody' });
export type PostVacancyBody = z.output<typeof postVacancyBody>;

// PATCH /v1/vacancies/:id
export const changeVacancyBody = z
  .object({ openings: openings.optional(), expiresAt: isoDateTime.optional() })
  .strict()
  .refine((b) => b.openings !== undefined || b.expiresAt !== undefined, {
    error: 'Give openings, expiresAt or both',
  })
  .meta({ id: 'ChangeVacancyBody' });
export type ChangeVacancyBody = z.infer<typeof changeVacancyBody>;

// POST /v1/vacancies/:id/withdraw (the body may be empty)
export const withdrawVacancyBody = z
  .object({ reason: reasonText.optional() })
  .strict()
  .meta({ id: 'WithdrawVacancyBody' });
export type WithdrawVacancyBody = z.infer<typeof withdrawVacancyBody>;

export const VACANCY_STATUSES = ['open', 'full', 'withdrawn', 'expired'] as const;
export const vacancyStatus = z.enum(VACANCY_STATUSES);
export type VacancyStatus = z.infer<typeof vacancyStatus>;

// GET /v1/vacancies?county=&source=&status=
export const listVacanciesQuery = z
  .object({
    county: z
      .string()
      .regex(/^\d{6}$/, 'county is a six-digit region code')
      .optional(),
    source: vacancySourceType.optional(),
    sourceId: entityId.optional(),
    status: vacancyStatus.optional(),
    ...pageQuery,
  })
  .strict();
export type ListVacanciesQuery = z.infer<typeof listVacanciesQuery>;

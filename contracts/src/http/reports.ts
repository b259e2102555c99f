import { z } from 'zod';
import { yearMonth } from '../events/welfare-payroll.events';
import { guizhouCountyCode, isoDate, isoDateTime } from '../values';

/**
 * The reports a county answers upward with (issue 15): by relocation site, by labour station, by workshop.
 * Figures only: no row names a person.
 */

const sheetFormat = { format: z.enum(['json', 'xlsx']).optional() };

// GET /v1/counties/:code/reports/sites, GET /v1/counties/:code/reports/workshops
export const reportQuery = z.object(sheetFormat).strict();
export type ReportQuery = z.infer<typeof reportQuery>;

// GET /v1/counties/:code/reports/stations, GET /v1/labour-stations/:stationId/report
export const stationReportQuery = z
  .object({
    /** Placements started in this month or later (YYYY-MM). */
    from: yearMonth.optional(),
    /** Placements started in this month or earlier (YYYY-MM). */
    to: yearMonth.optional(),
    ...sheetFormat,
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    error: 'to must not be before from',
    path: ['to'],
  });
export type StationReportQuery = z.infer<typeof stationReportQuery>;

const count = z.number().int().min(0);
/** A share between 0 and 1; null while nobody is counted. */
const rate = z.number().min(0).max(1).nullable();

const siteFigures = {
  households: count,
  householdsWithLabour: count,
  labourCapableWorkers: count,
  employedWorkers: count,
  coveredHouseholds: count,
  zeroEmploymentHouseholds: count,
  openCases: count,
};

export const siteReportRow = z
  .object({ siteId: z.string(), siteName: z.string().nullable(), ...siteFigures })
  .meta({ id: 'SiteReportRow' });

export const siteReportResponse = z
  .object({
    countyCode: guizhouCountyCode,
    items: z.array(siteReportRow),
    /** The rows summed: equal to the county figures at the same position. */
    totals: z.object(siteFigures),
    position: z.string(),
  })
  .meta({ id: 'SiteReportResponse' });

const retentionFigures = {
  placements: count,
  /** Placements whose start is at least 3 months before today (in Guizhou). */
  eligibleAt3: count,
  /** Of those, the ones not ended before start + 3 months. */
  retainedAt3: count,
  eligibleAt6: count,
  retainedAt6: count,
  retentionRateAt3: rate,
  retentionRateAt6: rate,
};

const window = {
  from: yearMonth.optional(),
  to: yearMonth.optional(),
  /** The day in Guizhou the retention is counted at. */
  today: isoDate,
};

export const stationReportRow = z
  .object({ stationId: z.string(), stationName: z.string().nullable(), ...retentionFigures })
  .meta({ id: 'StationReportRow' });

export const stationReportResponse = z
  .object({
    countyCode: guizhouCountyCode,
    ...window,
    items: z.array(stationReportRow),
    position: z.string(),
  })
  .meta({ id: 'StationReportResponse' });

export const stationOwnReportResponse = z
  .object({
    stationId: z.string(),
    stationName: z.string().nullable(),
    ...retentionFigures,
    byCounty: z.array(z.object({ countyCode: z.string(), ...retentionFigures })),
    ...window,
    position: z.string(),
  })
  .meta({ id: 'StationOwnReportResponse' });

export const workshopReportRow = z
  .object({
    workshopId: z.string(),
    workshopName: z.string().nullable(),
    countyCode: z.string().nullable(),
    decertified: z.boolean(),
    decertifiedAt: isoDateTime.nullable(),
    /** People in work there today through its vacancies, from any county (吸纳). */
    employedNow: count,
    /** Of whom from this county's relocated households. */
    employedNowFromCounty: count,
    placements: count,
    ended: count,
  })
  .meta({ id: 'WorkshopReportRow' });

export const workshopReportResponse = z
  .object({
    countyCode: guizhouCountyCode,
    today: isoDate,
    items: z.array(workshopReportRow),
    position: z.string(),
  })
  .meta({ id: 'WorkshopReportResponse' });

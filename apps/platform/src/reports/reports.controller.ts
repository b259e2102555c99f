import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { z } from 'zod';
import {
  reportQuery,
  siteReportResponse,
  stationId,
  stationOwnReportResponse,
  stationReportQuery,
  stationReportResponse,
  workshopReportResponse,
  type ReportQuery,
  type StationReportQuery,
} from '@contracts';
import {
  canActForStation,
  canReadCounty,
  CurrentPrincipal,
  requireScope,
  Roles,
  type Principal,
} from '@lib/auth';
import { ApiDoc, HttpProblem, ZodParams, ZodQuery } from '@lib/http';
import { sheetFile } from '../excel/list-export';
import { XLSX_MEDIA_TYPE } from '../excel/sheet-writer';
import { MonitorFeed } from '../monitor/monitor-feed';
import { ReadYourWritesInterceptor } from '../monitor/read-your-writes.interceptor';
import { regionCodeParams, requireCounty } from '../monitor/region-codes';
import { ReportQueries } from './report-queries';
import {
  SITE_COLUMNS,
  SITES_SHEET,
  STATION_COLUMNS,
  STATIONS_SHEET,
  WORKSHOP_COLUMNS,
  WORKSHOPS_SHEET,
} from './report-sheets';

const TAGS = ['reports'];
const stationParams = z.object({ stationId }).strict();
const SCOPE =
  'county_office (own county), broker (counties it covers), prefecture_office (its counties), admin; figures only, no names.';
const COMMON =
  'With X-Min-Position it answers once the projections have applied that position. `format=xlsx`: the rows as a sheet with Chinese headers.';
const RETENTION =
  '`from`/`to` (YYYY-MM) keep the placements started in those months. Retention at 3 (6) months: of the placements whose start is at least 3 (6) months before today (the day in Guizhou), those not ended before start + 3 (6) months; a voided placement counts nowhere.';

/** The window of start months a query asks for, without its format. */
const windowOf = ({ from, to }: StationReportQuery) => ({
  ...(from === undefined ? {} : { from }),
  ...(to === undefined ? {} : { to }),
});

/**
 * The reports a county sends upward, cut by relocation site, labour station and workshop, and a labour
 * station's own report. Read models of the monitor's read store, served read-your-writes like the figures.
 */
@Controller('v1')
@UseInterceptors(ReadYourWritesInterceptor)
export class ReportsController {
  constructor(
    private readonly queries: ReportQueries,
    private readonly feed: MonitorFeed,
  ) {}

  @Get('counties/:code/reports/sites')
  @Roles('admin', 'county_office', 'broker', 'prefecture_office')
  @ApiDoc({
    summary: 'The county’s figures by relocation site (安置点); the rows sum to the county figures',
    description: `${SCOPE} ${COMMON}`,
    tags: TAGS,
    responses: {
      200: { description: 'One row per site', schema: siteReportResponse, alsoContentType: XLSX_MEDIA_TYPE },
    },
  })
  async sites(
    @ZodParams(regionCodeParams) params: z.infer<typeof regionCodeParams>,
    @ZodQuery(reportQuery) query: ReportQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    const code = this.readableCounty(params.code, principal);
    const position = this.position();
    const report = await this.queries.sites(code);
    if (query.format === 'xlsx') {
      return sheetFile(SITES_SHEET, {
        sheetName: SITES_SHEET.chinese,
        columns: SITE_COLUMNS,
        items: report.items,
      });
    }
    return { ...report, position };
  }

  @Get('counties/:code/reports/stations')
  @Roles('admin', 'county_office', 'broker', 'prefecture_office')
  @ApiDoc({
    summary:
      'Placements of the county’s households by labour station, with job retention (稳岗) at 3 and 6 months',
    description: `${SCOPE} ${RETENTION} ${COMMON}`,
    tags: TAGS,
    responses: {
      200: {
        description: 'One row per station',
        schema: stationReportResponse,
        alsoContentType: XLSX_MEDIA_TYPE,
      },
    },
  })
  async stations(
    @ZodParams(regionCodeParams) params: z.infer<typeof regionCodeParams>,
    @ZodQuery(stationReportQuery) query: StationReportQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    const code = this.readableCounty(params.code, principal);
    const position = this.position();
    const report = await this.queries.stations(code, windowOf(query));
    if (query.format === 'xlsx') {
      const spec = { sheetName: STATIONS_SHEET.chinese, columns: STATION_COLUMNS, items: report.items };
      return sheetFile(STATIONS_SHEET, spec);
    }
    return { ...report, position };
  }

  @Get('counties/:code/reports/workshops')
  @Roles('admin', 'county_office', 'broker', 'prefecture_office')
  @ApiDoc({
    summary:
      'The county’s assistance workshops (帮扶车间): people employed now (吸纳), placements made and ended',
    description: `${SCOPE} Workshops registered in the county and those that employed its households; decertified ones are kept, marked. ${COMMON}`,
    tags: TAGS,
    responses: {
      200: {
        description: 'One row per workshop',
        schema: workshopReportResponse,
        alsoContentType: XLSX_MEDIA_TYPE,
      },
    },
  })
  async workshops(
    @ZodParams(regionCodeParams) params: z.infer<typeof regionCodeParams>,
    @ZodQuery(reportQuery) query: ReportQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    const code = this.readableCounty(params.code, principal);
    const position = this.position();
    const report = await this.queries.workshops(code);
    if (query.format === 'xlsx') {
      const spec = { sheetName: WORKSHOPS_SHEET.chinese, columns: WORKSHOP_COLUMNS, items: report.items };
      return sheetFile(WORKSHOPS_SHEET, spec);
    }
    return { ...report, position };
  }

  @Get('labour-stations/:stationId/report')
  @Roles('admin', 'station')
  @ApiDoc({
    summary:
      'A labour station’s own report: its placements in every county, with job retention at 3 and 6 months',
    description: `The station itself and the admin (403 for another station); figures only. ${RETENTION} ${COMMON}`,
    tags: TAGS,
    responses: {
      200: {
        description: 'The station’s figures',
        schema: stationOwnReportResponse,
        alsoContentType: XLSX_MEDIA_TYPE,
      },
    },
  })
  async station(
    @ZodParams(stationParams) params: z.infer<typeof stationParams>,
    @ZodQuery(stationReportQuery) query: StationReportQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    requireScope(canActForStation(principal, params.stationId), 'A labour station reads its own report only');
    const position = this.position();
    const report = await this.queries.station(params.stationId, windowOf(query));
    if (!report)
      throw new HttpProblem(404, 'not_found', `Labour station ${params.stationId} is not registered`);
    if (query.format === 'xlsx') {
      const spec = { sheetName: STATIONS_SHEET.chinese, columns: STATION_COLUMNS, items: [report] };
      return sheetFile(STATIONS_SHEET, spec);
    }
    return { ...report, position };
  }

  /** 404 for a code that is not a Guizhou county; 403 outside the principal's counties. */
  private readableCounty(code: string, principal: Principal): string {
    const county = requireCounty(code);
    requireScope(canReadCounty(principal, county), 'This token does not cover that county');
    return county;
  }

  /** Read before the query: the answer reflects at least this position. */
  private position(): string {
    return this.feed.position().toString();
  }
}

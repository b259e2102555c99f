import { Controller, Get, Post } from '@nestjs/common';
import { z } from 'zod';
import {
  monthlyReportHistoryResponse,
  monthlyReportParams,
  monthlyReportResponse,
  monthlyReportSentResponse,
  prefectureMonthlyReportsQuery,
  prefectureMonthlyReportsResponse,
  sendMonthlyReportBody,
  type SendMonthlyReportBody,
} from '@contracts';
import { canReadPrefecture, CurrentPrincipal, requireScope, Roles, type Principal } from '@lib/auth';
import { ApiDoc, ZodBody, ZodParams, ZodQuery } from '@lib/http';
import { CommandCtx, type CommandContext } from '../command-handling/command-context';
import { ownCounty, readableCounty, regionCodeParams, requirePrefecture } from '../monitor/region-codes';
import { sheetFile, withFormat, type ListFormat } from '../excel/list-export';
import { XLSX_MEDIA_TYPE } from '../excel/sheet-writer';
import { REPORT_COLUMNS, reportLines, reportSheetNames } from './monthly-report-sheet';
import { MonthlyReports } from './monthly-reports.service';

const formatQuery = withFormat(z.object({}));

const TAGS = ['monthly reports'];
const SEND_SCOPE = '月报由本县就业部门报送';
const READ_SCOPE = '只能查看本县（或本州市所辖县）的月报';
type Params = z.infer<typeof monthlyReportParams>;

/**
 * The county's monthly report (月报): the office sends it once the month is over, compiled from the log (the
 * figures at the month's end, ADR 0015), and it is kept as sent; a correction is a new revision with its
 * reason. The prefecture office reads its counties' reports and sees which have not sent. Figures only: no
 * personal data.
 */
@Controller('v1')
export class MonthlyReportsController {
  constructor(private readonly reports: MonthlyReports) {}

  @Get('counties/:code/monthly-reports')
  @Roles('admin', 'county_office', 'prefecture_office')
  @ApiDoc({
    summary: 'The county’s monthly reports as sent, newest month first (each month’s last revision)',
    tags: TAGS,
    responses: { 200: { description: 'The reports', schema: monthlyReportHistoryResponse } },
  })
  history(
    @ZodParams(regionCodeParams) params: z.infer<typeof regionCodeParams>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.reports.history(readableCounty(params.code, principal, READ_SCOPE));
  }

  @Get('counties/:code/monthly-reports/:month')
  @Roles('admin', 'county_office', 'prefecture_office')
  @ApiDoc({
    summary: 'A month’s report: as sent (with its revisions), or the draft compiled from the log now',
    description:
      'Sent: `sent` is the last revision, kept as it was sent. Not sent: `draft`, the figures at the month’s end ' +
      '(while the month runs, `monthOver: false` and the figures so far). `format=xlsx`: the report as a printable sheet.',
    tags: TAGS,
    responses: {
      200: { description: 'The month', schema: monthlyReportResponse, alsoContentType: XLSX_MEDIA_TYPE },
    },
  })
  async month(
    @ZodParams(monthlyReportParams) params: Params,
    @ZodQuery(formatQuery) query: ListFormat,
    @CurrentPrincipal() principal: Principal,
  ) {
    const county = readableCounty(params.code, principal, READ_SCOPE);
    const view = await this.reports.month(county, params.month);
    if (query.format !== 'xlsx') return view;
    const names = reportSheetNames(county, params.month);
    return sheetFile(names, { sheetName: '月报', columns: REPORT_COLUMNS, items: reportLines(view) });
  }

  @Post('counties/:code/monthly-reports/:month')
  @Roles('admin', 'county_office')
  @ApiDoc({
    summary: 'Send the month’s report (once the month is over); again only with a correctionReason',
    description:
      '409 month_not_over (the month has not ended in Guizhou), report_already_sent (sent, no correctionReason), ' +
      'report_not_sent (a correction of a month never sent). The content is compiled from the log, not sent by the client.',
    tags: TAGS,
    responses: { 201: { description: 'Sent', schema: monthlyReportSentResponse } },
  })
  send(
    @ZodParams(monthlyReportParams) params: Params,
    @ZodBody(sendMonthlyReportBody) body: SendMonthlyReportBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.reports.send(ownCounty(params.code, ctx.principal, SEND_SCOPE), params.month, body, ctx);
  }

  @Get('prefectures/:code/monthly-reports')
  @Roles('admin', 'prefecture_office')
  @ApiDoc({
    summary: 'A prefecture’s counties for one month: which sent their report, when, and its headline figures',
    tags: TAGS,
    responses: { 200: { description: 'The counties', schema: prefectureMonthlyReportsResponse } },
  })
  prefecture(
    @ZodParams(regionCodeParams) params: z.infer<typeof regionCodeParams>,
    @ZodQuery(prefectureMonthlyReportsQuery) query: z.infer<typeof prefectureMonthlyReportsQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const code = requirePrefecture(params.code);
    requireScope(canReadPrefecture(principal, code), '只能查看本州市的月报');
    return this.reports.prefecture(code, query.month);
  }
}

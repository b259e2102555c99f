import { Controller, Get, HttpCode, Inject, Post, Put, UseInterceptors } from '@nestjs/common';
import { z } from 'zod';
import {
  claimSubsidyBody,
  paySubsidyBody,
  positionResponse,
  reviewSubsidyBody,
  subsidyParams,
  subsidyRatesBody,
  subsidyRatesResponse,
  subsidyRecordedResponse,
  transportSubsidiesQuery,
  transportSubsidiesResponse,
  type ClaimSubsidyBody,
  type PaySubsidyBody,
  type ReviewSubsidyBody,
  type SubsidyRatesBody,
  type TransportSubsidiesQuery,
} from '@contracts';
import { loadRates } from '@lib/application/subsidies/transport-subsidy-flow';
import { CurrentPrincipal, Roles, type Principal } from '@lib/auth';
import type { EventStore } from '@lib/event-store';
import { ApiDoc, ZodBody, ZodParams, ZodQuery } from '@lib/http';
import { AccessLog } from '../access-log/access-log.service';
import { CommandCtx, type CommandContext } from '../command-handling/command-context';
import { EVENT_STORE } from '../event-store/event-store.module';
import {
  cutNote,
  MAX_SHEET_ROWS,
  sheetFile,
  wholeList,
  withFormat,
  type ListFormat,
} from '../excel/list-export';
import { XLSX_MEDIA_TYPE } from '../excel/sheet-writer';
import { MonitorFeed } from '../monitor/monitor-feed';
import { ReadYourWritesInterceptor } from '../monitor/read-your-writes.interceptor';
import { ownCounty, readableCounty, regionCodeParams } from '../monitor/region-codes';
import { SUBSIDIES_SHEET, SUBSIDY_COLUMNS, totalsLine } from './subsidy-sheet';
import { SubsidyQueries, type SubsidyLedgerPage } from './subsidy-queries';
import { SUBSIDY_SCOPE, SubsidyWork } from './subsidy-work.service';

const TAGS = ['transport-subsidies'];
/** The reads: the county's office and the admin, and the office of its prefecture, which acts on none. */
const READERS = ['admin', 'county_office', 'prefecture_office'] as const;
const ledgerQuery = withFormat(transportSubsidiesQuery);
type Params = z.infer<typeof subsidyParams>;
type CountyParams = z.infer<typeof regionCodeParams>;

/**
 * The one-time cross-province transport subsidy (跨省务工一次性交通补贴): the monitor grants it once per worker
 * and year for out-of-province work; the county office of the worker's county (and the admin) claims it, reviews
 * it, records its payment, sets the amounts by destination province and reads its ledger (台账); the office of
 * its prefecture reads the ledger and the rates, and acts on none.
 */
@Controller('v1')
@Roles('admin', 'county_office')
export class TransportSubsidiesController {
  constructor(
    private readonly queries: SubsidyQueries,
    private readonly work: SubsidyWork,
    private readonly feed: MonitorFeed,
    private readonly accessLog: AccessLog,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('counties/:code/transport-subsidies')
  @Roles(...READERS)
  @UseInterceptors(ReadYourWritesInterceptor)
  @ApiDoc({
    summary: 'The county’s transport-subsidy ledger: each subsidy’s status and amounts, with totals',
    description:
      '`status` filters the lines (eligible = not claimed yet); `year` the calendar year. The totals count every ' +
      'subsidy of the county (of that year) once, under its status now: eligible, claimed, approved (not paid), ' +
      'rejected (may be claimed again), paid; yuan where the amount is fixed. With X-Min-Position it answers once ' +
      'the projections have applied that position. `format=xlsx`: the whole ledger (up to 100,000 rows) as a sheet.',
    tags: TAGS,
    responses: {
      200: {
        description: 'A page of the ledger',
        schema: transportSubsidiesResponse,
        alsoContentType: XLSX_MEDIA_TYPE,
      },
    },
  })
  async list(
    @ZodParams(regionCodeParams) params: CountyParams,
    @ZodQuery(ledgerQuery) query: TransportSubsidiesQuery & ListFormat,
    @CurrentPrincipal() principal: Principal,
  ) {
    const code = readableCounty(params.code, principal, SUBSIDY_SCOPE);
    const position = this.feed.position().toString();
    const asSheet = query.format === 'xlsx';
    let totals: SubsidyLedgerPage['totals'] | undefined;
    const pageOf = async (q: TransportSubsidiesQuery) => {
      const page = await this.queries.list(code, q, principal);
      totals = page.totals;
      return page;
    };
    const page = asSheet ? await wholeList(query, pageOf) : await pageOf(query);
    await this.accessLog.record(principal, {
      resource: 'transport_subsidies',
      subjectIds: [...new Set(page.items.flatMap((s) => [s.workerId, s.householdId]))],
      scope: code,
    });
    if (!asSheet) return { ...page, position };
    const cut = page.nextCursor !== null || page.items.length < page.total;
    const note = [
      totalsLine(totals ?? (page as SubsidyLedgerPage).totals),
      ...(cut ? [cutNote(page.total)] : []),
    ];
    return sheetFile(SUBSIDIES_SHEET, {
      sheetName: SUBSIDIES_SHEET.chinese,
      columns: SUBSIDY_COLUMNS,
      items: page.items.slice(0, MAX_SHEET_ROWS),
      note: note.join(' '),
    });
  }

  @Post('transport-subsidies/:subsidyId/claims')
  @ApiDoc({
    summary: 'Claim a worker’s transport subsidy: the travel date and the destination province',
    description:
      'The subsidy id is `<workerId>:<year>` (404 unless the monitor granted it). The travel date is not in the ' +
      'future nor before the year (400 travelDate); the destination a province outside Guizhou. A second claim ' +
      'while one is open, or after approval, is 409 already_claimed; after a rejection it is a new claim.',
    tags: TAGS,
    responses: { 201: { description: 'Claimed', schema: subsidyRecordedResponse } },
  })
  claim(
    @ZodParams(subsidyParams) params: Params,
    @ZodBody(claimSubsidyBody) body: ClaimSubsidyBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.work.claim(params.subsidyId, body, ctx);
  }

  @Post('transport-subsidies/:subsidyId/reviews')
  @ApiDoc({
    summary: 'Approve or reject a claim; a rejection gives its reason',
    description:
      'An approval fixes the amount from the county’s rates in force for the destination (409 ' +
      'subsidy_rate_missing without one). 409 not_claimed with no open claim, already_reviewed once approved.',
    tags: TAGS,
    responses: { 201: { description: 'Reviewed', schema: subsidyRecordedResponse } },
  })
  review(
    @ZodParams(subsidyParams) params: Params,
    @ZodBody(reviewSubsidyBody) body: ReviewSubsidyBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.work.review(params.subsidyId, body, ctx);
  }

  @Post('transport-subsidies/:subsidyId/payments')
  @ApiDoc({
    summary: 'Record the payment of an approved subsidy: amount, day paid, reference',
    description:
      'Paid once: 409 not_approved before approval, already_paid after payment, amount_mismatch for another ' +
      'amount than approved. `paidAt` is not in the future nor before the approval (400 paidAt).',
    tags: TAGS,
    responses: { 201: { description: 'Paid', schema: subsidyRecordedResponse } },
  })
  pay(
    @ZodParams(subsidyParams) params: Params,
    @ZodBody(paySubsidyBody) body: PaySubsidyBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.work.pay(params.subsidyId, body, ctx);
  }

  @Get('counties/:code/transport-subsidy-rates')
  @Roles(...READERS)
  @ApiDoc({
    summary: 'The county’s transport-subsidy amounts by destination province (whole yuan), and its default',
    tags: TAGS,
    responses: { 200: { description: 'The rates', schema: subsidyRatesResponse } },
  })
  async rates(@ZodParams(regionCodeParams) params: CountyParams, @CurrentPrincipal() principal: Principal) {
    const code = readableCounty(params.code, principal, SUBSIDY_SCOPE);
    const position = this.feed.position().toString();
    const table = await loadRates(this.store, code);
    return {
      countyCode: code,
      rates: table?.rates ?? {},
      default: table?.default ?? null,
      isSet: table !== undefined,
      position,
    };
  }

  @Put('counties/:code/transport-subsidy-rates')
  @HttpCode(200)
  @ApiDoc({
    summary:
      'Set the county’s transport-subsidy amounts by destination province; approvals from now use them',
    tags: TAGS,
    responses: { 200: { description: 'Set', schema: positionResponse } },
  })
  setRates(
    @ZodParams(regionCodeParams) params: CountyParams,
    @ZodBody(subsidyRatesBody) body: SubsidyRatesBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.work.setRates(ownCounty(params.code, ctx.principal, SUBSIDY_SCOPE), body, ctx);
  }
}

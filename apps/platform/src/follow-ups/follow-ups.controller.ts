import { Controller, Get, Inject, UseInterceptors } from '@nestjs/common';
import { z } from 'zod';
import { followUpsQuery, followUpsResponse, type FollowUpsQuery } from '@contracts';
import { CurrentPrincipal, Roles, type Principal } from '@lib/auth';
import { ApiDoc, ZodParams, ZodQuery } from '@lib/http';
import { AccessLog } from '../access-log/access-log.service';
import { MonitorFeed } from '../monitor/monitor-feed';
import { ReadYourWritesInterceptor } from '../monitor/read-your-writes.interceptor';
import { ownCounty, regionCodeParams } from '../monitor/region-codes';
import { FollowUpQueries } from './follow-up-queries';
import { listSheet, wholeList, withFormat, type ListFormat } from '../excel/list-export';
import { FOLLOW_UP_COLUMNS, FOLLOW_UPS_SHEET } from '../excel/list-sheets';
import { XLSX_MEDIA_TYPE } from '../excel/sheet-writer';
import type { Clock } from '@lib/application';
import { CLOCK } from '../clock/clock.module';

const followUpsListQuery = withFormat(followUpsQuery);

/**
 * The county office's job-retention work-list (稳岗回访): placements owing their 1, 3 or 6-month follow-up.
 * The office of that county, and the admin; the list names workers, so every read is logged.
 */
@Controller('v1')
@Roles('admin', 'county_office')
export class FollowUpsController {
  constructor(
    private readonly queries: FollowUpQueries,
    private readonly feed: MonitorFeed,
    private readonly accessLog: AccessLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('counties/:code/follow-ups')
  @UseInterceptors(ReadYourWritesInterceptor)
  @ApiDoc({
    summary: 'Placements owing a job-retention follow-up (1, 3, 6 months after the start): due ones first',
    description:
      '`due=true` (default): due today or before, most overdue first; `due=false`: not due yet, soonest first. ' +
      'A follow-up is done by a visit from 7 days before its due day. With X-Min-Position it answers once the ' +
      'projections have applied that position. `format=xlsx`: the whole list (up to 100,000 rows) as a sheet.',
    tags: ['placements'],
    responses: {
      200: {
        description: 'A page of follow-ups',
        schema: followUpsResponse,
        alsoContentType: XLSX_MEDIA_TYPE,
      },
    },
  })
  async list(
    @ZodParams(regionCodeParams) params: z.infer<typeof regionCodeParams>,
    @ZodQuery(followUpsListQuery) query: FollowUpsQuery & ListFormat,
    @CurrentPrincipal() principal: Principal,
  ) {
    const code = ownCounty(params.code, principal, 'A county office sees its own county’s follow-ups only');
    const position = this.feed.position().toString();
    const asSheet = query.format === 'xlsx';
    const now = this.clock.now();
    const pageOf = (q: FollowUpsQuery) => this.queries.list(code, q, now);
    const page = asSheet ? await wholeList(query, pageOf) : await pageOf(query);
    await this.accessLog.record(principal, {
      resource: 'follow_ups',
      subjectIds: [...new Set(page.items.flatMap((item) => [item.workerId, item.householdId]))],
      scope: code,
    });
    if (asSheet) return listSheet(FOLLOW_UPS_SHEET, FOLLOW_UP_COLUMNS, page);
    return { ...page, position };
  }
}

import { Controller, Get, Post } from '@nestjs/common';
import { z } from 'zod';
import {
  confirmWelfareMonthBody,
  correctWelfareMonthBody,
  payWelfareMonthBody,
  welfareMonthParams,
  welfareMonthRecordedResponse,
  welfareMonthResponse,
  type ConfirmWelfareMonthBody,
  type CorrectWelfareMonthBody,
  type PayWelfareMonthBody,
} from '@contracts';
import { CurrentPrincipal, Roles, type Principal } from '@lib/auth';
import { ApiDoc, ZodBody, ZodParams, ZodQuery } from '@lib/http';
import { AccessLog } from '../access-log/access-log.service';
import { CommandCtx, type CommandContext } from '../command-handling/command-context';
import { listSheet, withFormat, type ListFormat } from '../excel/list-export';
import { XLSX_MEDIA_TYPE } from '../excel/sheet-writer';
import { ownCounty } from '../monitor/region-codes';
import { WELFARE_MONTH_COLUMNS, welfareMonthSheet } from './welfare-month-sheet';
import { WelfarePayroll } from './welfare-payroll.service';

const TAGS = ['welfare posts'];
const SCOPE = 'A county office runs its own county’s public-welfare posts only';
const formatQuery = withFormat(z.object({}));
type Params = z.infer<typeof welfareMonthParams>;

/**
 * The public-welfare posts' monthly subsidy (在岗领补): the county office, which runs the posts, confirms each
 * month's holders once the month is over, corrects them by new records, and records the payment once. The
 * list names people: every read is logged.
 */
@Controller('v1/counties/:code/welfare-months/:month')
@Roles('admin', 'county_office')
export class WelfarePayrollController {
  constructor(
    private readonly payroll: WelfarePayroll,
    private readonly accessLog: AccessLog,
  ) {}

  @Get()
  @ApiDoc({
    summary: 'A month of the public-welfare payroll: who held a post, how many days, what it pays',
    description:
      'Before the month is confirmed: the draft (every holder with the days held, a part month pro rata). ' +
      'After: the confirmed list with its corrections, and the payment once recorded. `format=xlsx`: the list as a sheet.',
    tags: TAGS,
    responses: {
      200: { description: 'The month', schema: welfareMonthResponse, alsoContentType: XLSX_MEDIA_TYPE },
    },
  })
  async month(
    @ZodParams(welfareMonthParams) params: Params,
    @ZodQuery(formatQuery) query: ListFormat,
    @CurrentPrincipal() principal: Principal,
  ) {
    const code = ownCounty(params.code, principal, SCOPE);
    const view = await this.payroll.month(code, params.month, principal);
    await this.accessLog.record(principal, {
      resource: 'welfare_payroll',
      subjectIds: [...new Set(view.items.map((i) => i.workerId))],
      scope: code,
    });
    if (query.format === 'xlsx') {
      return listSheet(welfareMonthSheet(code, params.month), WELFARE_MONTH_COLUMNS, {
        items: view.items,
        total: view.items.length,
        nextCursor: null,
      });
    }
    return view;
  }

  @Post('confirmations')
  @ApiDoc({
    summary: 'Confirm the month’s holders, once, after the month is over (days omitted: every day held)',
    description:
      '400 for days above those held; 404 for a placement that is not a public-welfare placement; 409 ' +
      'month_not_over, month_already_confirmed, not_in_post (not this county’s post, or not in post that month), month_paid.',
    tags: TAGS,
    responses: { 201: { description: 'Confirmed', schema: welfareMonthRecordedResponse } },
  })
  confirm(
    @ZodParams(welfareMonthParams) params: Params,
    @ZodBody(confirmWelfareMonthBody) body: ConfirmWelfareMonthBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.payroll.confirm(ownCounty(params.code, ctx.principal, SCOPE), params.month, body, ctx);
  }

  @Post('corrections')
  @ApiDoc({
    summary: 'Correct one holder’s days of a confirmed, unpaid month (0 takes them off), with the reason',
    description: '409 month_not_confirmed, month_paid; the confirmation itself is never edited.',
    tags: TAGS,
    responses: { 201: { description: 'Corrected', schema: welfareMonthRecordedResponse } },
  })
  correct(
    @ZodParams(welfareMonthParams) params: Params,
    @ZodBody(correctWelfareMonthBody) body: CorrectWelfareMonthBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.payroll.correct(ownCounty(params.code, ctx.principal, SCOPE), params.month, body, ctx);
  }

  @Post('payments')
  @ApiDoc({
    summary: 'Record the month’s payment, once: its total must equal the list’s',
    description:
      '400 for a total other than the list’s or a paidAt in the future or within the month; 409 month_not_confirmed, month_paid.',
    tags: TAGS,
    responses: { 201: { description: 'Paid', schema: welfareMonthRecordedResponse } },
  })
  pay(
    @ZodParams(welfareMonthParams) params: Params,
    @ZodBody(payWelfareMonthBody) body: PayWelfareMonthBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.payroll.pay(ownCounty(params.code, ctx.principal, SCOPE), params.month, body, ctx);
  }
}

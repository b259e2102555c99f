import { Controller, Get, HttpCode, Inject, Post, Put, UseInterceptors } from '@nestjs/common';
import { z } from 'zod';
import {
  assignCaseBody,
  caseDeadlinesBody,
  caseDeadlinesResponse,
  caseParams,
  caseRecordedResponse,
  recordMeasureBody,
  recordVerificationBody,
  zeroEmploymentCaseResponse,
  zeroEmploymentCasesQuery,
  zeroEmploymentCasesResponse,
  type AssignCaseBody,
  type CaseDeadlinesBody,
  type RecordMeasureBody,
  type RecordVerificationBody,
  type ZeroEmploymentCasesQuery,
} from '@contracts';
import {
  CurrentPrincipal,
  canReadCountyCases,
  nameVisibility,
  requireScope,
  Roles,
  visibleName,
  type Principal,
} from '@lib/auth';
import { ApiDoc, HttpProblem, ZodBody, ZodParams, ZodQuery } from '@lib/http';
import { AccessLog } from '../access-log/access-log.service';
import { CommandCtx, type CommandContext } from '../command-handling/command-context';
import { MonitorFeed } from '../monitor/monitor-feed';
import { ReadYourWritesInterceptor } from '../monitor/read-your-writes.interceptor';
import { ownCounty, readableCounty, regionCodeParams } from '../monitor/region-codes';
import { caseItemOf, CaseQueries } from './case-queries';
import { listSheet, wholeList, withFormat, type ListFormat } from '../excel/list-export';
import { CASE_COLUMNS, CASES_SHEET } from '../excel/list-sheets';
import { XLSX_MEDIA_TYPE } from '../excel/sheet-writer';
import { CaseWork } from './case-work.service';
import type { Clock } from '@lib/application';
import { CLOCK } from '../clock/clock.module';

const TAGS = ['cases'];
const SCOPE = 'A county office works on its own county’s cases only';
/** The reads: the county's office and the admin, and the office of its prefecture, which acts on none. */
const READERS = ['admin', 'county_office', 'prefecture_office'] as const;
const casesListQuery = withFormat(zeroEmploymentCasesQuery);

/**
 * The county office's case work (平台预警 → 基层核实 → 快速响应): the work list by urgency, a case's page with
 * its timeline and its household's members, and the records of the work: assignment, verification, measures.
 * County office of the case's county, and admin. Every read of a case names its household: logged.
 */
@Controller('v1')
@Roles('admin', 'county_office')
export class CasesController {
  constructor(
    private readonly queries: CaseQueries,
    private readonly work: CaseWork,
    private readonly feed: MonitorFeed,
    private readonly accessLog: AccessLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('counties/:code/zero-employment-cases')
  @Roles(...READERS)
  @UseInterceptors(ReadYourWritesInterceptor)
  @ApiDoc({
    summary:
      'The county’s zero-employment cases: open ones most urgent first (red, yellow, green), or cleared ones',
    description:
      'Each case with its colour, assignee, deadlines (the county’s setting, 3 and 5 days by default), measures, ' +
      'last action and its household’s head by name. Filters: warning, assignee (an id, `none`, `me`), overdue. ' +
      'With X-Min-Position it answers once the projections have applied that position. `format=xlsx`: the ' +
      'whole list (every page, up to 100,000 rows) as a printable sheet.',
    tags: TAGS,
    responses: {
      200: {
        description: 'A page of cases',
        schema: zeroEmploymentCasesResponse,
        alsoContentType: XLSX_MEDIA_TYPE,
      },
    },
  })
  async list(
    @ZodParams(regionCodeParams) params: z.infer<typeof regionCodeParams>,
    @ZodQuery(casesListQuery) query: ZeroEmploymentCasesQuery & ListFormat,
    @CurrentPrincipal() principal: Principal,
  ) {
    const code = readableCounty(params.code, principal, SCOPE);
    const position = this.position();
    const asSheet = query.format === 'xlsx';
    const now = this.clock.now();
    const pageOf = (q: ZeroEmploymentCasesQuery) => this.queries.list(code, q, now, principal);
    const page = asSheet ? await wholeList(query, pageOf) : await pageOf(query);
    await this.accessLog.record(principal, {
      resource: 'zero_employment_cases',
      subjectIds: page.items.map((c) => c.householdId),
      scope: code,
    });
    if (asSheet) return listSheet(CASES_SHEET, CASE_COLUMNS, page);
    return { ...page, position };
  }

  @Get('zero-employment-cases/:caseId')
  @Roles(...READERS)
  @UseInterceptors(ReadYourWritesInterceptor)
  @ApiDoc({
    summary:
      'A case: its figures, its timeline (opened, assigned, verified, measures, cleared), its household',
    tags: TAGS,
    responses: { 200: { description: 'The case', schema: zeroEmploymentCaseResponse } },
  })
  async one(
    @ZodParams(caseParams) params: z.infer<typeof caseParams>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const position = this.position();
    const found = await this.queries.one(params.caseId, this.clock.now());
    if (!found) throw new HttpProblem(404, 'not_found', `Case ${params.caseId} is not known to the monitor`);
    const { view, household } = found;
    requireScope(canReadCountyCases(principal, view.countyCode), SCOPE);
    await this.accessLog.record(principal, {
      resource: 'zero_employment_case',
      subjectIds: [view.householdId],
      scope: view.countyCode,
    });
    // The case's own page: whole names to its county's office and to the admin.
    const visibility = nameVisibility(principal, { countyCode: view.countyCode, view: 'record' });
    return {
      ...caseItemOf(view, household, visibility),
      timeline: view.timeline,
      members: (household?.members ?? []).map((m) => ({
        workerId: m.workerId,
        memberNo: m.memberNo,
        name: visibleName(m.name, visibility) ?? '',
        labourCapacity: m.labourCapacity,
        employed: m.employment !== null,
        channel: m.employment?.channel ?? null,
      })),
      position,
    };
  }

  @Post('zero-employment-cases/:caseId/assign')
  @HttpCode(200)
  @ApiDoc({
    summary: 'Assign the case to a responsible cadre (帮扶责任人); reassigning is recorded',
    description: '404 for an unknown case; 409 case_closed once it is cleared.',
    tags: TAGS,
    responses: { 200: { description: 'Assigned', schema: caseRecordedResponse } },
  })
  assign(
    @ZodParams(caseParams) params: z.infer<typeof caseParams>,
    @ZodBody(assignCaseBody) body: AssignCaseBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.work.assign(params.caseId, body, ctx);
  }

  @Post('zero-employment-cases/:caseId/verifications')
  @ApiDoc({
    summary: 'Record a check on the ground (基层核实): when, how, what it found',
    description:
      'A finding that changes facts brings them and they are recorded on the household in the same request: ' +
      '`employed_elsewhere` with `employment` (an employment report from a cadre visit), `no_labour` with ' +
      '`workerIds`. A visitedAt in the future or before the case opened is a 400. 409 case_closed once cleared.',
    tags: TAGS,
    responses: { 201: { description: 'Recorded', schema: caseRecordedResponse } },
  })
  verify(
    @ZodParams(caseParams) params: z.infer<typeof caseParams>,
    @ZodBody(recordVerificationBody) body: RecordVerificationBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.work.verify(params.caseId, body, ctx);
  }

  @Post('zero-employment-cases/:caseId/measures')
  @ApiDoc({
    summary: 'Record an assistance measure (帮扶措施)',
    description:
      'A job recommendation names the vacancies offered (each must exist); a measure for a member counts toward ' +
      'that member’s "131" package. 409 case_closed once cleared.',
    tags: TAGS,
    responses: { 201: { description: 'Recorded', schema: caseRecordedResponse } },
  })
  measure(
    @ZodParams(caseParams) params: z.infer<typeof caseParams>,
    @ZodBody(recordMeasureBody) body: RecordMeasureBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.work.measure(params.caseId, body, ctx);
  }

  @Get('counties/:code/case-deadlines')
  @Roles(...READERS)
  @ApiDoc({
    summary: 'The county’s response deadlines: days to the first measure, days to clearing',
    tags: TAGS,
    responses: { 200: { description: 'The deadlines', schema: caseDeadlinesResponse } },
  })
  async deadlines(
    @ZodParams(regionCodeParams) params: z.infer<typeof regionCodeParams>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const code = readableCounty(params.code, principal, SCOPE);
    const position = this.position();
    const { deadlines, isDefault } = await this.queries.deadlines(code);
    return { countyCode: code, ...deadlines, isDefault, position };
  }

  @Put('counties/:code/case-deadlines')
  @HttpCode(200)
  @ApiDoc({
    summary: 'Set the county’s response deadlines (they apply to its open cases at once)',
    tags: TAGS,
    responses: { 200: { description: 'Set', schema: caseRecordedResponse } },
  })
  setDeadlines(
    @ZodParams(regionCodeParams) params: z.infer<typeof regionCodeParams>,
    @ZodBody(caseDeadlinesBody) body: CaseDeadlinesBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.work.setDeadlines(ownCounty(params.code, ctx.principal, SCOPE), body, ctx);
  }

  /** Read before the query: the answer reflects at least this position. */
  private position(): string {
    return this.feed.position().toString();
  }
}

import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { z } from 'zod';
import {
  countyEmploymentResponse,
  employmentFiguresQuery,
  GUIZHOU_PROVINCE_CODE,
  householdEmploymentResponse,
  householdId,
  prefectureEmploymentResponse,
  provinceEmploymentResponse,
  workerId,
  type EmploymentFiguresQuery,
} from '@contracts';
import {
  canActForCounty,
  canReadCounty,
  canReadPrefecture,
  CurrentPrincipal,
  requireScope,
  Roles,
  type Principal,
} from '@lib/auth';
import { FiguresAsOf } from '@lib/application';
import {
  employmentView,
  householdEmploymentView,
  regionFiguresAt,
  type RegionLevel,
} from '@lib/domain/monitor';
import { ApiDoc, DomainRejection, HttpProblem, ZodParams, ZodQuery } from '@lib/http';
import { MonitorFeed } from './monitor-feed';
import { AccessLog } from '../access-log/access-log.service';
import { MonitorQueries } from './monitor-queries';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';
import { householdParams, workerParams } from '../path-params';
import { regionCodeParams, requireCounty, requirePrefecture } from './region-codes';

const TAGS = ['monitor'];
const AS_OF =
  'With `?asOf=YYYY-MM-DD`: the figures at the end of that day in Guizhou (24:00 UTC+8), folded from the log (every event recorded by then), with `asOf` and the `position` folded to; a day after today is 400 invalid_value (ADR 0015).';
const MIN_POSITION =
  'With `X-Min-Position: <position>` it answers once the projections have applied that position (503 not_ready with Retry-After after 5 s).';

const workerEmploymentResponse = z
  .object({
    workerId,
    householdId,
    countyCode: z.string(),
    employed: z.boolean(),
    employmentId: z.string().nullable(),
    channel: z.string().nullable(),
    since: z.string().nullable(),
    householdStatus: z.string(),
    position: z.string(),
  })
  .meta({ id: 'WorkerEmploymentResponse' });

/**
 * The employment monitor's queries. Scope: a county office sees its own county; a broker sees
 * the households, workers and FIGURES of the counties it covers (it needs them to target its work; figures
 * are aggregates, not personal data) but not the case work-list, which is the office's; the admin sees all.
 * Every answer carries the projection's `position`; every read of a household's or worker's data is logged.
 */
@Controller('v1')
@UseInterceptors(ReadYourWritesInterceptor)
export class EmploymentController {
  constructor(
    private readonly queries: MonitorQueries,
    private readonly runner: MonitorFeed,
    private readonly accessLog: AccessLog,
    private readonly figuresAsOf: FiguresAsOf,
  ) {}

  @Get('households/:id/employment')
  @Roles('admin', 'county_office', 'broker')
  @ApiDoc({
    summary: 'A household’s employment: status, members employed, channels, open case',
    description: MIN_POSITION,
    tags: TAGS,
    responses: { 200: { description: 'The household', schema: householdEmploymentResponse } },
  })
  async household(
    @ZodParams(householdParams) params: z.infer<typeof householdParams>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const position = this.position();
    const doc = await this.queries.household(params.id);
    if (!doc) throw new HttpProblem(404, 'not_found', `Household ${params.id} is not known to the monitor`);
    requireScope(canActForCounty(principal, doc.countyCode), 'This token does not cover that household');
    await this.accessLog.record(principal, {
      resource: 'household_employment',
      subjectIds: [doc.householdId],
      scope: doc.countyCode,
    });
    return { ...householdEmploymentView(doc), position };
  }

  @Get('workers/:id/employment')
  @Roles('admin', 'county_office', 'broker')
  @ApiDoc({
    summary: 'A worker’s employment status',
    description: MIN_POSITION,
    tags: TAGS,
    responses: { 200: { description: 'The worker', schema: workerEmploymentResponse } },
  })
  async worker(
    @ZodParams(workerParams) params: z.infer<typeof workerParams>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<z.infer<typeof workerEmploymentResponse>> {
    const position = this.position();
    const found = await this.queries.worker(params.id);
    if (!found) throw new HttpProblem(404, 'not_found', `Worker ${params.id} is not known to the monitor`);
    const { worker, household } = found;
    requireScope(canActForCounty(principal, household.countyCode), 'This token does not cover that worker');
    await this.accessLog.record(principal, {
      resource: 'worker_employment',
      subjectIds: [worker.workerId, worker.householdId],
      scope: household.countyCode,
    });
    return {
      workerId: worker.workerId,
      householdId: worker.householdId,
      countyCode: household.countyCode,
      employed: worker.employed,
      employmentId: worker.employmentId,
      channel: worker.channel,
      since: worker.since,
      householdStatus: household.status,
      position,
    };
  }

  @Get('counties/:code/employment')
  @Roles('admin', 'county_office', 'broker', 'prefecture_office')
  @ApiDoc({
    summary:
      'A county’s figures: households with labour, covered, zero-employment, no-labour, rates, by channel',
    description: `county_office (own county), broker (counties it covers: aggregates, no personal data), prefecture_office (the counties of its prefecture), admin. Zeros for a county without data; 404 for a code that is not a Guizhou county. ${MIN_POSITION} ${AS_OF}`,
    tags: TAGS,
    responses: { 200: { description: 'The figures', schema: countyEmploymentResponse } },
  })
  async county(
    @ZodParams(regionCodeParams) params: z.infer<typeof regionCodeParams>,
    @ZodQuery(employmentFiguresQuery) query: EmploymentFiguresQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    const code = requireCounty(params.code);
    requireScope(canReadCounty(principal, code), 'This token does not cover that county');
    if (query.asOf) return this.asOf(query.asOf, 'county', code);
    const position = this.position();
    return { ...(await this.queries.regionEmployment('county', code)), position };
  }

  @Get('prefectures/:code/employment')
  @Roles('admin', 'prefecture_office')
  @ApiDoc({
    summary: 'A prefecture’s figures, rolled up from its counties',
    description: `admin, and the prefecture's own office (prefecture_office). ${MIN_POSITION} ${AS_OF}`,
    tags: TAGS,
    responses: { 200: { description: 'The figures', schema: prefectureEmploymentResponse } },
  })
  async prefecture(
    @ZodParams(regionCodeParams) params: z.infer<typeof regionCodeParams>,
    @ZodQuery(employmentFiguresQuery) query: EmploymentFiguresQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    const code = requirePrefecture(params.code);
    requireScope(canReadPrefecture(principal, code), 'A prefecture office reads its own prefecture only');
    if (query.asOf) return this.asOf(query.asOf, 'prefecture', code);
    const position = this.position();
    return { ...(await this.queries.regionEmployment('prefecture', code)), position };
  }

  @Get('province/employment')
  @Roles('admin')
  @ApiDoc({
    summary: 'The province’s figures',
    description: `${MIN_POSITION} ${AS_OF}`,
    tags: TAGS,
    responses: { 200: { description: 'The figures', schema: provinceEmploymentResponse } },
  })
  async province(@ZodQuery(employmentFiguresQuery) query: EmploymentFiguresQuery) {
    if (query.asOf) return this.asOf(query.asOf, 'province', GUIZHOU_PROVINCE_CODE);
    const position = this.position();
    return { ...(await this.queries.provinceEmployment()), position };
  }

  /** The figures at the end of `date`, from the log (the caller has checked the scope). */
  private async asOf(date: string, level: RegionLevel, code: string) {
    const answer = await this.figuresAsOf.at(date);
    if (!answer.ok) throw new DomainRejection(answer.rejection);
    const figures = employmentView(regionFiguresAt(answer.figures, level, code));
    return { ...figures, asOf: date, position: answer.figures.position.toString() };
  }

  /** Read before the query: the answer reflects at least this position. */
  private position(): string {
    return this.runner.position().toString();
  }
}

import { randomUUID } from 'node:crypto';
import { Controller, Get, HttpCode, Inject, Post, UseInterceptors } from '@nestjs/common';
import { z } from 'zod';
import {
  candidatesResponse,
  entityId,
  matchPlanBody,
  matchPlanResponse,
  rankingQuery,
  recommendationsResponse,
  type MatchPlanBody,
  type MatchPlanResponse,
  type RankingQuery,
} from '@contracts';
import { canActForCounty, CurrentPrincipal, requireScope, Roles, type Principal } from '@lib/auth';
import { ApiDoc, HttpProblem, ZodBody, ZodParams, ZodQuery } from '@lib/http';
import { AccessLog } from '../access-log/access-log.service';
import { vacancyParams, workerParams } from '../path-params';
import { mayActForSource } from '../postings/vacancy-poster';
import { MATCH_PLAN_STORE, type MatchPlanStore } from './match-plan.store';
import { PlanGate } from './plan-gate';
import { MatchingQueries, reasonViews } from './matching-queries';
import { MatchingReadYourWritesInterceptor } from './matching-read-your-writes.interceptor';
import { MatchingRuntime } from './matching-runtime';
import { withNamesFor, withoutNames, withVacancySummaries, withWorkerSummaries } from './summaries';
import type { Clock } from '@lib/application';
import { CLOCK } from '../clock/clock.module';

const planParams = z.object({ id: entityId }).strict();
const TAGS = ['matching'];
const MIN_POSITION =
  'With `X-Min-Position: <position>` it answers once the matching state has applied that position (503 not_ready with Retry-After after 5 s).';

const householdOf = (id: string): string => id.slice(0, id.lastIndexOf('.'));

/**
 * Recommendations, candidates and match plans over the in-memory matching state. Scope: a
 * worker's county (its office, a broker covering it, the admin); a vacancy's poster or a broker (who sees
 * candidates of its own counties only); a plan's counties. Every answer naming people is access-logged.
 */
@Controller('v1')
@UseInterceptors(MatchingReadYourWritesInterceptor)
export class MatchingController {
  private readonly queries: MatchingQueries;

  constructor(
    private readonly runtime: MatchingRuntime,
    private readonly accessLog: AccessLog,
    @Inject(MATCH_PLAN_STORE) private readonly plans: MatchPlanStore,
    private readonly gate: PlanGate,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new MatchingQueries(runtime.state);
  }

  @Get('workers/:id/recommendations')
  @Roles('admin', 'county_office', 'broker')
  @ApiDoc({
    summary: 'Ranked vacancies for a worker, with reasons; the first three diverse ("131")',
    description: MIN_POSITION,
    tags: TAGS,
    responses: { 200: { description: 'The recommendations', schema: recommendationsResponse } },
  })
  async recommendations(
    @ZodParams(workerParams) params: z.infer<typeof workerParams>,
    @ZodQuery(rankingQuery) query: RankingQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<z.infer<typeof recommendationsResponse>> {
    const position = this.runtime.state.position().toString();
    const household = this.runtime.state.household(householdOf(params.id));
    if (!household?.workers.has(params.id))
      throw new HttpProblem(404, 'not_found', `Worker ${params.id} is not known`);
    requireScope(canActForCounty(principal, household.countyCode), 'This token does not cover that worker');
    const ranked = this.queries.recommendations(params.id, query.limit, this.clock.now());
    const items = withVacancySummaries(this.runtime.state, ranked).map((item, i) => ({
      ...item,
      rank: i + 1,
    }));
    await this.accessLog.record(principal, {
      resource: 'worker_recommendations',
      subjectIds: [params.id, household.householdId],
      scope: household.countyCode,
    });
    return { workerId: params.id, items, position };
  }

  @Get('vacancies/:id/candidates')
  @Roles('admin', 'broker', 'station', 'workshop', 'county_office')
  @ApiDoc({
    summary: 'Ranked workers for a vacancy, zero-employment households first, with reasons',
    description: `${MIN_POSITION} A broker sees candidates of its own counties only, the office of the county the vacancy is in its own county's. Names whole for the county's office and brokers, masked for the admin, null for others; never ID numbers.`,
    tags: TAGS,
    responses: { 200: { description: 'The candidates', schema: candidatesResponse } },
  })
  async candidates(
    @ZodParams(vacancyParams) params: z.infer<typeof vacancyParams>,
    @ZodQuery(rankingQuery) query: RankingQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<z.infer<typeof candidatesResponse>> {
    const position = this.runtime.state.position().toString();
    const vacancy = this.runtime.state.vacancy(params.id);
    if (!vacancy) throw new HttpProblem(404, 'not_found', `Vacancy ${params.id} is not known`);
    const isBroker = principal.role === 'broker';
    const isPoster = mayActForSource(principal, vacancy.posting.source);
    // The office of the county a vacancy is in may look for its own people to send there.
    const officeHere =
      principal.role === 'county_office' && vacancy.posting.location.countyCode === principal.countyCode;
    requireScope(
      isBroker || isPoster || officeHere,
      'Only its poster, a broker, or the office of the county it is in',
    );
    const now = this.clock.now();
    // A broker ranks among the workers of its own counties (unless it covers them all), an office among its own.
    const counties =
      isBroker && principal.counties !== 'all'
        ? principal.counties
        : !isPoster && officeHere
          ? [principal.countyCode]
          : undefined;
    const ranked = this.queries.candidates(params.id, query.limit, now, counties);
    const visible = withWorkerSummaries(this.runtime.state, ranked, principal, now);
    await this.accessLog.record(principal, {
      resource: 'vacancy_candidates',
      subjectIds: visible.flatMap((c) => [c.workerId, c.householdId]),
      scope: params.id,
    });
    return { vacancyId: params.id, items: visible, position };
  }

  @Post('match-plans')
  @HttpCode(201)
  @Roles('admin', 'broker', 'county_office')
  @ApiDoc({
    summary: 'The plan covering the most zero-employment households, then placing most, then best fit',
    description:
      'A proposal, stored and fetched again by id; each pair is confirmed through POST /v1/placements. The greedy plan and bounds beside it.',
    tags: TAGS,
    responses: { 201: { description: 'The plan', schema: matchPlanResponse } },
  })
  async createPlan(
    @ZodBody(matchPlanBody) body: MatchPlanBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MatchPlanResponse> {
    for (const county of body.counties) {
      requireScope(canActForCounty(principal, county), `This token does not cover county ${county}`);
    }
    const position = this.runtime.state.position().toString();
    const createdAt = this.clock.now();
    const result = await this.gate.run(`${principal.role}:${principal.sub}`, () =>
      this.queries.plan(body.counties, createdAt),
    );
    const { plan } = result;
    const answer: MatchPlanResponse = {
      planId: randomUUID(),
      counties: body.counties,
      createdAt,
      figures: plan.figures,
      bound: {
        householdsCovered: plan.bounds.householdsCoverableAtMost,
        placed: plan.bounds.placeableAtMost,
      },
      greedy: plan.greedy,
      pairs: withWorkerSummaries(
        this.runtime.state,
        withVacancySummaries(
          this.runtime.state,
          plan.matches.map((m) => ({ ...m, reasons: reasonViews(m.reasons) })),
        ),
        principal,
        createdAt,
      ),
      instance: {
        households: result.households,
        workers: result.workers,
        vacancies: result.vacancies,
        candidatePairs: result.candidatePairs,
        buildMs: result.buildMs,
        solveMs: result.solveMs,
      },
      position,
    };
    await this.plans.save({
      planId: answer.planId,
      counties: body.counties,
      createdAt,
      createdBy: principal.sub,
      body: { ...answer, pairs: withoutNames(answer.pairs) },
    });
    await this.recordPlanRead(principal, answer);
    return answer;
  }

  @Get('match-plans/:id')
  @Roles('admin', 'broker', 'county_office')
  @ApiDoc({
    summary: 'A match plan made earlier (the token must cover every county of it)',
    tags: TAGS,
    responses: {
      200: { description: 'The plan', schema: matchPlanResponse },
      410: {
        description: 'Computed by an earlier version in another shape (plan_outdated): compute a new one',
      },
    },
  })
  async plan(
    @ZodParams(planParams) params: z.infer<typeof planParams>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MatchPlanResponse> {
    const stored = await this.plans.find(params.id);
    if (!stored) throw new HttpProblem(404, 'not_found', `Match plan ${params.id} does not exist`);
    requireScope(
      stored.counties.every((c) => canActForCounty(principal, c)),
      'This token does not cover every county of that plan',
    );
    // A plan is a proposal kept as it was answered; one stored before its answer changed shape is not
    // shown in a shape the document does not describe (nor failed as a 500): it is simply made again.
    const parsed = matchPlanResponse.safeParse(stored.body);
    if (!parsed.success) {
      throw new HttpProblem(
        410,
        'plan_outdated',
        `Match plan ${params.id} was computed by an earlier version of the service; compute a new one`,
      );
    }
    const answer = {
      ...parsed.data,
      pairs: withNamesFor(this.runtime.state, parsed.data.pairs, principal, this.clock.now()),
    };
    await this.recordPlanRead(principal, answer);
    return answer;
  }

  private recordPlanRead(principal: Principal, plan: MatchPlanResponse): Promise<void> {
    return this.accessLog.record(principal, {
      resource: 'match_plan',
      subjectIds: plan.pairs.flatMap((p) => [p.workerId, p.householdId]),
      scope: plan.counties.join(','),
    });
  }
}

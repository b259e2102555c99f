import { Controller, Get, Inject, UseInterceptors, type StreamableFile } from '@nestjs/common';
import { z } from 'zod';
import {
  householdListResponse,
  householdProfileResponse,
  peopleQuery,
  workerListResponse,
  workerProfileResponse,
  type PeopleQuery,
} from '@contracts';
import { CurrentPrincipal, Roles, type Principal } from '@lib/auth';
import type { Clock } from '@lib/application';
import type { PeopleQuery as IndexQuery } from '@lib/application/people/people-index';
import { ApiDoc, HttpProblem, ZodParams, ZodQuery } from '@lib/http';
import { AccessLog } from '../access-log/access-log.service';
import { CLOCK } from '../clock/clock.module';
import { listSheet, MAX_SHEET_ROWS, withFormat, type ListFormat } from '../excel/list-export';
import { HOUSEHOLD_COLUMNS, HOUSEHOLDS_SHEET } from '../excel/list-sheets';
import { XLSX_MEDIA_TYPE } from '../excel/sheet-writer';
import { householdParams, workerParams } from '../path-params';
import { IdNumberHasher } from '../workforce/id-number-hasher';
import { householdListItems, workerListItems } from './household-list';
import { pageOfFound } from './people-page';
import { PeopleReadYourWritesInterceptor } from './people-read-your-writes.interceptor';
import { PeopleRuntime } from './people-runtime';
import { requireVisibleMembers, searchScopeOf } from './people-scope';
import { employedCountOf, memberView, relocationSiteOf, statusOf } from './people-views';

const TAGS = ['people'];
const householdsQuery = withFormat(peopleQuery);
const SCOPE =
  'Names and phones: whole for the office of the household’s county and the brokers covering it; the admin ' +
  'sees names masked in lists and whole on a record’s page; a station or workshop sees only the people ' +
  'placed in its own vacancies. The ID number only as its last 4 characters. Every read is access-logged. ' +
  'With `X-Min-Position` it answers once the people index has applied that position.';
const SEARCH =
  '`q`: a name or part of one, pinyin initials (wxy finds 王秀英), or a phone (whole, or its last 4 digits or ' +
  'more); `idNumber`: exact, through the keyed hash. `status` is the household’s.';

/** Household and worker profiles and their search, over the in-memory people index (ADR 0011). */
@Controller('v1')
@Roles('admin', 'county_office', 'broker', 'station', 'workshop')
@UseInterceptors(PeopleReadYourWritesInterceptor)
export class PeopleController {
  constructor(
    private readonly runtime: PeopleRuntime,
    private readonly accessLog: AccessLog,
    private readonly hasher: IdNumberHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('households')
  @ApiDoc({
    summary: 'Find households: by name, pinyin initials, phone or ID number of a member, site, status',
    description: `${SEARCH} ${SCOPE}`,
    tags: TAGS,
    responses: {
      200: {
        description: 'The households found (`format=xlsx`: all of them, up to 100,000, as a sheet)',
        schema: householdListResponse,
        alsoContentType: XLSX_MEDIA_TYPE,
      },
    },
  })
  async households(
    @ZodQuery(householdsQuery) query: PeopleQuery & ListFormat,
    @CurrentPrincipal() principal: Principal,
  ): Promise<z.infer<typeof householdListResponse> | StreamableFile> {
    const { index } = this.runtime;
    const position = index.position().toString();
    const hits = index.findHouseholds(this.indexQuery(query), searchScopeOf(principal));
    const asSheet = query.format === 'xlsx';
    const page = asSheet
      ? pageOfFound(hits, MAX_SHEET_ROWS, undefined)
      : pageOfFound(hits, query.limit, query.cursor);
    await this.accessLog.record(principal, {
      resource: 'household_search',
      subjectIds: page.items.flatMap((h) => [h.household.householdId, ...h.matched.map((m) => m.workerId)]),
      scope: query.countyCode,
    });
    const items = householdListItems(page.items, principal, index);
    if (asSheet) return listSheet(HOUSEHOLDS_SHEET, HOUSEHOLD_COLUMNS, { ...page, items, total: hits.total });
    return { items, total: hits.total, nextCursor: page.nextCursor, position };
  }

  @Get('workers')
  @ApiDoc({
    summary: 'Find workers: by name, pinyin initials, phone or ID number, site, household status',
    description: `${SEARCH} ${SCOPE}`,
    tags: TAGS,
    responses: { 200: { description: 'The workers found', schema: workerListResponse } },
  })
  async workers(
    @ZodQuery(peopleQuery) query: PeopleQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<z.infer<typeof workerListResponse>> {
    const { index } = this.runtime;
    const position = index.position().toString();
    const hits = index.findWorkers(this.indexQuery(query), searchScopeOf(principal));
    const page = pageOfFound(hits, query.limit, query.cursor);
    await this.accessLog.record(principal, {
      resource: 'worker_search',
      subjectIds: page.items.map((h) => h.member.workerId),
      scope: query.countyCode,
    });
    const items = workerListItems(page.items, principal, index, this.clock.now());
    return { items, total: hits.total, nextCursor: page.nextCursor, position };
  }

  @Get('households/:id')
  @ApiDoc({
    summary: 'A household’s page: its site and address, its members with names, phones and jobs, its status',
    description: SCOPE,
    tags: TAGS,
    responses: { 200: { description: 'The household', schema: householdProfileResponse } },
  })
  async household(
    @ZodParams(householdParams) params: z.infer<typeof householdParams>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<z.infer<typeof householdProfileResponse>> {
    const { index } = this.runtime;
    const position = index.position().toString();
    const household = index.household(params.id);
    if (!household) throw new HttpProblem(404, 'not_found', `Household ${params.id} does not exist`);
    const visible = requireVisibleMembers(principal, index, household);
    await this.accessLog.record(principal, {
      resource: 'household_profile',
      subjectIds: [household.householdId, ...visible.map((m) => m.member.workerId)],
      scope: household.countyCode,
    });
    const now = this.clock.now();
    return {
      householdId: household.householdId,
      countyCode: household.countyCode,
      relocationSite: relocationSiteOf(household.relocationSiteId),
      address: household.address,
      registeredAt: household.registeredAt,
      members: visible.map(({ member, visibility }) => memberView(member, visibility, now)),
      employedCount: employedCountOf(household),
      status: statusOf(household),
      position,
    };
  }

  @Get('workers/:id')
  @ApiDoc({
    summary:
      'A worker’s page: name, phone, ID last 4, capacity, occupations, current job, household and site',
    description: SCOPE,
    tags: TAGS,
    responses: { 200: { description: 'The worker', schema: workerProfileResponse } },
  })
  async worker(
    @ZodParams(workerParams) params: z.infer<typeof workerParams>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<z.infer<typeof workerProfileResponse>> {
    const { index } = this.runtime;
    const position = index.position().toString();
    const hit = index.worker(params.id);
    if (!hit) throw new HttpProblem(404, 'not_found', `Worker ${params.id} does not exist`);
    const { household } = hit;
    const visible = requireVisibleMembers(principal, index, household).find(
      (m) => m.member.workerId === params.id,
    );
    if (!visible) throw new HttpProblem(403, 'forbidden', 'This token does not cover that worker');
    await this.accessLog.record(principal, {
      resource: 'worker_profile',
      subjectIds: [params.id, household.householdId],
      scope: household.countyCode,
    });
    return {
      ...memberView(visible.member, visible.visibility, this.clock.now()),
      householdId: household.householdId,
      countyCode: household.countyCode,
      relocationSite: relocationSiteOf(household.relocationSiteId),
      position,
    };
  }

  /** The ID number becomes its keyed hash here and goes no further (not logged, not echoed). */
  private indexQuery(query: PeopleQuery): IndexQuery {
    const { q, countyCode, status, siteId, idNumber } = query;
    return {
      q,
      countyCode,
      status,
      siteId,
      ...(idNumber === undefined ? {} : { idNumberHash: this.hasher.hash(idNumber).idNumberHash }),
    };
  }
}

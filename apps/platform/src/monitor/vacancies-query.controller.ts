import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { z } from 'zod';
import {
  listVacanciesQuery,
  vacancyDetailResponse,
  vacancyListResponse,
  type ListVacanciesQuery,
} from '@contracts';
import { ApiDoc, HttpProblem, ZodParams, ZodQuery } from '@lib/http';
import { vacancyParams } from '../path-params';
import { MonitorFeed } from './monitor-feed';
import { MonitorQueries } from './monitor-queries';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';
import { listSheet, wholeList, withFormat, type ListFormat } from '../excel/list-export';
import { VACANCIES_SHEET, VACANCY_COLUMNS } from '../excel/list-sheets';
import { XLSX_MEDIA_TYPE } from '../excel/sheet-writer';

const vacanciesListQuery = withFormat(listVacanciesQuery);

/** The vacancy list, for any authenticated role (vacancies are public offers, no personal data). */
@Controller('v1/vacancies')
@UseInterceptors(ReadYourWritesInterceptor)
export class VacanciesQueryController {
  constructor(
    private readonly queries: MonitorQueries,
    private readonly runner: MonitorFeed,
  ) {}

  @Get()
  @ApiDoc({
    summary: 'Vacancies, newest first, filtered by county, source, source id and status; paged',
    description:
      'status `full`: no opening left. With `X-Min-Position` it reads its own writes. `format=xlsx`: the whole ' +
      'list (up to 100,000 rows) as a sheet.',
    tags: ['monitor'],
    responses: {
      200: {
        description: 'A page of vacancies',
        schema: vacancyListResponse,
        alsoContentType: XLSX_MEDIA_TYPE,
      },
    },
  })
  async list(@ZodQuery(vacanciesListQuery) query: ListVacanciesQuery & ListFormat) {
    const position = this.runner.position().toString();
    if (query.format === 'xlsx') {
      const all = await wholeList(query, (q) => this.queries.vacancies(q));
      return listSheet(VACANCIES_SHEET, VACANCY_COLUMNS, all);
    }
    return { ...(await this.queries.vacancies(query)), position };
  }

  @Get(':id')
  @ApiDoc({
    summary:
      'One vacancy with its employer, poster and every detail (hours, contract, insurance, meals, contact)',
    description: 'A detail not posted is null. With `X-Min-Position` it reads its own writes.',
    tags: ['monitor'],
    responses: { 200: { description: 'The vacancy', schema: vacancyDetailResponse } },
  })
  async one(@ZodParams(vacancyParams) params: z.infer<typeof vacancyParams>) {
    const position = this.runner.position().toString();
    const vacancy = await this.queries.vacancy(params.id);
    if (!vacancy) throw new HttpProblem(404, 'not_found', `Vacancy ${params.id} does not exist`);
    return { ...vacancy, position };
  }
}

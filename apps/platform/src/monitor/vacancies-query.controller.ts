import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { listVacanciesQuery, vacancyListResponse, type ListVacanciesQuery } from '@contracts';
import { ApiDoc, ZodQuery } from '@lib/http';
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
}

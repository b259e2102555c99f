import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { listVacanciesQuery, vacancyListResponse, type ListVacanciesQuery } from '@contracts';
import { ApiDoc, ZodQuery } from '@lib/http';
import { MonitorFeed } from './monitor-feed';
import { MonitorQueries } from './monitor-queries';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';

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
    description: 'status `full`: no opening left. With `X-Min-Position` it reads its own writes.',
    tags: ['monitor'],
    responses: { 200: { description: 'A page of vacancies', schema: vacancyListResponse } },
  })
  async list(@ZodQuery(listVacanciesQuery) query: ListVacanciesQuery) {
    const position = this.runner.position().toString();
    return { ...(await this.queries.vacancies(query)), position };
  }
}

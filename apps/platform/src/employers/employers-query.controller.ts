import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { z } from 'zod';
import {
  employerListResponse,
  employerResponse,
  entityId,
  listEmployersQuery,
  type ListEmployersQuery,
} from '@contracts';
import { ApiDoc, HttpProblem, ZodParams, ZodQuery } from '@lib/http';
import { MonitorFeed } from '../monitor/monitor-feed';
import { ReadYourWritesInterceptor } from '../monitor/read-your-writes.interceptor';
import { DirectoryQueries } from './directory-queries';

const employerParams = z.object({ id: entityId }).strict();

/** The employer register, for anyone signed in (companies, not people). */
@Controller('v1/employers')
@UseInterceptors(ReadYourWritesInterceptor)
export class EmployersQueryController {
  constructor(
    private readonly directory: DirectoryQueries,
    private readonly runner: MonitorFeed,
  ) {}

  @Get()
  @ApiDoc({
    summary: 'Employers by name (a part of it) or credit code (its start), by name; paged',
    description: 'With `X-Min-Position` it reads its own writes.',
    tags: ['employers'],
    responses: { 200: { description: 'A page of employers', schema: employerListResponse } },
  })
  async list(@ZodQuery(listEmployersQuery) query: ListEmployersQuery) {
    const position = this.runner.position().toString();
    return { ...(await this.directory.employers(query)), position };
  }

  @Get(':id')
  @ApiDoc({
    summary: 'One employer of the register',
    tags: ['employers'],
    responses: { 200: { description: 'The employer', schema: employerResponse } },
  })
  async one(@ZodParams(employerParams) params: z.infer<typeof employerParams>) {
    const position = this.runner.position().toString();
    const employer = await this.directory.employer(params.id);
    if (!employer) throw new HttpProblem(404, 'not_found', `Employer ${params.id} is not in the register`);
    return { ...employer, position };
  }
}

import { randomUUID } from 'node:crypto';
import { Controller, Inject, Post } from '@nestjs/common';
import { z } from 'zod';
import { caseRecordedResponse, recordServiceBody, type RecordServiceBody } from '@contracts';
import { Roles } from '@lib/auth';
import { recordJobSeekerService } from '@lib/application';
import type { EventStore } from '@lib/event-store';
import { ApiDoc, withPosition, ZodBody, ZodParams } from '@lib/http';
import { CommandCtx, type CommandContext } from '../command-handling/command-context';
import { orReject } from '../command-handling/rejection';
import { EVENT_STORE } from '../event-store/event-store.module';
import { workerParams } from '../path-params';
import { workerHousehold } from './workforce-scope';

/**
 * The "131" services (1 career guidance, 3 job recommendations, 1 training offer) delivered to a job-seeker
 * outside a case (a case's measures record their own). County office of the worker's county, admin.
 */
@Controller('v1/workers')
@Roles('admin', 'county_office')
export class WorkerServicesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post(':id/services')
  @ApiDoc({
    summary:
      'Record a "131" service delivered to a job-seeker (guidance, a recommendation, a training offer)',
    description:
      'A job recommendation names the vacancies recommended. The county figures count job-seekers who received the whole package.',
    tags: ['workforce'],
    responses: { 201: { description: 'Recorded', schema: caseRecordedResponse } },
  })
  async record(
    @ZodParams(workerParams) params: z.infer<typeof workerParams>,
    @ZodBody(recordServiceBody) body: RecordServiceBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    await workerHousehold(this.store, params.id, ctx);
    const serviceId = body.serviceId ?? randomUUID();
    const { store } = this;
    const { position } = orReject(
      await recordJobSeekerService(
        { store, now: ctx.now, metadata: ctx.metadata },
        { workerId: params.id, serviceId, ...body },
      ),
    );
    return withPosition({ recordId: serviceId }, position);
  }
}

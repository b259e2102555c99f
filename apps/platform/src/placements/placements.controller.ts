import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import {
  endPlacementBody,
  placeWorkerBody,
  placementCreatedResponse,
  positionResponse,
  recordFollowUpBody,
  type EndPlacementBody,
  type PlaceWorkerBody,
  type RecordFollowUpBody,
} from '@contracts';
import { Roles } from '@lib/auth';
import { ApiDoc, ZodBody, ZodParams } from '@lib/http';
import { CommandCtx, type CommandContext } from '../command-handling/command-context';
import { placementParams } from '../path-params';
import { EndPlacementCommand, PlaceWorkerCommand, RecordFollowUpCommand } from './placements.commands';

const TAGS = ['placements'];

@Controller('v1/placements')
export class PlacementsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin', 'broker')
  @ApiDoc({
    summary: 'Place a worker into a vacancy (a broker of the worker’s county)',
    description:
      'A saga over the vacancy and household streams (ADR 0002). 409 vacancy_full, worker_already_employed or constraint_violated.',
    tags: TAGS,
    responses: { 201: { description: 'Placed', schema: placementCreatedResponse } },
  })
  place(@ZodBody(placeWorkerBody) body: PlaceWorkerBody, @CommandCtx() ctx: CommandContext) {
    return this.commands.execute(new PlaceWorkerCommand(body, ctx));
  }

  @Post(':id/end')
  @HttpCode(200)
  @Roles('admin', 'broker', 'station', 'county_office')
  @ApiDoc({
    summary: 'End a placement',
    tags: TAGS,
    responses: { 200: { description: 'Ended', schema: positionResponse } },
  })
  end(
    @ZodParams(placementParams) params: z.infer<typeof placementParams>,
    @ZodBody(endPlacementBody) body: EndPlacementBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.commands.execute(new EndPlacementCommand(params.id, body, ctx));
  }

  @Post(':id/follow-ups')
  @Roles('admin', 'broker', 'station', 'county_office')
  @ApiDoc({
    summary: 'Record a job-retention follow-up (稳岗回访): still employed, left, or changed job',
    description:
      '`left` ends the placement (`endReason`, `quit` by default; `returned_home` for a returnee); `changed_job` ' +
      'ends it and reports `newEmployment` from the visit in the same append. A broker or county office of the ' +
      'household’s county, or the placing station. 400 for a visitedAt in the future or before the placement ' +
      'started; 404 for an unknown placement; 409 not_employed once it ended.',
    tags: TAGS,
    responses: { 201: { description: 'Recorded', schema: positionResponse } },
  })
  followUp(
    @ZodParams(placementParams) params: z.infer<typeof placementParams>,
    @ZodBody(recordFollowUpBody) body: RecordFollowUpBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.commands.execute(new RecordFollowUpCommand(params.id, body, ctx));
  }
}

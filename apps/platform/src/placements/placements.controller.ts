import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import {
  endPlacementBody,
  placeWorkerBody,
  placementCreatedResponse,
  placementId,
  positionResponse,
  type EndPlacementBody,
  type PlaceWorkerBody,
} from '@contracts';
import { Roles } from '@lib/auth';
import { ApiDoc, ZodBody, ZodParams } from '@lib/http';
import { CommandCtx, type CommandContext } from '../command-handling/command-context';
import { EndPlacementCommand, PlaceWorkerCommand } from './placements.commands';

const placementParams = z.object({ id: placementId }).strict();
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
}

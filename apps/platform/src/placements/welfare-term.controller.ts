import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { renewWelfareTermBody, welfareTermRenewedResponse, type RenewWelfareTermBody } from '@contracts';
import { Roles } from '@lib/auth';
import { ApiDoc, ZodBody, ZodParams } from '@lib/http';
import { CommandCtx, type CommandContext } from '../command-handling/command-context';
import { placementParams } from '../path-params';
import { RenewWelfareTermCommand } from './renew-welfare-term.handler';

/** A public-welfare placement's term (有序退岗): renewed by the county office, ended on time by the scheduler. */
@Controller('v1/placements')
export class WelfareTermController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/renew-term')
  @HttpCode(200)
  @Roles('admin', 'county_office')
  @ApiDoc({
    summary: 'Renew a public-welfare post’s term (the county office of the household’s county)',
    description:
      'Extends the term by termMonths from its current end. 409 not_employed or forbidden_transition when the placement is not an active public-welfare placement or its term already ended.',
    tags: ['placements'],
    responses: { 200: { description: 'Renewed', schema: welfareTermRenewedResponse } },
  })
  renew(
    @ZodParams(placementParams) params: z.infer<typeof placementParams>,
    @ZodBody(renewWelfareTermBody) body: RenewWelfareTermBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.commands.execute(new RenewWelfareTermCommand(params.id, body, ctx));
  }
}

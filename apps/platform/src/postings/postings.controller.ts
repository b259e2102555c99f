import { Controller, HttpCode, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import {
  certifyWorkshopBody,
  changeVacancyBody,
  positionResponse,
  postVacancyBody,
  registerLabourStationBody,
  stationCreatedResponse,
  vacancyCreatedResponse,
  withdrawVacancyBody,
  workshopCreatedResponse,
  type CertifyWorkshopBody,
  type ChangeVacancyBody,
  type PostVacancyBody,
  type RegisterLabourStationBody,
  type WithdrawVacancyBody,
} from '@contracts';
import { Roles } from '@lib/auth';
import { ApiDoc, ZodBody, ZodParams } from '@lib/http';
import { CommandCtx, type CommandContext } from '../command-handling/command-context';
import { vacancyParams } from '../path-params';
import {
  CertifyWorkshopCommand,
  ChangeVacancyCommand,
  PostVacancyCommand,
  RegisterLabourStationCommand,
  WithdrawVacancyCommand,
} from './postings.commands';

const TAGS = ['postings'];

/** Thin: validate, then dispatch; scope checks that need the stored vacancy or source live in the handlers. */
@Controller('v1')
export class PostingsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('labour-stations')
  @Roles('admin')
  @ApiDoc({
    summary: 'Register a labour station',
    tags: TAGS,
    responses: { 201: { description: 'Registered', schema: stationCreatedResponse } },
  })
  registerStation(
    @ZodBody(registerLabourStationBody) body: RegisterLabourStationBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.commands.execute(new RegisterLabourStationCommand(body, ctx));
  }

  @Post('workshops')
  @Roles('admin', 'county_office')
  @ApiDoc({
    summary: 'Certify a workshop (a county office in its own county)',
    tags: TAGS,
    responses: { 201: { description: 'Certified', schema: workshopCreatedResponse } },
  })
  certifyWorkshop(
    @ZodBody(certifyWorkshopBody) body: CertifyWorkshopBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.commands.execute(new CertifyWorkshopCommand(body, ctx));
  }

  @Post('vacancies')
  @Roles('admin', 'station', 'workshop', 'county_office')
  @ApiDoc({
    summary: 'Post a vacancy for the caller’s own station, workshop or county (public welfare)',
    tags: TAGS,
    responses: { 201: { description: 'Posted', schema: vacancyCreatedResponse } },
  })
  postVacancy(@ZodBody(postVacancyBody) body: PostVacancyBody, @CommandCtx() ctx: CommandContext) {
    return this.commands.execute(new PostVacancyCommand(body, ctx));
  }

  @Patch('vacancies/:id')
  @Roles('admin', 'station', 'workshop', 'county_office')
  @ApiDoc({
    summary: 'Change a vacancy’s openings or extend its expiry (its poster)',
    tags: TAGS,
    responses: { 200: { description: 'Changed', schema: positionResponse } },
  })
  changeVacancy(
    @ZodParams(vacancyParams) params: z.infer<typeof vacancyParams>,
    @ZodBody(changeVacancyBody) body: ChangeVacancyBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.commands.execute(new ChangeVacancyCommand(params.id, body, ctx));
  }

  @Post('vacancies/:id/withdraw')
  @HttpCode(200)
  @Roles('admin', 'station', 'workshop', 'county_office')
  @ApiDoc({
    summary: 'Withdraw a vacancy (its poster)',
    tags: TAGS,
    responses: { 200: { description: 'Withdrawn', schema: positionResponse } },
  })
  withdrawVacancy(
    @ZodParams(vacancyParams) params: z.infer<typeof vacancyParams>,
    @ZodBody(withdrawVacancyBody) body: WithdrawVacancyBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.commands.execute(new WithdrawVacancyCommand(params.id, body, ctx));
  }
}

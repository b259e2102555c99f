import { Controller, HttpCode, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import {
  addWorkerBody,
  employmentId,
  endEmploymentBody,
  householdCreatedResponse,
  positionResponse,
  employmentReportedResponse,
  trainingRecordedResponse,
  recordTrainingBody,
  registerHouseholdBody,
  reportEmploymentBody,
  updateHouseholdBody,
  updateWorkerBody,
  workerAddedResponse,
  type EndEmploymentBody,
  type MemberBody,
  type RecordTrainingBody,
  type RegisterHouseholdBody,
  type ReportEmploymentBody,
  type UpdateHouseholdBody,
  type UpdateWorkerBody,
} from '@contracts';
import { Roles } from '@lib/auth';
import { ApiDoc, ZodBody, ZodParams } from '@lib/http';
import { CommandCtx, type CommandContext } from '../command-handling/command-context';
import { householdParams, workerParams } from '../path-params';
import {
  AddWorkerCommand,
  EndEmploymentReportCommand,
  RecordTrainingCommand,
  RegisterHouseholdCommand,
  ReportEmploymentCommand,
  UpdateHouseholdCommand,
  UpdateWorkerCommand,
} from './workforce.commands';

const employmentParams = z.object({ employmentId }).strict();
const TAGS = ['workforce'];

/** Household and worker commands: a county office in its own county (the admin anywhere). */
@Controller('v1')
@Roles('admin', 'county_office')
export class WorkforceController {
  constructor(private readonly commands: CommandBus) {}

  @Post('households')
  @ApiDoc({
    summary: 'Register a household with its members (one worker id per member, in order)',
    description: 'ID numbers are kept only as a keyed hash and their last 4 characters.',
    tags: TAGS,
    responses: { 201: { description: 'Registered', schema: householdCreatedResponse } },
  })
  registerHousehold(
    @ZodBody(registerHouseholdBody) body: RegisterHouseholdBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.commands.execute(new RegisterHouseholdCommand(body, ctx));
  }

  @Post('households/:id/workers')
  @ApiDoc({
    summary: 'Add a worker to a household',
    tags: TAGS,
    responses: { 201: { description: 'Added', schema: workerAddedResponse } },
  })
  addWorker(
    @ZodParams(householdParams) params: z.infer<typeof householdParams>,
    @ZodBody(addWorkerBody) body: MemberBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.commands.execute(new AddWorkerCommand(params.id, body, ctx));
  }

  @Patch('households/:id')
  @ApiDoc({
    summary: 'Change a household’s address (building and unit at the site, or the village)',
    description: 'The same address again appends nothing.',
    tags: TAGS,
    responses: { 200: { description: 'Changed', schema: positionResponse } },
  })
  updateHousehold(
    @ZodParams(householdParams) params: z.infer<typeof householdParams>,
    @ZodBody(updateHouseholdBody) body: UpdateHouseholdBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.commands.execute(new UpdateHouseholdCommand(params.id, body, ctx));
  }

  @Patch('workers/:id')
  @ApiDoc({
    summary: 'Change a worker’s skills, preference, expected wage, labour capacity or mobile number',
    tags: TAGS,
    responses: { 200: { description: 'Changed', schema: positionResponse } },
  })
  updateWorker(
    @ZodParams(workerParams) params: z.infer<typeof workerParams>,
    @ZodBody(updateWorkerBody) body: UpdateWorkerBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.commands.execute(new UpdateWorkerCommand(params.id, body, ctx));
  }

  @Post('workers/:id/trainings')
  @ApiDoc({
    summary: 'Record a completed training',
    tags: TAGS,
    responses: { 201: { description: 'Recorded', schema: trainingRecordedResponse } },
  })
  recordTraining(
    @ZodParams(workerParams) params: z.infer<typeof workerParams>,
    @ZodBody(recordTrainingBody) body: RecordTrainingBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.commands.execute(new RecordTrainingCommand(params.id, body, ctx));
  }

  @Post('workers/:id/employment-reports')
  @HttpCode(201)
  @ApiDoc({
    summary: 'Report employment found outside the platform',
    tags: TAGS,
    responses: { 201: { description: 'Reported', schema: employmentReportedResponse } },
  })
  reportEmployment(
    @ZodParams(workerParams) params: z.infer<typeof workerParams>,
    @ZodBody(reportEmploymentBody) body: ReportEmploymentBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.commands.execute(new ReportEmploymentCommand(params.id, body, ctx));
  }

  @Post('employment-reports/:employmentId/end')
  @HttpCode(200)
  @ApiDoc({
    summary: 'End an employment reported from outside the platform (a returnee: 返乡回流)',
    description:
      'Its id is `<householdId>:<uuid>`; one reported before ids carried their household is addressed as ' +
      '`<householdId>:<its id>`. `endedAt` (not in the future, not before the job started) defaults to now. ' +
      'The same end again appends nothing; another end of an ended employment is 409 not_employed. 404 for an ' +
      'unknown id or a placement (ended at /v1/placements/:id/end).',
    tags: TAGS,
    responses: { 200: { description: 'Ended', schema: positionResponse } },
  })
  endEmployment(
    @ZodParams(employmentParams) params: z.infer<typeof employmentParams>,
    @ZodBody(endEmploymentBody) body: EndEmploymentBody,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.commands.execute(new EndEmploymentReportCommand(params.employmentId, body, ctx));
  }
}

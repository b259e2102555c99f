import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { HouseholdCommand } from '@lib/domain/workforce/household.commands';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { EventStore } from '@lib/event-store';
import { withPosition } from '@lib/http';
import { sequenceDecider } from '../command-handling/command-sequence';
import { decideAndAppend, decideOnHousehold } from '../command-handling/decide-and-append';
import { newHouseholdScopedId } from '../command-handling/household-scoped-id';
import { householdStream } from '@contracts';
import { EVENT_STORE } from '../event-store/event-store.module';
import { workerHousehold } from './workforce-scope';
import { RecordTrainingCommand, ReportEmploymentCommand, UpdateWorkerCommand } from './workforce.commands';

const householdCommands = sequenceDecider(householdDecider);

/** Profile fields, labour capacity and phone are domain commands of their own, decided together and appended at once. */
@CommandHandler(UpdateWorkerCommand)
export class UpdateWorkerHandler implements ICommandHandler<UpdateWorkerCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ workerId, body, ctx }: UpdateWorkerCommand) {
    const householdId = await workerHousehold(this.store, workerId, ctx);
    const { labourCapacity, skills, preference, expectedMonthlyWage, phone } = body;
    const commands: HouseholdCommand[] = [];
    if (skills !== undefined || preference !== undefined || expectedMonthlyWage !== undefined) {
      commands.push({
        type: 'UpdateWorkerProfile',
        workerId,
        skills,
        preference,
        expectedMonthlyWage,
        now: ctx.now,
      });
    }
    if (labourCapacity !== undefined) {
      commands.push({ type: 'ChangeLabourCapacity', workerId, labourCapacity, now: ctx.now });
    }
    if (phone !== undefined) commands.push({ type: 'RecordContact', workerId, phone, now: ctx.now });
    const { position } = await decideAndAppend(
      this.store,
      householdStream(householdId),
      householdCommands,
      commands,
      ctx.metadata,
    );
    return withPosition({}, position);
  }
}

@CommandHandler(RecordTrainingCommand)
export class RecordTrainingHandler implements ICommandHandler<RecordTrainingCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ workerId, body, ctx }: RecordTrainingCommand) {
    const householdId = await workerHousehold(this.store, workerId, ctx);
    const trainingId = randomUUID();
    const { position } = await decideOnHousehold(
      this.store,
      householdId,
      { type: 'RecordTraining', workerId, trainingId, ...body, now: ctx.now },
      ctx,
    );
    return withPosition({ trainingId }, position);
  }
}

@CommandHandler(ReportEmploymentCommand)
export class ReportEmploymentHandler implements ICommandHandler<ReportEmploymentCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ workerId, body, ctx }: ReportEmploymentCommand) {
    const householdId = await workerHousehold(this.store, workerId, ctx);
    // The id names its household, so ending it finds the household's stream without a lookup.
    const employmentId = newHouseholdScopedId(householdId);
    const { position } = await decideOnHousehold(
      this.store,
      householdId,
      { type: 'ReportEmployment', workerId, employmentId, ...body, now: ctx.now },
      ctx,
    );
    return withPosition({ employmentId }, position);
  }
}

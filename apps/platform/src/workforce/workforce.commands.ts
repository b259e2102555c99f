import { Command } from '@nestjs/cqrs';
import type {
  EndEmploymentBody,
  MemberBody,
  RecordTrainingBody,
  RegisterHouseholdBody,
  ReportEmploymentBody,
  UpdateHouseholdBody,
  UpdateWorkerBody,
} from '@contracts';
import type { WithPosition } from '@lib/http';
import type { CommandContext } from '../command-handling/command-context';

export class RegisterHouseholdCommand extends Command<
  WithPosition<{ householdId: string; workerIds: string[] }>
> {
  constructor(
    readonly body: RegisterHouseholdBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class AddWorkerCommand extends Command<WithPosition<{ workerId: string }>> {
  constructor(
    readonly householdId: string,
    readonly body: MemberBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class UpdateHouseholdCommand extends Command<WithPosition<object>> {
  constructor(
    readonly householdId: string,
    readonly body: UpdateHouseholdBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class UpdateWorkerCommand extends Command<WithPosition<object>> {
  constructor(
    readonly workerId: string,
    readonly body: UpdateWorkerBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class RecordTrainingCommand extends Command<WithPosition<{ trainingId: string }>> {
  constructor(
    readonly workerId: string,
    readonly body: RecordTrainingBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class ReportEmploymentCommand extends Command<WithPosition<{ employmentId: string }>> {
  constructor(
    readonly workerId: string,
    readonly body: ReportEmploymentBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class EndEmploymentReportCommand extends Command<WithPosition<object>> {
  constructor(
    readonly employmentId: string,
    readonly body: EndEmploymentBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

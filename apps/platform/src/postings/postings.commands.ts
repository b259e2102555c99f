import { Command } from '@nestjs/cqrs';
import type {
  CertifyWorkshopBody,
  ChangeVacancyBody,
  PostVacancyBody,
  RegisterLabourStationBody,
  WithdrawVacancyBody,
} from '@contracts';
import type { WithPosition } from '@lib/http';
import type { CommandContext } from '../command-handling/command-context';

export class RegisterLabourStationCommand extends Command<WithPosition<{ stationId: string }>> {
  constructor(
    readonly body: RegisterLabourStationBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class CertifyWorkshopCommand extends Command<WithPosition<{ workshopId: string }>> {
  constructor(
    readonly body: CertifyWorkshopBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class PostVacancyCommand extends Command<WithPosition<{ vacancyId: string }>> {
  constructor(
    readonly body: PostVacancyBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class ChangeVacancyCommand extends Command<WithPosition<object>> {
  constructor(
    readonly vacancyId: string,
    readonly body: ChangeVacancyBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class WithdrawVacancyCommand extends Command<WithPosition<object>> {
  constructor(
    readonly vacancyId: string,
    readonly body: WithdrawVacancyBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

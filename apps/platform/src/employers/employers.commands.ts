import { Command } from '@nestjs/cqrs';
import type { RegisterEmployerBody } from '@contracts';
import type { WithPosition } from '@lib/http';
import type { CommandContext } from '../command-handling/command-context';

export class RegisterEmployerCommand extends Command<WithPosition<{ employerId: string }>> {
  constructor(
    readonly body: RegisterEmployerBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

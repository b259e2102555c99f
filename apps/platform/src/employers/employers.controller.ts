import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { employerCreatedResponse, registerEmployerBody, type RegisterEmployerBody } from '@contracts';
import { Roles } from '@lib/auth';
import { ApiDoc, ZodBody } from '@lib/http';
import { CommandCtx, type CommandContext } from '../command-handling/command-context';
import { RegisterEmployerCommand } from './employers.commands';

/** The employer register's command; its queries are served beside the vacancies (EmployersQueryController). */
@Controller('v1/employers')
export class EmployersController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin', 'county_office', 'station', 'workshop')
  @ApiDoc({
    summary: 'Register an employer by its 统一社会信用代码 (once per code)',
    description:
      'A code whose check character is wrong is a 400 naming `creditCode`; a code already registered is a 409 `already_exists`.',
    tags: ['employers'],
    responses: { 201: { description: 'Registered', schema: employerCreatedResponse } },
  })
  register(@ZodBody(registerEmployerBody) body: RegisterEmployerBody, @CommandCtx() ctx: CommandContext) {
    return this.commands.execute(new RegisterEmployerCommand(body, ctx));
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { employerStream } from '@contracts';
import { employerDecider, employerIdOf } from '@lib/domain/employers/employer.decider';
import { loadState, type EventStore } from '@lib/event-store';
import { withPosition } from '@lib/http';
import { decideAndAppend } from '../command-handling/decide-and-append';
import { rejectWith } from '../command-handling/rejection';
import { EVENT_STORE } from '../event-store/event-store.module';
import { RegisterEmployerCommand } from './employers.commands';

@CommandHandler(RegisterEmployerCommand)
export class RegisterEmployerHandler implements ICommandHandler<RegisterEmployerCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, ctx }: RegisterEmployerCommand) {
    // The id is the code's: the same company registered twice (or by two offices at once) meets on one stream.
    const employerId = employerIdOf(body.creditCode);
    const { position } = await decideAndAppend(
      this.store,
      employerStream(employerId),
      employerDecider,
      { type: 'RegisterEmployer', employerId, ...body, now: ctx.now },
      ctx.metadata,
    );
    return withPosition({ employerId }, position);
  }
}

/** A vacancy names an employer of the register, or none; an unknown one is the body's mistake (400). */
export async function requireRegisteredEmployer(store: EventStore, employerId: string): Promise<void> {
  const { state } = await loadState(store, employerStream(employerId), employerDecider);
  if (state.status === 'none') {
    rejectWith({
      code: 'invalid_value',
      message: `Employer ${employerId} is not in the employer register`,
      details: { field: 'employerId' },
    });
  }
}

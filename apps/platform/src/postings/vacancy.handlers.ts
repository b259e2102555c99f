import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { VacancySource } from '@contracts';
import { requireScope } from '@lib/auth';
import { labourStationDecider } from '@lib/domain/postings/labour-station.decider';
import type { VacancyCommand } from '@lib/domain/postings/vacancy.commands';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import { workshopDecider } from '@lib/domain/postings/workshop.decider';
import { loadState, type EventStore } from '@lib/event-store';
import { withPosition } from '@lib/http';
import { sequenceDecider } from '../command-handling/command-sequence';
import type { CommandContext } from '../command-handling/command-context';
import { decideAndAppend } from '../command-handling/decide-and-append';
import { rejectWith } from '../command-handling/rejection';
import { labourStationStream, vacancyStream, workshopStream } from '@contracts';
import { EVENT_STORE } from '../event-store/event-store.module';
import { requireRegisteredEmployer } from '../employers/employer.handlers';
import { ChangeVacancyCommand, PostVacancyCommand, WithdrawVacancyCommand } from './postings.commands';
import { mayActForSource } from './vacancy-poster';

const vacancyCommands = sequenceDecider(vacancyDecider);

@CommandHandler(PostVacancyCommand)
export class PostVacancyHandler implements ICommandHandler<PostVacancyCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, ctx }: PostVacancyCommand) {
    requireScope(
      mayActForSource(ctx.principal, body.source),
      'A vacancy is posted for the caller’s own source',
    );
    await this.requirePostingSource(body.source);
    if (body.employerId !== undefined) await requireRegisteredEmployer(this.store, body.employerId);
    const vacancyId = randomUUID();
    const { position } = await decideAndAppend(
      this.store,
      vacancyStream(vacancyId),
      vacancyDecider,
      { type: 'PostVacancy', vacancyId, ...body, now: ctx.now },
      ctx.metadata,
    );
    return withPosition({ vacancyId }, position);
  }

  /** A station must be registered and a workshop certified; a county code was checked by the body schema. */
  private async requirePostingSource(source: VacancySource): Promise<void> {
    if (source.type === 'labour_station') {
      const { state } = await loadState(this.store, labourStationStream(source.id), labourStationDecider);
      if (state.status === 'none') {
        rejectWith({ code: 'not_found', message: `Labour station ${source.id} does not exist` });
      }
    } else if (source.type === 'workshop') {
      const { state } = await loadState(this.store, workshopStream(source.id), workshopDecider);
      if (state.status === 'none') {
        rejectWith({ code: 'not_found', message: `Workshop ${source.id} does not exist` });
      }
      if (state.status === 'decertified') {
        rejectWith({
          code: 'forbidden_transition',
          message: `Workshop ${source.id} is not certified and cannot post vacancies`,
        });
      }
    }
  }
}

/** Loads the vacancy to learn its poster: 404 when it does not exist, 403 for anyone but its poster. */
async function requirePoster(store: EventStore, vacancyId: string, ctx: CommandContext): Promise<void> {
  const { state } = await loadState(store, vacancyStream(vacancyId), vacancyDecider);
  if (state.status === 'none')
    rejectWith({ code: 'not_found', message: `Vacancy ${vacancyId} does not exist` });
  requireScope(
    mayActForSource(ctx.principal, state.posting.source),
    'Only the vacancy’s poster may change it',
  );
}

@CommandHandler(ChangeVacancyCommand)
export class ChangeVacancyHandler implements ICommandHandler<ChangeVacancyCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ vacancyId, body, ctx }: ChangeVacancyCommand) {
    await requirePoster(this.store, vacancyId, ctx);
    const commands: VacancyCommand[] = [];
    if (body.openings !== undefined) {
      commands.push({ type: 'ChangeOpenings', vacancyId, openings: body.openings, now: ctx.now });
    }
    if (body.expiresAt !== undefined) {
      commands.push({ type: 'ExtendExpiry', vacancyId, expiresAt: body.expiresAt, now: ctx.now });
    }
    const { position } = await decideAndAppend(
      this.store,
      vacancyStream(vacancyId),
      vacancyCommands,
      commands,
      ctx.metadata,
    );
    return withPosition({}, position);
  }
}

@CommandHandler(WithdrawVacancyCommand)
export class WithdrawVacancyHandler implements ICommandHandler<WithdrawVacancyCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ vacancyId, body, ctx }: WithdrawVacancyCommand) {
    await requirePoster(this.store, vacancyId, ctx);
    const { position } = await decideAndAppend(
      this.store,
      vacancyStream(vacancyId),
      vacancyDecider,
      { type: 'WithdrawVacancy', vacancyId, reason: body.reason, now: ctx.now },
      ctx.metadata,
    );
    return withPosition({}, position);
  }
}

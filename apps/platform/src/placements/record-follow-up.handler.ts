import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RecordFollowUpBody } from '@contracts';
import type { VerifyEmployment } from '@lib/domain/workforce/household.commands';
import type { EventStore } from '@lib/event-store';
import type { CommandContext } from '../command-handling/command-context';
import { newHouseholdScopedId } from '../command-handling/household-scoped-id';
import { EVENT_STORE } from '../event-store/event-store.module';
import { decideOnPlacement } from './placement-access';
import { RecordFollowUpCommand } from './placements.commands';

/**
 * A job-retention follow-up of a placement (稳岗回访), decided on the household's stream in one append: still
 * employed; left (the placement ends, `quit` unless the body says why); changed job (it ends and the new job is
 * reported from the visit, so the household is never counted without employment in between). The same callers
 * as ending the placement: a broker or office of the household's county, the placing station, the admin.
 */
@CommandHandler(RecordFollowUpCommand)
export class RecordFollowUpHandler implements ICommandHandler<RecordFollowUpCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ placementId, body, ctx }: RecordFollowUpCommand) {
    return decideOnPlacement(
      this.store,
      placementId,
      ctx,
      'record a follow-up of this placement',
      ({ household, placement }) =>
        followUpCommand(placementId, placement.workerId, household.householdId, body, ctx),
    );
  }
}

function followUpCommand(
  placementId: string,
  workerId: string,
  householdId: string,
  body: RecordFollowUpBody,
  ctx: CommandContext,
): VerifyEmployment {
  const base = {
    type: 'VerifyEmployment',
    workerId,
    employmentId: placementId,
    method: body.method ?? 'visit',
    visitedAt: body.visitedAt,
    ...(body.note === undefined ? {} : { note: body.note }),
    now: ctx.now,
  } as const;
  const endReason = body.endReason ?? 'quit';
  switch (body.outcome) {
    case 'still_employed':
      return { ...base, outcome: 'still_employed' };
    case 'left':
      return { ...base, outcome: 'left', endReason };
    case 'changed_job': {
      // The body's schema requires the new job for this outcome.
      const job = body.newEmployment as NonNullable<RecordFollowUpBody['newEmployment']>;
      const newEmployment = { employmentId: newHouseholdScopedId(householdId), ...job };
      return { ...base, outcome: 'changed_job', endReason, newEmployment };
    }
  }
}

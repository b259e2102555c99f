import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { EventStore } from '@lib/event-store';
import { withPosition } from '@lib/http';
import { decideAndAppend } from '../command-handling/decide-and-append';
import { householdStream } from '@contracts';
import { EVENT_STORE } from '../event-store/event-store.module';
import { placementForCommand } from './placement-access';
import { EndPlacementCommand } from './placements.commands';

/**
 * Ends a placement on its household's stream. The opening is not given back: a confirmed
 * reservation keeps counting against the openings, and the poster raises them if the post is vacant again.
 */
@CommandHandler(EndPlacementCommand)
export class EndPlacementHandler implements ICommandHandler<EndPlacementCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ placementId, body, ctx }: EndPlacementCommand) {
    const { household, placement } = await placementForCommand(
      this.store,
      placementId,
      ctx.principal,
      'end this placement',
    );
    const { position } = await decideAndAppend(
      this.store,
      householdStream(household.householdId),
      householdDecider,
      {
        type: 'EndEmployment',
        workerId: placement.workerId,
        employmentId: placementId,
        reason: body.reason,
        now: ctx.now,
      },
      ctx.metadata,
    );
    return withPosition({}, position);
  }
}

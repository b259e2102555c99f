import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';
import { decideOnPlacement } from './placement-access';
import { EndPlacementCommand } from './placements.commands';

/**
 * Ends a placement on its household's stream. The opening is not given back: a confirmed
 * reservation keeps counting against the openings, and the poster raises them if the post is vacant again.
 */
@CommandHandler(EndPlacementCommand)
export class EndPlacementHandler implements ICommandHandler<EndPlacementCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ placementId, body, ctx }: EndPlacementCommand) {
    return decideOnPlacement(this.store, placementId, ctx, 'end this placement', ({ placement }) => ({
      type: 'EndEmployment',
      workerId: placement.workerId,
      employmentId: placementId,
      reason: body.reason,
      now: ctx.now,
    }));
  }
}

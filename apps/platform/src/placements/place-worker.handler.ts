import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { householdStream, parseWorkerId } from '@contracts';
import { canActForCounty, requireScope } from '@lib/auth';
import { placeWorker } from '@lib/application';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { loadState, type EventStore } from '@lib/event-store';
import { withPosition } from '@lib/http';
import { orReject, rejectWith } from '../command-handling/rejection';
import { EVENT_STORE } from '../event-store/event-store.module';
import { newPlacementId } from './placement-id';
import { PlaceWorkerCommand } from './placements.commands';

/**
 * The saga of ADR 0002 (libs/application placement-flow). The broker's choice (recommendation rank,
 * override reason) goes into WorkerPlaced, the broker into brokerId and the event metadata.
 */
@CommandHandler(PlaceWorkerCommand)
export class PlaceWorkerHandler implements ICommandHandler<PlaceWorkerCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, ctx }: PlaceWorkerCommand) {
    const householdId = parseWorkerId(body.workerId)?.householdId;
    const { state } = householdId
      ? await loadState(this.store, householdStream(householdId), householdDecider)
      : { state: undefined };
    if (!householdId || state?.status !== 'registered') {
      return rejectWith({ code: 'not_found', message: `Worker ${body.workerId} does not exist` });
    }
    requireScope(
      canActForCounty(ctx.principal, state.countyCode),
      'A broker places workers of households in its own counties only',
    );
    const { placementId, position } = orReject(
      await placeWorker({
        store: this.store,
        placementId: newPlacementId(householdId),
        workerId: body.workerId,
        vacancyId: body.vacancyId,
        brokerId: ctx.principal.sub,
        startDate: body.startDate,
        recommendationRank: body.recommendationRank,
        overrideReason: body.overrideReason,
        now: ctx.now,
        metadata: ctx.metadata,
      }),
    );
    return withPosition({ placementId }, position);
  }
}

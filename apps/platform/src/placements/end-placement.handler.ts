import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { canActForCounty, isCountyOffice, requireScope, type Principal } from '@lib/auth';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { RegisteredHousehold } from '@lib/domain/workforce/household.state';
import { loadState, type EventStore } from '@lib/event-store';
import { withPosition } from '@lib/http';
import { decideAndAppend } from '../command-handling/decide-and-append';
import { rejectWith } from '../command-handling/rejection';
import { householdStream, vacancyStream } from '@contracts';
import { EVENT_STORE } from '../event-store/event-store.module';
import { mayActForSource } from '../postings/vacancy-poster';
import { householdOfPlacement } from './placement-id';
import { EndPlacementCommand } from './placements.commands';

/**
 * Ends a placement on its household's stream. The opening is not given back: a confirmed
 * reservation keeps counting against the openings, and the poster raises them if the post is vacant again.
 */
@CommandHandler(EndPlacementCommand)
export class EndPlacementHandler implements ICommandHandler<EndPlacementCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ placementId, body, ctx }: EndPlacementCommand) {
    const householdId = householdOfPlacement(placementId);
    const { state } = householdId
      ? await loadState(this.store, householdStream(householdId), householdDecider)
      : { state: undefined };
    const placement = state?.status === 'registered' ? state.placements.get(placementId) : undefined;
    if (!householdId || state?.status !== 'registered' || !placement) {
      return rejectWith({ code: 'not_found', message: `Placement ${placementId} does not exist` });
    }
    requireScope(
      await this.mayEnd(ctx.principal, state, placement.vacancyId),
      'Only a broker or county office of the household’s county, or the placing station, may end this placement',
    );
    const { position } = await decideAndAppend(
      this.store,
      householdStream(householdId),
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

  /** A broker or office of the household's county, or the station whose vacancy the worker was placed in. */
  private async mayEnd(principal: Principal, household: RegisteredHousehold, vacancyId: string) {
    if (principal.role === 'broker') return canActForCounty(principal, household.countyCode);
    if (principal.role !== 'station') return isCountyOffice(principal, household.countyCode);
    const { state: vacancy } = await loadState(this.store, vacancyStream(vacancyId), vacancyDecider);
    return vacancy.status !== 'none' && mayActForSource(principal, vacancy.posting.source);
  }
}

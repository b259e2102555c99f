import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { householdStream, type RenewWelfareTermBody } from '@contracts';
import { isCountyOffice, requireScope } from '@lib/auth';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { loadState, type EventStore } from '@lib/event-store';
import { withPosition, type WithPosition } from '@lib/http';
import type { CommandContext } from '../command-handling/command-context';
import { decideOnHousehold } from '../command-handling/decide-and-append';
import { rejectWith } from '../command-handling/rejection';
import { EVENT_STORE } from '../event-store/event-store.module';
import { householdOfPlacement } from './placement-id';

export class RenewWelfareTermCommand extends Command<
  WithPosition<{ placementId: string; termEndsOn: string }>
> {
  constructor(
    readonly placementId: string,
    readonly body: RenewWelfareTermBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/**
 * The county office renews a public-welfare post's term before it runs out (有序退岗: otherwise the scheduler
 * ends the placement at the term's end). Only the office of the household's county; the household decides
 * (409 when the placement is not an active welfare placement, or its term already ended).
 */
@CommandHandler(RenewWelfareTermCommand)
export class RenewWelfareTermHandler implements ICommandHandler<RenewWelfareTermCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ placementId, body, ctx }: RenewWelfareTermCommand) {
    const householdId = householdOfPlacement(placementId);
    const { state } = householdId
      ? await loadState(this.store, householdStream(householdId), householdDecider)
      : { state: undefined };
    const placement = state?.status === 'registered' ? state.placements.get(placementId) : undefined;
    if (!householdId || state?.status !== 'registered' || !placement) {
      return rejectWith({ code: 'not_found', message: `Placement ${placementId} does not exist` });
    }
    requireScope(
      isCountyOffice(ctx.principal, state.countyCode),
      'Only the county office of the household’s county may renew a public-welfare term',
    );
    const { events, position } = await decideOnHousehold(
      this.store,
      householdId,
      {
        type: 'RenewWelfareTerm',
        workerId: placement.workerId,
        placementId,
        termMonths: body.termMonths,
        now: ctx.now,
      },
      ctx,
    );
    const renewed = events.find((e) => e.type === 'WelfareTermRenewed');
    if (renewed?.type !== 'WelfareTermRenewed') throw new Error('A renewal appended no WelfareTermRenewed');
    return withPosition({ placementId, termEndsOn: renewed.data.termEndsOn }, position);
  }
}

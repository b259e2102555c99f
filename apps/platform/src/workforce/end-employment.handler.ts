import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { householdStream } from '@contracts';
import { isCountyOffice, requireScope } from '@lib/auth';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { RegisteredHousehold } from '@lib/domain/workforce/household.state';
import { loadState, type EventStore } from '@lib/event-store';
import { withPosition } from '@lib/http';
import { decideOnHousehold } from '../command-handling/decide-and-append';
import { householdOfScopedId } from '../command-handling/household-scoped-id';
import { rejectWith } from '../command-handling/rejection';
import { EVENT_STORE } from '../event-store/event-store.module';
import { EndEmploymentReportCommand } from './workforce.commands';

/**
 * Ends an employment reported from outside the platform (a returnee, 返乡回流, is no longer employed), on its
 * household's stream: the county office of the household's county, or the admin. The id names the household
 * (`<householdId>:<uuid>`); one reported before ids did (a bare uuid) is addressed as `<householdId>:<its id>`.
 * A placement is not a report: it ends at /v1/placements/:id/end, where its station may end it too.
 */
@CommandHandler(EndEmploymentReportCommand)
export class EndEmploymentReportHandler implements ICommandHandler<EndEmploymentReportCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ employmentId, body, ctx }: EndEmploymentReportCommand) {
    const found = await this.reported(employmentId);
    if (!found) {
      return rejectWith({ code: 'not_found', message: `Employment report ${employmentId} does not exist` });
    }
    const { household, id, workerId } = found;
    requireScope(
      isCountyOffice(ctx.principal, household.countyCode),
      'A county office ends employment of households in its own county only',
    );
    const { position } = await decideOnHousehold(
      this.store,
      household.householdId,
      {
        type: 'EndEmployment',
        workerId,
        employmentId: id,
        reason: body.reason,
        ...(body.endedAt === undefined ? {} : { endedAt: body.endedAt }),
        now: ctx.now,
      },
      ctx,
    );
    return withPosition({}, position);
  }

  /** The household, the employment's id in it (the bare one for an id reported before) and its worker. */
  private async reported(
    employmentId: string,
  ): Promise<{ household: RegisteredHousehold; id: string; workerId: string } | undefined> {
    const householdId = householdOfScopedId(employmentId);
    if (!householdId) return undefined;
    const { state } = await loadState(this.store, householdStream(householdId), householdDecider);
    if (state.status !== 'registered') return undefined;
    const legacyId = employmentId.slice(householdId.length + 1);
    const id = state.employments.has(employmentId) ? employmentId : legacyId;
    const record = state.employments.get(id);
    if (!record || state.placements.has(id) || state.voidedPlacements.has(id)) return undefined;
    return { household: state, id, workerId: record.workerId };
  }
}

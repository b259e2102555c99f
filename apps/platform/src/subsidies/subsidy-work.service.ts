import { Inject, Injectable } from '@nestjs/common';
import type { ClaimSubsidyBody, PaySubsidyBody, ReviewSubsidyBody, SubsidyRatesBody } from '@contracts';
import {
  claimTransportSubsidy,
  loadEligibility,
  payTransportSubsidy,
  reviewTransportSubsidy,
  setTransportSubsidyRates,
  type SubsidyContext,
  type SubsidyOutcome,
} from '@lib/application/subsidies/transport-subsidy-flow';
import { isCountyOffice, requireScope } from '@lib/auth';
import type { SubsidyEligibility } from '@lib/domain/subsidies';
import type { EventStore } from '@lib/event-store';
import { withPosition } from '@lib/http';
import type { CommandContext } from '../command-handling/command-context';
import { orReject, rejectWith } from '../command-handling/rejection';
import { EVENT_STORE } from '../event-store/event-store.module';

export const SUBSIDY_SCOPE = '县就业部门只能办理本县劳动力的交通补贴';

/**
 * The transport subsidy's commands: the subsidy must be one the monitor granted (404 otherwise), and the caller
 * the office of the worker's county or the admin (403 otherwise); then the flows of libs/application.
 */
@Injectable()
export class SubsidyWork {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async claim(subsidyId: string, body: ClaimSubsidyBody, ctx: CommandContext) {
    const eligibility = await this.requireOffice(subsidyId, ctx);
    return answer(await claimTransportSubsidy(this.context(ctx), eligibility, subsidyId, body));
  }

  async review(subsidyId: string, body: ReviewSubsidyBody, ctx: CommandContext) {
    const eligibility = await this.requireOffice(subsidyId, ctx);
    return answer(await reviewTransportSubsidy(this.context(ctx), eligibility, subsidyId, body));
  }

  async pay(subsidyId: string, body: PaySubsidyBody, ctx: CommandContext) {
    await this.requireOffice(subsidyId, ctx);
    return answer(await payTransportSubsidy(this.context(ctx), subsidyId, body));
  }

  async setRates(countyCode: string, body: SubsidyRatesBody, ctx: CommandContext) {
    const { position } = orReject(await setTransportSubsidyRates(this.context(ctx), countyCode, body));
    return withPosition({}, position);
  }

  private context({ now, metadata }: CommandContext): SubsidyContext {
    return { store: this.store, now, metadata };
  }

  private async requireOffice(subsidyId: string, ctx: CommandContext): Promise<SubsidyEligibility> {
    const eligibility = await loadEligibility(this.store, subsidyId);
    if (!eligibility) {
      return rejectWith({
        code: 'not_found',
        message: `没有这项交通补贴：${subsidyId}（劳动力当年须有省外务工就业，平台才会生成补贴资格）`,
      });
    }
    requireScope(isCountyOffice(ctx.principal, eligibility.countyCode), SUBSIDY_SCOPE);
    return eligibility;
  }
}

const answer = (outcome: SubsidyOutcome) => {
  const { subsidyId, position } = orReject(outcome);
  return withPosition({ subsidyId }, position);
};

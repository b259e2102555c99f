import { Inject, Injectable } from '@nestjs/common';
import {
  countySettingsStream,
  type AssignCaseBody,
  type CaseDeadlinesBody,
  type RecordMeasureBody,
  type RecordVerificationBody,
} from '@contracts';
import {
  assignCase,
  loadCase,
  recordMeasure,
  recordVerification,
  type CaseWorkOutcome,
} from '@lib/application';
import { isCountyOffice, requireScope } from '@lib/auth';
import { countySettingsDecider } from '@lib/domain/cases';
import type { EventStore } from '@lib/event-store';
import { withPosition } from '@lib/http';
import type { CommandContext } from '../command-handling/command-context';
import { decideAndAppend } from '../command-handling/decide-and-append';
import { orReject, rejectWith } from '../command-handling/rejection';
import { EVENT_STORE } from '../event-store/event-store.module';

/** The case work's commands: scope from the case's own stream, then the flows of libs/application. */
@Injectable()
export class CaseWork {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async assign(caseId: string, body: AssignCaseBody, ctx: CommandContext) {
    await this.requireCaseOffice(caseId, ctx);
    return answer(await assignCase(this.context(ctx), caseId, body.assignee));
  }

  async verify(caseId: string, body: RecordVerificationBody, ctx: CommandContext) {
    await this.requireCaseOffice(caseId, ctx);
    return answer(await recordVerification(this.context(ctx), { caseId, ...body }));
  }

  async measure(caseId: string, body: RecordMeasureBody, ctx: CommandContext) {
    await this.requireCaseOffice(caseId, ctx);
    return answer(await recordMeasure(this.context(ctx), { caseId, ...body }));
  }

  async setDeadlines(countyCode: string, body: CaseDeadlinesBody, ctx: CommandContext) {
    const { position } = await decideAndAppend(
      this.store,
      countySettingsStream(countyCode),
      countySettingsDecider,
      { type: 'SetCaseDeadlines', countyCode, ...body, now: ctx.now },
      ctx.metadata,
    );
    return withPosition({ recordId: countyCode }, position);
  }

  private context({ now, metadata }: CommandContext) {
    return { store: this.store, now, metadata };
  }

  /** 404 for a case that does not exist, 403 unless the caller is its county's office (or the admin). */
  private async requireCaseOffice(caseId: string, ctx: CommandContext): Promise<void> {
    const state = await loadCase(this.store, caseId);
    if (state.status === 'none')
      return rejectWith({ code: 'not_found', message: `Case ${caseId} does not exist` });
    requireScope(
      isCountyOffice(ctx.principal, state.countyCode),
      'A county office works on its own county’s cases only',
    );
  }
}

const answer = (outcome: CaseWorkOutcome) => {
  const { recordId, position } = orReject(outcome);
  return withPosition({ recordId }, position);
};

import { Inject, Injectable } from '@nestjs/common';
import type {
  ConfirmWelfareMonthBody,
  CorrectWelfareMonthBody,
  PayWelfareMonthBody,
  WelfareMonthLine,
  WelfareMonthResponse,
} from '@contracts';
import {
  confirmWelfareMonth,
  correctWelfareMonthEntry,
  householdsCollection,
  loadWelfareMonth,
  payWelfareMonth,
  welfareMonthDraft,
  type PayrollOutcome,
  type WelfarePayrollContext,
} from '@lib/application';
import { nameVisibility, visibleName, type Principal } from '@lib/auth';
import { totalFenOf } from '@lib/domain/welfare-payroll/welfare-payroll.decider';
import { proRataFen, daysInMonth } from '@lib/domain/welfare-payroll/welfare-month';
import type { EventStore } from '@lib/event-store';
import type { ReadStore } from '@lib/read-store';
import type { CommandContext } from '../command-handling/command-context';
import { orReject } from '../command-handling/rejection';
import { EVENT_STORE } from '../event-store/event-store.module';
import { MONITOR_READ_STORE } from '../monitor/monitor-runtime';
import { CLOCK } from '../clock/clock.module';
import type { Clock } from '@lib/application';
import { dayOf } from '@lib/domain/shared/business-dates';

const yuanOf = (fen: number): number => fen / 100;

/** The public-welfare payroll's commands and its month view: the flows of libs/application behind HTTP. */
@Injectable()
export class WelfarePayroll {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MONITOR_READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async confirm(countyCode: string, month: string, body: ConfirmWelfareMonthBody, ctx: CommandContext) {
    return recorded(
      countyCode,
      month,
      await confirmWelfareMonth(this.context(ctx), { countyCode, month, ...body }),
    );
  }

  async correct(countyCode: string, month: string, body: CorrectWelfareMonthBody, ctx: CommandContext) {
    return recorded(
      countyCode,
      month,
      await correctWelfareMonthEntry(this.context(ctx), { countyCode, month, ...body }),
    );
  }

  async pay(countyCode: string, month: string, body: PayWelfareMonthBody, ctx: CommandContext) {
    return recorded(
      countyCode,
      month,
      await payWelfareMonth(this.context(ctx), { countyCode, month, ...body }),
    );
  }

  /**
   * The month as it stands: once confirmed, its list (corrections applied) and its payment; before, the draft
   * of who held a post and for how many days, which the office confirms or lowers. Names as the caller may
   * see them in a list.
   */
  async month(countyCode: string, month: string, caller: Principal): Promise<WelfareMonthResponse> {
    const { state, position } = await loadWelfareMonth(this.store, countyCode, month);
    const lines =
      state.status === 'open'
        ? (
            await welfareMonthDraft(this.store, this.readStore, countyCode, month, dayOf(this.clock.now()))
          ).map(({ holding, daysHeld }) => ({
            ...holding,
            daysInPost: daysHeld,
            daysInMonth: daysInMonth(month),
            amountFen: proRataFen(holding.monthlySubsidy, daysHeld, daysInMonth(month)),
          }))
        : [...state.entries.values()];
    const households = await this.readStore.load(householdsCollection, [
      ...new Set(lines.map((l) => l.householdId)),
    ]);
    const visibility = nameVisibility(caller, { countyCode, view: 'list' });
    const items: WelfareMonthLine[] = lines.map((l) => {
      const name = households.get(l.householdId)?.members.find((m) => m.workerId === l.workerId)?.name ?? '';
      return {
        placementId: l.placementId,
        workerId: l.workerId,
        householdId: l.householdId,
        vacancyId: l.vacancyId,
        name: visibleName(name, visibility) ?? '',
        daysInPost: l.daysInPost,
        daysInMonth: l.daysInMonth,
        monthlySubsidy: l.monthlySubsidy,
        amount: yuanOf(l.amountFen),
      };
    });
    const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
    return {
      countyCode,
      month,
      status: state.status,
      items,
      totals: {
        holders: items.length,
        amount: yuanOf(state.status === 'open' ? totalFen : totalFenOf(state)),
      },
      corrections: state.corrections,
      paid: state.paid
        ? { total: yuanOf(state.paid.totalFen), reference: state.paid.reference, paidAt: state.paid.paidAt }
        : null,
      position: position.toString(),
    };
  }

  private context({ now, metadata }: CommandContext): WelfarePayrollContext {
    return { store: this.store, now, metadata };
  }
}

function recorded(countyCode: string, month: string, outcome: PayrollOutcome) {
  const { position } = orReject(outcome);
  return { countyCode, month, position: position.toString() };
}

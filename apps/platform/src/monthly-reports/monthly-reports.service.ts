import { Inject, Injectable } from '@nestjs/common';
import {
  countiesOfPrefecture,
  type MonthlyReportHistoryResponse,
  type MonthlyReportResponse,
  type PrefectureMonthlyReportsResponse,
  type SendMonthlyReportBody,
  type SentMonthlyReport,
} from '@contracts';
import {
  compileMonthlyReport,
  CountyMonths,
  loadMonthlyReports,
  sendMonthlyReport,
  type Clock,
  type MonthlyReportSources,
} from '@lib/application';
import { revisionsOf, type SentReport } from '@lib/domain/monthly-reports/monthly-report.decider';
import { monthIsOver } from '@lib/domain/welfare-payroll/welfare-month';
import type { EventStore } from '@lib/event-store';
import type { ReadStore } from '@lib/read-store';
import type { CommandContext } from '../command-handling/command-context';
import { orReject } from '../command-handling/rejection';
import { EVENT_STORE } from '../event-store/event-store.module';
import { MONITOR_READ_STORE } from '../monitor/monitor-runtime';
import { CLOCK } from '../clock/clock.module';

const view = (r: SentReport): SentMonthlyReport => ({
  countyCode: r.countyCode,
  month: r.month,
  revision: r.revision,
  figures: r.figures,
  previousFigures: r.previousFigures,
  activity: r.activity,
  subsidies: r.subsidies,
  foldedTo: r.foldedTo,
  note: r.note ?? null,
  correctionReason: r.correctionReason ?? null,
  sentAt: r.sentAt,
});

/** The county's monthly reports (月报): the flows of libs/application behind HTTP. */
@Injectable()
export class MonthlyReports {
  private readonly sources: MonthlyReportSources;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(MONITOR_READ_STORE) readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    months: CountyMonths,
  ) {
    this.sources = { store, readStore, months };
  }

  async send(countyCode: string, month: string, body: SendMonthlyReportBody, ctx: CommandContext) {
    const outcome = orReject(
      await sendMonthlyReport(
        { ...this.sources, now: ctx.now, metadata: ctx.metadata },
        { countyCode, month, ...body },
      ),
    );
    return { countyCode, month, revision: outcome.revision, position: outcome.position.toString() };
  }

  /** The month as last sent, with every revision; not sent: the draft, compiled from the log now. */
  async month(countyCode: string, month: string): Promise<MonthlyReportResponse> {
    const { state, position } = await loadMonthlyReports(this.sources.store, countyCode);
    const revisions = revisionsOf(state, month).map(view);
    const sent = revisions[revisions.length - 1] ?? null;
    const draft = sent
      ? null
      : { countyCode, month, ...(await compileMonthlyReport(this.sources, countyCode, month)) };
    return {
      countyCode,
      month,
      status: sent ? 'sent' : 'draft',
      monthOver: monthIsOver(month, this.clock.now()),
      draft,
      sent,
      revisions,
      position: position.toString(),
    };
  }

  /** Every month sent, as last sent, newest first. */
  async history(countyCode: string): Promise<MonthlyReportHistoryResponse> {
    const { state, position } = await loadMonthlyReports(this.sources.store, countyCode);
    const items = [...state.months.values()]
      .map((revisions) => view(revisions[revisions.length - 1]))
      .sort((a, b) => b.month.localeCompare(a.month));
    return { countyCode, items, position: position.toString() };
  }

  /** A prefecture's counties for one month: which sent, when, and their headline figures as sent. */
  async prefecture(prefectureCode: string, month: string): Promise<PrefectureMonthlyReportsResponse> {
    const items = await Promise.all(
      countiesOfPrefecture(prefectureCode).map(async (county) => {
        const { state } = await loadMonthlyReports(this.sources.store, county.code);
        const revisions = revisionsOf(state, month);
        const last = revisions[revisions.length - 1];
        return {
          countyCode: county.code,
          countyName: county.name,
          status: last ? ('sent' as const) : ('not_sent' as const),
          revision: last?.revision ?? null,
          sentAt: last?.sentAt ?? null,
          zeroEmploymentHouseholds: last?.figures.zeroEmploymentHouseholds ?? null,
          employmentRate: last?.figures.employmentRate ?? null,
        };
      }),
    );
    return { prefectureCode, month, items };
  }
}

import type {
  EventsOfStream,
  MonthlyReportActivity,
  MonthlyReportFigures,
  MonthlyReportSubsidies,
} from '@contracts';
import { accept, reject, type Decider } from '../shared/decider';
import { dayOf, endOfDay, guizhouTimeOf, RECORDING_SETTLE_MS } from '../shared/business-dates';
import { lastDayOf, monthIsOver } from '../welfare-payroll/welfare-month';

export type MonthlyReportEvent = EventsOfStream<'monthlyReport'>;
export type SentReport = MonthlyReportEvent['data'];

/** What a report says: compiled from the log by the application layer when the office sends it. */
export interface MonthlyReportContent {
  readonly figures: MonthlyReportFigures;
  readonly previousFigures: MonthlyReportFigures;
  readonly activity: MonthlyReportActivity;
  readonly subsidies: MonthlyReportSubsidies;
  readonly foldedTo: string;
}

export interface SendMonthlyReport {
  readonly type: 'SendMonthlyReport';
  readonly countyCode: string;
  readonly month: string;
  readonly content: MonthlyReportContent;
  readonly note?: string;
  /** Required to send a month again. */
  readonly correctionReason?: string;
  readonly now: string;
}

/** A county's reports: every revision of every month sent, in the order sent. */
export interface MonthlyReportsState {
  readonly months: ReadonlyMap<string, readonly SentReport[]>;
}

/** The revisions of one month, the first sent first; empty when it was never sent. */
export const revisionsOf = (state: MonthlyReportsState, month: string): readonly SentReport[] =>
  state.months.get(month) ?? [];

/**
 * The county's monthly report (月报): sent once a month is over, its content kept as sent; sent again only as
 * a correction, with its reason, as a new revision (the earlier ones stay). One stream per county.
 */
export const monthlyReportDecider: Decider<SendMonthlyReport, MonthlyReportsState, MonthlyReportEvent> = {
  initialState: () => ({ months: new Map() }),
  evolve(state, event) {
    const months = new Map(state.months);
    months.set(event.data.month, [...revisionsOf(state, event.data.month), event.data]);
    return { months };
  },
  decide(command, state) {
    const { countyCode, month, content, note, correctionReason, now } = command;
    if (!monthIsOver(month, now)) {
      return reject(
        'month_not_over',
        `${month} 尚未结束（今天是 ${dayOf(now)}），月报在 ${lastDayOf(month)} 之后报送`,
        {
          month,
        },
      );
    }
    // Closed at the month's end, but what was begun before it may still be written for a few minutes: a report
    // compiled then would miss it, and be kept so.
    const closesAt = new Date(endOfDay(lastDayOf(month)) + RECORDING_SETTLE_MS).toISOString();
    if (Date.parse(now) < Date.parse(closesAt)) {
      return reject(
        'month_not_over',
        `${month} 刚结束，月末前开始的登记可能仍在写入；请于 ${guizhouTimeOf(closesAt)} 之后报送`,
        { month },
      );
    }
    const sent = revisionsOf(state, month);
    const last = sent[sent.length - 1];
    if (last && correctionReason === undefined) {
      return reject(
        'report_already_sent',
        `${countyCode} ${month} 的月报已于 ${guizhouTimeOf(last.sentAt)} 报送（第 ${last.revision} 版）；更正请填写更正原因`,
        { month, revision: last.revision },
      );
    }
    if (!last && correctionReason !== undefined) {
      return reject('report_not_sent', `${month} 的月报尚未报送，无可更正`, { field: 'correctionReason' });
    }
    return accept({
      type: 'CountyMonthlyReportSent',
      data: {
        countyCode,
        month,
        revision: (last?.revision ?? 0) + 1,
        ...content,
        ...(note === undefined ? {} : { note }),
        ...(correctionReason === undefined ? {} : { correctionReason }),
        sentAt: now,
      },
    });
  },
};

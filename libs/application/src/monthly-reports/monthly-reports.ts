import { monthlyReportStream, type EventMetadata, type MonthlyReportSubsidies } from '@contracts';
import {
  monthlyReportDecider,
  type MonthlyReportContent,
  type MonthlyReportsState,
} from '@lib/domain/monthly-reports/monthly-report.decider';
import { MonthReportFold } from '@lib/domain/monthly-reports/month-report-fold';
import { dayOf } from '@lib/domain/shared/business-dates';
import type { Rejection } from '@lib/domain/shared/decider';
import { totalFenOf } from '@lib/domain/welfare-payroll/welfare-payroll.decider';
import { loadState, runDecider, type EventStore, type Position } from '@lib/event-store';
import { findAll, type ReadStore } from '@lib/read-store';
import { subsidyClaimsCollection } from '../monitor/monitor-collections';
import { loadWelfareMonth } from '../welfare-payroll/welfare-payroll';
import type { CountyMonths } from './county-months';

/**
 * The county's monthly report (月报): compiled from the log when it is sent — the figures at the month's end and
 * the month before (the figures-as-of fold), the month's activity, the transport subsidies paid in it and the
 * month's public-welfare payroll — and kept as sent on the county's report stream.
 */
export interface MonthlyReportSources {
  readonly store: EventStore;
  readonly readStore: ReadStore;
  readonly months: CountyMonths;
}

export interface MonthlyReportContext extends MonthlyReportSources {
  readonly now: string;
  readonly metadata: EventMetadata;
}

export interface SendMonthlyReportInput {
  readonly countyCode: string;
  readonly month: string;
  readonly note?: string;
  readonly correctionReason?: string;
}

export type MonthlyReportOutcome =
  | { readonly ok: true; readonly revision: number; readonly position: Position }
  | { readonly ok: false; readonly rejection: Rejection };

/** The month's money: transport subsidies paid in it (Guizhou's days) and its public-welfare payroll. */
async function subsidiesOf(
  sources: MonthlyReportSources,
  countyCode: string,
  month: string,
): Promise<MonthlyReportSubsidies> {
  const paid = (
    await findAll(sources.readStore, subsidyClaimsCollection, { countyCode, status: 'paid' })
  ).filter((c) => c.paidAt !== null && dayOf(c.paidAt).startsWith(month));
  const { state } = await loadWelfareMonth(sources.store, countyCode, month);
  return {
    transportPaid: { count: paid.length, amount: paid.reduce((sum, c) => sum + (c.amount ?? 0), 0) },
    welfare: { status: state.status, holders: state.entries.size, amountFen: totalFenOf(state) },
  };
}

/** What a report of this county and month says, from the log now (a month running: its figures so far). */
export async function compileMonthlyReport(
  sources: MonthlyReportSources,
  countyCode: string,
  month: string,
): Promise<MonthlyReportContent> {
  const [counties, subsidies] = await Promise.all([
    sources.months.of(month),
    subsidiesOf(sources, countyCode, month),
  ]);
  return { ...counties.county(countyCode), subsidies, foldedTo: counties.position.toString() };
}

export async function loadMonthlyReports(
  store: EventStore,
  countyCode: string,
): Promise<{ state: MonthlyReportsState; position: Position }> {
  const { state, position } = await loadState(store, monthlyReportStream(countyCode), monthlyReportDecider);
  return { state, position };
}

/**
 * Sends (or corrects) a month's report. The decider is asked first on what the stream holds, so a refused
 * send (a month not over, sent already) answers at once instead of after a fold of the log; then the report is
 * compiled and the decider decides again on the stream as it is at the append.
 */
export async function sendMonthlyReport(
  ctx: MonthlyReportContext,
  input: SendMonthlyReportInput,
): Promise<MonthlyReportOutcome> {
  const command = (content: MonthlyReportContent) => ({
    type: 'SendMonthlyReport' as const,
    ...input,
    content,
    now: ctx.now,
  });
  const { state } = await loadMonthlyReports(ctx.store, input.countyCode);
  const early = monthlyReportDecider.decide(command(placeholder(input)), state);
  if (!early.ok) return early;
  const content = await compileMonthlyReport(ctx, input.countyCode, input.month);
  const result = await runDecider({
    store: ctx.store,
    streamId: monthlyReportStream(input.countyCode),
    decider: monthlyReportDecider,
    command: command(content),
    metadata: { ...ctx.metadata, now: ctx.now },
  });
  if (!result.ok) return result;
  const [sent] = result.events;
  return { ok: true, revision: sent.data.revision, position: result.position };
}

/** The content the early check decides on (an empty month): its refusals never depend on what a report says. */
const placeholder = (input: SendMonthlyReportInput): MonthlyReportContent => ({
  ...new MonthReportFold(input.month).counties().county(input.countyCode),
  subsidies: {
    transportPaid: { count: 0, amount: 0 },
    welfare: { status: 'open', holders: 0, amountFen: 0 },
  },
  foldedTo: '0',
});

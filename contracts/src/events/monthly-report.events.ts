import { z } from 'zod';
import { CHANNELS, guizhouCountyCode, isoDateTime, positionString, recordedText, yuan } from '../values';
import { defineEvent, type EventOf } from './define-event';
import { fen, yearMonth } from './welfare-payroll.events';
import { AT } from './example-values';

const count = z.number().int().min(0);
const byChannel = z
  .object(
    Object.fromEntries(CHANNELS.map((c) => [c, count])) as Record<(typeof CHANNELS)[number], typeof count>,
  )
  .strict();

/** The county's figures at an instant, as GET /v1/counties/:code/employment gives them (without position). */
export const monthlyReportFigures = z
  .object({
    households: count,
    householdsWithLabour: count,
    coveredHouseholds: count,
    zeroEmploymentHouseholds: count,
    noLabourHouseholds: count,
    labourCapableWorkers: count,
    employedWorkers: count,
    employedLabourCapableWorkers: count,
    jobSeekers: count,
    jobSeekersWith131: count,
    employmentRate: z.number().min(0).max(1),
    byChannel,
  })
  .strict();
export type MonthlyReportFigures = z.infer<typeof monthlyReportFigures>;

/** What the county's households' records say happened within the month (recorded in it). */
export const monthlyReportActivity = z
  .object({
    /** Placements recorded in the month and not voided by its end. */
    placements: count,
    placementsByChannel: byChannel,
    employmentsEnded: count,
    /** Jobs found outside the platform and reported (self-employment, jobs found alone). */
    employmentsReported: count,
    trainingsCompleted: count,
  })
  .strict();
export type MonthlyReportActivity = z.infer<typeof monthlyReportActivity>;

/** The money of the month: transport subsidies paid in it, and the month's public-welfare payroll. */
export const monthlyReportSubsidies = z
  .object({
    transportPaid: z.object({ count, amount: yuan }).strict(),
    welfare: z
      .object({ status: z.enum(['open', 'confirmed', 'paid']), holders: count, amountFen: fen })
      .strict(),
  })
  .strict();
export type MonthlyReportSubsidies = z.infer<typeof monthlyReportSubsidies>;

/** A report's content: everything compiled from the log when it is sent, then kept as sent. */
export const monthlyReportContent = {
  /** At the end of the month (24:00 of its last day in Guizhou): the events recorded by then. */
  figures: monthlyReportFigures,
  /** At the end of the month before, for the month's change (环比). */
  previousFigures: monthlyReportFigures,
  activity: monthlyReportActivity,
  subsidies: monthlyReportSubsidies,
  /** The log position the figures were folded to. */
  foldedTo: positionString,
};

const FIGURES_EXAMPLE = {
  households: 120,
  householdsWithLabour: 110,
  coveredHouseholds: 108,
  zeroEmploymentHouseholds: 2,
  noLabourHouseholds: 10,
  labourCapableWorkers: 230,
  employedWorkers: 190,
  employedLabourCapableWorkers: 185,
  jobSeekers: 45,
  jobSeekersWith131: 30,
  employmentRate: 0.8043,
  byChannel: {
    out_of_province: 118,
    in_province: 40,
    workshop: 20,
    public_welfare: 8,
    self_employed: 2,
    flexible: 0,
  },
};

/**
 * The county office sent its monthly report (月报) for a month that is over: the figures at the month's end
 * and its activity, compiled from the log and kept here as sent, whatever is recorded or recomputed later.
 * A correction is a later revision with its reason; the revisions before it are kept.
 */
export const CountyMonthlyReportSent = defineEvent({
  type: 'CountyMonthlyReportSent',
  version: 1,
  stream: 'monthlyReport',
  time: 'sentAt',
  schema: z
    .object({
      countyCode: guizhouCountyCode,
      month: yearMonth,
      revision: z.number().int().min(1).max(100),
      ...monthlyReportContent,
      note: recordedText(1000).optional(),
      /** Present exactly on a revision after the first. */
      correctionReason: recordedText(500).optional(),
      sentAt: isoDateTime,
    })
    .strict()
    .refine((r) => r.revision > 1 === (r.correctionReason !== undefined), {
      error: 'correctionReason goes with a revision after the first, and only with one',
      path: ['correctionReason'],
    }),
  example: {
    countyCode: '520402',
    month: '2026-02',
    revision: 1,
    figures: FIGURES_EXAMPLE,
    previousFigures: { ...FIGURES_EXAMPLE, coveredHouseholds: 105, zeroEmploymentHouseholds: 5 },
    activity: {
      placements: 6,
      placementsByChannel: {
        out_of_province: 4,
        in_province: 1,
        workshop: 1,
        public_welfare: 0,
        self_employed: 0,
        flexible: 0,
      },
      employmentsEnded: 2,
      employmentsReported: 1,
      trainingsCompleted: 12,
    },
    subsidies: {
      transportPaid: { count: 3, amount: 1500 },
      welfare: { status: 'paid', holders: 8, amountFen: 1_200_000 },
    },
    foldedTo: '4211',
    sentAt: AT,
  },
});

export const MONTHLY_REPORT_EVENTS = [CountyMonthlyReportSent] as const;
export type MonthlyReportEvent = EventOf<(typeof MONTHLY_REPORT_EVENTS)[number]>;

import { z } from 'zod';
import {
  monthlyReportActivity,
  monthlyReportFigures,
  monthlyReportSubsidies,
} from '../events/monthly-report.events';
import { yearMonth } from '../events/welfare-payroll.events';
import { guizhouCountyCode, isoDateTime, positionString, recordedText } from '../values';

// The relocation programme's reports: from 2016 on.
const reportMonth = yearMonth.refine((m) => m >= '2016-01', { error: '月份须为 2016-01 及以后 (YYYY-MM)' });

/** `/counties/:code/monthly-reports/:month`. */
export const monthlyReportParams = z.object({ code: z.string().max(20), month: reportMonth }).strict();

/** `/prefectures/:code/monthly-reports?month=` : which of its counties sent that month's report. */
export const prefectureMonthlyReportsQuery = z.object({ month: reportMonth }).strict();

// POST /v1/counties/:code/monthly-reports/:month
export const sendMonthlyReportBody = z
  .object({
    /** The office's remarks sent with the figures (情况说明). */
    note: recordedText(1000).optional(),
    /** Required to send a month again: the reason of the correction (更正原因). */
    correctionReason: recordedText(500).optional(),
  })
  .strict()
  .meta({ id: 'SendMonthlyReportBody' });
export type SendMonthlyReportBody = z.infer<typeof sendMonthlyReportBody>;

export const monthlyReportSentResponse = z
  .object({
    countyCode: guizhouCountyCode,
    month: yearMonth,
    revision: z.number().int(),
    position: positionString,
  })
  .meta({ id: 'MonthlyReportSentResponse' });

const reportBody = {
  countyCode: guizhouCountyCode,
  month: yearMonth,
  figures: monthlyReportFigures,
  previousFigures: monthlyReportFigures,
  activity: monthlyReportActivity,
  subsidies: monthlyReportSubsidies,
  foldedTo: positionString,
};

/** One revision as sent. */
export const sentMonthlyReport = z
  .object({
    ...reportBody,
    revision: z.number().int().min(1),
    note: z.string().nullable(),
    correctionReason: z.string().nullable(),
    sentAt: isoDateTime,
  })
  .meta({ id: 'SentMonthlyReport' });
export type SentMonthlyReport = z.infer<typeof sentMonthlyReport>;

/**
 * GET /v1/counties/:code/monthly-reports/:month: the report as last sent with its earlier revisions, or, not
 * sent yet, the draft compiled from the log now (`status: draft`; `monthOver: false` while the month runs, its
 * figures so far).
 */
export const monthlyReportResponse = z
  .object({
    countyCode: guizhouCountyCode,
    month: yearMonth,
    status: z.enum(['draft', 'sent']),
    monthOver: z.boolean(),
    draft: z.object(reportBody).nullable(),
    sent: sentMonthlyReport.nullable(),
    revisions: z.array(sentMonthlyReport),
    position: positionString,
  })
  .meta({ id: 'MonthlyReportResponse' });
export type MonthlyReportResponse = z.infer<typeof monthlyReportResponse>;

/** GET /v1/counties/:code/monthly-reports: every month sent, its last revision, newest first. */
export const monthlyReportHistoryResponse = z
  .object({ countyCode: guizhouCountyCode, items: z.array(sentMonthlyReport), position: positionString })
  .meta({ id: 'MonthlyReportHistoryResponse' });
export type MonthlyReportHistoryResponse = z.infer<typeof monthlyReportHistoryResponse>;

/** GET /v1/prefectures/:code/monthly-reports?month=: its counties, sent or not. */
export const prefectureMonthlyReportsResponse = z
  .object({
    prefectureCode: z.string(),
    month: yearMonth,
    items: z.array(
      z.object({
        countyCode: guizhouCountyCode,
        countyName: z.string(),
        status: z.enum(['sent', 'not_sent']),
        revision: z.number().int().nullable(),
        sentAt: isoDateTime.nullable(),
        zeroEmploymentHouseholds: z.number().int().nullable(),
        employmentRate: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'PrefectureMonthlyReportsResponse' });
export type PrefectureMonthlyReportsResponse = z.infer<typeof prefectureMonthlyReportsResponse>;

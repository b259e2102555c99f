/**
 * The county's monthly report (月报): as sent, its revisions, the draft; a prefecture's counties; the county's
 * figures by site, station and workshop. Shapes from the contract, type-only (see api-types.ts).
 */
import type { z } from 'zod';
import type {
  MonthlyReportResponse,
  PrefectureMonthlyReportsResponse,
  SentMonthlyReport,
} from '../../../../contracts/src/http/monthly-report.bodies';
import type { MonthlyReportFigures } from '../../../../contracts/src/events/monthly-report.events';
import type {
  siteReportResponse,
  stationReportResponse,
  workshopReportResponse,
} from '../../../../contracts/src/http/reports';
import { download, enc, q, request } from './http';

export type ReportFigures = MonthlyReportFigures;
export type SentReport = SentMonthlyReport;
export type MonthlyReport = MonthlyReportResponse;
export type ReportContent = NonNullable<MonthlyReportResponse['draft']>;
export type PrefectureReports = PrefectureMonthlyReportsResponse;
type SiteReport = z.infer<typeof siteReportResponse>;
type StationReport = z.infer<typeof stationReportResponse>;
type WorkshopReport = z.infer<typeof workshopReportResponse>;
export type SiteRow = SiteReport['items'][number];
export type StationRow = StationReport['items'][number];
export type WorkshopRow = WorkshopReport['items'][number];

const monthPath = (county: string, month: string) => `/v1/counties/${county}/monthly-reports/${enc(month)}`;

export function reportsApi(token: string) {
  const get = <T>(path: string, signal?: AbortSignal) => request<T>(token, path, { signal });
  return {
    month: (county: string, month: string, signal?: AbortSignal) =>
      get<MonthlyReport>(monthPath(county, month), signal),
    sheet: (county: string, month: string) => download(token, `${monthPath(county, month)}?format=xlsx`),
    history: (county: string, signal?: AbortSignal) =>
      get<{ items: readonly SentReport[] }>(`/v1/counties/${county}/monthly-reports`, signal),
    prefecture: (prefecture: string, month: string, signal?: AbortSignal) =>
      get<PrefectureReports>(`/v1/prefectures/${prefecture}/monthly-reports${q({ month })}`, signal),
    send: (county: string, month: string, body: { note?: string; correctionReason?: string }) =>
      request<{ revision: number }>(token, monthPath(county, month), { method: 'POST', body }),
  };
}

export const breakdownPath = (county: string, by: 'sites' | 'stations' | 'workshops') =>
  `/v1/counties/${county}/reports/${by}`;

export function breakdownApi(token: string) {
  const get = <T>(path: string, signal?: AbortSignal) => request<T>(token, path, { signal });
  return {
    sites: (county: string, signal?: AbortSignal) =>
      get<{ items: readonly SiteRow[]; totals: Omit<SiteRow, 'siteId' | 'siteName'> }>(
        breakdownPath(county, 'sites'),
        signal,
      ),
    stations: (county: string, signal?: AbortSignal) =>
      get<StationReport>(breakdownPath(county, 'stations'), signal),
    workshops: (county: string, signal?: AbortSignal) =>
      get<WorkshopReport>(breakdownPath(county, 'workshops'), signal),
    sheet: (county: string, by: 'sites' | 'stations' | 'workshops') =>
      download(token, `${breakdownPath(county, by)}?format=xlsx`),
  };
}

import { download, enc, q, request } from './http';

/** The county's monthly report (月报): as sent, its revisions, the draft; and a prefecture's counties. */

export type Channel =
  'out_of_province' | 'in_province' | 'workshop' | 'public_welfare' | 'self_employed' | 'flexible';

export interface ReportFigures {
  readonly households: number;
  readonly householdsWithLabour: number;
  readonly coveredHouseholds: number;
  readonly zeroEmploymentHouseholds: number;
  readonly noLabourHouseholds: number;
  readonly labourCapableWorkers: number;
  readonly employedWorkers: number;
  readonly employedLabourCapableWorkers: number;
  readonly jobSeekers: number;
  readonly jobSeekersWith131: number;
  readonly employmentRate: number;
  readonly byChannel: Readonly<Record<Channel, number>>;
}

export interface ReportContent {
  readonly countyCode: string;
  readonly month: string;
  readonly figures: ReportFigures;
  readonly previousFigures: ReportFigures;
  readonly activity: {
    readonly placements: number;
    readonly placementsByChannel: Readonly<Record<Channel, number>>;
    readonly employmentsEnded: number;
    readonly employmentsReported: number;
    readonly trainingsCompleted: number;
  };
  readonly subsidies: {
    readonly transportPaid: { readonly count: number; readonly amount: number };
    readonly welfare: {
      readonly status: 'open' | 'confirmed' | 'paid';
      readonly holders: number;
      readonly amountFen: number;
    };
  };
  readonly foldedTo: string;
}

export interface SentReport extends ReportContent {
  readonly revision: number;
  readonly note: string | null;
  readonly correctionReason: string | null;
  readonly sentAt: string;
}

export interface MonthlyReport {
  readonly countyCode: string;
  readonly month: string;
  readonly status: 'draft' | 'sent';
  readonly monthOver: boolean;
  readonly draft: ReportContent | null;
  readonly sent: SentReport | null;
  readonly revisions: readonly SentReport[];
}

export interface PrefectureReports {
  readonly prefectureCode: string;
  readonly month: string;
  readonly items: readonly {
    readonly countyCode: string;
    readonly countyName: string;
    readonly status: 'sent' | 'not_sent';
    readonly revision: number | null;
    readonly sentAt: string | null;
    readonly zeroEmploymentHouseholds: number | null;
    readonly employmentRate: number | null;
  }[];
}

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

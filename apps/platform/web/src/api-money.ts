import { enc, q, request, type Recorded } from './http';

/** Money the county office answers for (issue 15): the transport-subsidy ledger and the welfare payroll. */

export type SubsidyStatus = 'eligible' | 'claimed' | 'approved' | 'rejected' | 'paid';

export interface TransportSubsidyLine {
  readonly subsidyId: string;
  readonly workerId: string;
  readonly workerName: string;
  readonly year: number;
  readonly status: SubsidyStatus;
  readonly travelDate: string | null;
  readonly destinationProvinceName: string | null;
  readonly amount: number | null;
  readonly paidAt: string | null;
  readonly rejectionReason: string | null;
}

export interface TransportSubsidyLedger {
  readonly items: readonly TransportSubsidyLine[];
  readonly totals: {
    readonly eligible: { readonly count: number };
    readonly claimed: { readonly count: number };
    readonly approved: { readonly count: number; readonly yuan: number };
    readonly rejected: { readonly count: number };
    readonly paid: { readonly count: number; readonly yuan: number };
    readonly all: { readonly count: number };
  };
  readonly total: number;
}

export interface WelfareMonthLine {
  readonly placementId: string;
  readonly workerId: string;
  readonly name: string;
  readonly daysInPost: number;
  readonly daysInMonth: number;
  readonly monthlySubsidy: number;
  readonly amount: number;
}

export interface WelfareMonth {
  readonly countyCode: string;
  readonly month: string;
  readonly status: 'open' | 'confirmed' | 'paid';
  readonly items: readonly WelfareMonthLine[];
  readonly totals: { readonly holders: number; readonly amount: number };
  readonly corrections: number;
  readonly paid: { readonly total: number; readonly reference: string; readonly paidAt: string } | null;
}

export const transportSubsidiesPath = (county: string, filter: { status?: SubsidyStatus; year?: number }) =>
  `/v1/counties/${county}/transport-subsidies${q({ ...filter, limit: 200 })}`;

export const welfareMonthPath = (county: string, month: string) =>
  `/v1/counties/${county}/welfare-months/${enc(month)}`;

export function moneyApi(token: string) {
  const get = <T>(path: string, signal?: AbortSignal) => request<T>(token, path, { signal });
  const post = (path: string, body: unknown) => request<Recorded>(token, path, { method: 'POST', body });
  return {
    transportSubsidies: (
      county: string,
      filter: { status?: SubsidyStatus; year?: number },
      signal?: AbortSignal,
    ) => get<TransportSubsidyLedger>(transportSubsidiesPath(county, filter), signal),
    welfareMonth: (county: string, month: string, signal?: AbortSignal) =>
      get<WelfareMonth>(welfareMonthPath(county, month), signal),
    confirmWelfareMonth: (
      county: string,
      month: string,
      entries: { placementId: string; daysInPost: number }[],
    ) => post(`${welfareMonthPath(county, month)}/confirmations`, { entries }),
    payWelfareMonth: (
      county: string,
      month: string,
      body: { total: number; paidAt: string; reference: string },
    ) => post(`${welfareMonthPath(county, month)}/payments`, body),
  };
}

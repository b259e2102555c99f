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
  readonly destinationProvince: string | null;
  readonly amount: number | null;
  readonly approvedAt: string | null;
  readonly paidAt: string | null;
  readonly reference: string | null;
  readonly rejectionReason: string | null;
}

/** The county's amounts by destination province (whole yuan) and its default; none can be approved before. */
export interface TransportSubsidyRates {
  readonly countyCode: string;
  readonly rates: Readonly<Record<string, number>>;
  readonly default: number | null;
  readonly isSet: boolean;
}

export interface ClaimBody {
  readonly travelDate: string;
  readonly destinationProvince: string;
}
export type ReviewBody =
  { readonly decision: 'approve' } | { readonly decision: 'reject'; readonly reason: string };
export interface PayBody {
  readonly amount: number;
  readonly paidAt: string;
  readonly reference: string;
}
export interface RatesBody {
  readonly rates: Readonly<Record<string, number>>;
  readonly default?: number;
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

const subsidyPath = (subsidyId: string, step: 'claims' | 'reviews' | 'payments') =>
  `/v1/transport-subsidies/${enc(subsidyId)}/${step}`;
const ratesPath = (county: string) => `/v1/counties/${county}/transport-subsidy-rates`;

export function moneyApi(token: string) {
  const get = <T>(path: string, signal?: AbortSignal, minPosition?: string) =>
    request<T>(token, path, { signal, minPosition });
  const post = (path: string, body: unknown) => request<Recorded>(token, path, { method: 'POST', body });
  return {
    /** With `minPosition` (the position a command answered) the ledger shows that command's effect. */
    transportSubsidies: (
      county: string,
      filter: { status?: SubsidyStatus; year?: number },
      signal?: AbortSignal,
      minPosition?: string,
    ) => get<TransportSubsidyLedger>(transportSubsidiesPath(county, filter), signal, minPosition),
    claimSubsidy: (subsidyId: string, body: ClaimBody) => post(subsidyPath(subsidyId, 'claims'), body),
    reviewSubsidy: (subsidyId: string, body: ReviewBody) => post(subsidyPath(subsidyId, 'reviews'), body),
    paySubsidy: (subsidyId: string, body: PayBody) => post(subsidyPath(subsidyId, 'payments'), body),
    subsidyRates: (county: string, signal?: AbortSignal) =>
      get<TransportSubsidyRates>(ratesPath(county), signal),
    setSubsidyRates: (county: string, body: RatesBody) =>
      request<Recorded>(token, ratesPath(county), { method: 'PUT', body }),
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

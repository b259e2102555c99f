import type {
  AssignCaseBody,
  CaseDeadlines,
  Channel,
  CountyFigures,
  EmploymentFigures,
  FollowUpBody,
  FollowUpsDue,
  HouseholdEmployment,
  Recommendations,
  Candidates,
  RecordMeasureBody,
  RecordVerificationBody,
  VacancyList,
  ZeroEmploymentCaseDetail,
  ZeroEmploymentCases,
} from './api-types';

import { ApiError, enc, q, request, type Recorded } from './http';
import { peopleApi } from './api-people';

export { ApiError, type ApiIssue, type Recorded } from './http';

/** The work list's filters, as the case list endpoint takes them. */
export interface CaseFilters {
  readonly status: 'open' | 'cleared';
  readonly warning?: 'green' | 'yellow' | 'red';
  /** A cadre's id, `none` for the unassigned, `me` for the caller's own. */
  readonly assignee?: string;
  readonly overdue?: boolean;
}

/** The case list's address under some filters (a page of it, or with `format=xlsx` the whole sheet). */
export const casesPath = (
  code: string,
  filters: CaseFilters,
  page: { cursor?: string; limit?: number } = {},
): string =>
  `/v1/counties/${code}/zero-employment-cases${q({
    status: filters.status,
    warning: filters.warning,
    assignee: filters.assignee,
    overdue: filters.overdue ? 'true' : undefined,
    limit: page.limit,
    cursor: page.cursor,
  })}`;

export interface VacancyParams {
  readonly county?: string;
  readonly source?: string;
  readonly status?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

export const vacanciesPath = (params: VacancyParams): string => `/v1/vacancies${q({ ...params })}`;

/** The follow-up visits due in a county (with `format=xlsx`, the sheet of them). */
export const followUpsPath = (code: string): string => `/v1/counties/${code}/follow-ups?due=true`;

/** The platform's endpoints (the OpenAPI document at /docs), bound to one bearer token. */
export function apiClient(token: string) {
  const get = <T>(path: string, signal?: AbortSignal, minPosition?: string) =>
    request<T>(token, path, { signal, minPosition });
  const post = (path: string, body: unknown, method: 'POST' | 'PUT' = 'POST') =>
    request<Recorded>(token, path, { method, body });
  return {
    ...peopleApi(token),
    county: (code: string, signal?: AbortSignal) =>
      get<CountyFigures>(`/v1/counties/${code}/employment`, signal),
    prefecture: (code: string, signal?: AbortSignal) =>
      get<EmploymentFigures>(`/v1/prefectures/${code}/employment`, signal),
    province: (signal?: AbortSignal) => get<EmploymentFigures>('/v1/province/employment', signal),
    cases: (
      code: string,
      filters: CaseFilters,
      page: { cursor?: string; limit?: number } = {},
      signal?: AbortSignal,
    ) =>
      get<ZeroEmploymentCases>(
        casesPath(code, filters, { limit: page.limit ?? 200, cursor: page.cursor }),
        signal,
      ),
    case: (caseId: string, signal?: AbortSignal, minPosition?: string) =>
      get<ZeroEmploymentCaseDetail>(`/v1/zero-employment-cases/${enc(caseId)}`, signal, minPosition),
    assign: (caseId: string, body: AssignCaseBody) =>
      post(`/v1/zero-employment-cases/${enc(caseId)}/assign`, body),
    verify: (caseId: string, body: RecordVerificationBody) =>
      post(`/v1/zero-employment-cases/${enc(caseId)}/verifications`, body),
    measure: (caseId: string, body: RecordMeasureBody) =>
      post(`/v1/zero-employment-cases/${enc(caseId)}/measures`, body),
    deadlines: (code: string, signal?: AbortSignal) =>
      get<CaseDeadlines>(`/v1/counties/${code}/case-deadlines`, signal),
    /** Follow-up visits due (稳岗回访); undefined when the platform does not offer them yet (404). */
    followUpsDue: async (code: string, signal?: AbortSignal, minPosition?: string) => {
      try {
        return await get<FollowUpsDue>(followUpsPath(code), signal, minPosition);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return undefined;
        throw e;
      }
    },
    recordFollowUp: (placementId: string, body: FollowUpBody) =>
      post(`/v1/placements/${enc(placementId)}/follow-ups`, body),
    vacancies: (params: VacancyParams, signal?: AbortSignal) =>
      get<VacancyList>(vacanciesPath(params), signal),
    household: (id: string, signal?: AbortSignal) =>
      get<HouseholdEmployment>(`/v1/households/${enc(id)}/employment`, signal),
    recommendations: (workerId: string, signal?: AbortSignal) =>
      get<Recommendations>(`/v1/workers/${enc(workerId)}/recommendations?limit=10`, signal),
    candidates: (vacancyId: string, signal?: AbortSignal) =>
      get<Candidates>(`/v1/vacancies/${enc(vacancyId)}/candidates?limit=20`, signal),
    /** The SSE address: EventSource cannot send headers, so the token goes in the query. */
    streamUrl: (code: string) => `/v1/counties/${code}/employment/stream${q({ access_token: token })}`,
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** Every page of a county's cases under some filters; a county has at most a few thousand. */
export async function allCases(
  api: ApiClient,
  code: string,
  status: 'open' | 'cleared',
  signal?: AbortSignal,
  maxPages = 25,
): Promise<ZeroEmploymentCases> {
  const first = await api.cases(code, { status }, {}, signal);
  const items = [...first.items];
  let cursor = first.nextCursor;
  for (let page = 1; cursor && page < maxPages; page++) {
    const next = await api.cases(code, { status }, { cursor }, signal);
    items.push(...next.items);
    cursor = next.nextCursor;
  }
  return { items, total: first.total, nextCursor: cursor };
}

/**
 * A read after one's own command: retried while the platform answers 503 not_ready (its projections have not
 * reached the command's position within its own wait).
 */
export async function readOwnWrite<T>(read: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await read();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 503) || i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

export type { Channel };

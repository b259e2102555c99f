import type {
  Channel,
  CountyFigures,
  HouseholdEmployment,
  Recommendations,
  Candidates,
  VacancyList,
  ZeroEmploymentCases,
  EmploymentFigures,
} from './api-types';

/** An answer other than 2xx, with the error code of the platform's error body when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(token: string, path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    signal,
  });
  if (!res.ok) {
    let code = `http_${res.status}`;
    let message = res.statusText;
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // Not JSON (e.g. a proxy's page): keep the status.
    }
    throw new ApiError(res.status, code, message);
  }
  return (await res.json()) as T;
}

const q = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
};

/** The platform's query endpoints (the OpenAPI document at /docs), bound to one bearer token. */
export function apiClient(token: string) {
  const get = <T>(path: string, signal?: AbortSignal) => getJson<T>(token, path, signal);
  return {
    county: (code: string, signal?: AbortSignal) =>
      get<CountyFigures>(`/v1/counties/${code}/employment`, signal),
    prefecture: (code: string, signal?: AbortSignal) =>
      get<EmploymentFigures>(`/v1/prefectures/${code}/employment`, signal),
    province: (signal?: AbortSignal) => get<EmploymentFigures>('/v1/province/employment', signal),
    cases: (code: string, status: 'open' | 'cleared', cursor?: string, signal?: AbortSignal) =>
      get<ZeroEmploymentCases>(
        `/v1/counties/${code}/zero-employment-cases${q({ status, limit: 200, cursor })}`,
        signal,
      ),
    vacancies: (
      params: { county?: string; source?: string; status?: string; limit?: number },
      signal?: AbortSignal,
    ) => get<VacancyList>(`/v1/vacancies${q(params)}`, signal),
    household: (id: string, signal?: AbortSignal) =>
      get<HouseholdEmployment>(`/v1/households/${encodeURIComponent(id)}/employment`, signal),
    recommendations: (workerId: string, signal?: AbortSignal) =>
      get<Recommendations>(`/v1/workers/${encodeURIComponent(workerId)}/recommendations?limit=10`, signal),
    candidates: (vacancyId: string, signal?: AbortSignal) =>
      get<Candidates>(`/v1/vacancies/${encodeURIComponent(vacancyId)}/candidates?limit=20`, signal),
    /** The SSE address: EventSource cannot send headers, so the token goes in the query. */
    streamUrl: (code: string) => `/v1/counties/${code}/employment/stream${q({ access_token: token })}`,
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** Every page of open (or cleared) cases; a county has at most a few thousand. */
export async function allCases(
  api: ApiClient,
  code: string,
  status: 'open' | 'cleared',
  signal?: AbortSignal,
  maxPages = 25,
): Promise<ZeroEmploymentCases> {
  const first = await api.cases(code, status, undefined, signal);
  const items = [...first.items];
  let cursor = first.nextCursor;
  for (let page = 1; cursor && page < maxPages; page++) {
    const next = await api.cases(code, status, cursor, signal);
    items.push(...next.items);
    cursor = next.nextCursor;
  }
  return { items, total: first.total, nextCursor: cursor };
}

export type { Channel };

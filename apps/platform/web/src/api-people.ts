import { download, enc, q, request, XLSX } from './http';
import type {
  HouseholdHit,
  HouseholdProfile,
  ImportMode,
  ImportProgress,
  ImportResult,
  SearchPage,
  VacancyDetail,
  WorkerHit,
  WorkerProfile,
} from './people-types';

/** Search filters the household and worker lists take (`q`: a name or part of one, pinyin initials, a phone). */
export interface SearchParams {
  readonly q?: string;
  /** A whole ID number, matched exactly (never shown back). */
  readonly idNumber?: string;
  readonly countyCode?: string;
  readonly status?: string;
  readonly siteId?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

/** The household list's address under a search (with `format=xlsx`, the sheet of it). */
export const householdsPath = (params: SearchParams): string => `/v1/households${q({ ...params })}`;

/** People, jobs and Excel (issue 17), bound to one bearer token. */
export function peopleApi(token: string) {
  const get = <T>(path: string, signal?: AbortSignal) => request<T>(token, path, { signal });
  return {
    householdProfile: (id: string, signal?: AbortSignal) =>
      get<HouseholdProfile>(`/v1/households/${enc(id)}`, signal),
    worker: (id: string, signal?: AbortSignal) => get<WorkerProfile>(`/v1/workers/${enc(id)}`, signal),
    searchHouseholds: (params: SearchParams, signal?: AbortSignal) =>
      get<SearchPage<HouseholdHit>>(householdsPath(params), signal),
    searchWorkers: (params: SearchParams, signal?: AbortSignal) =>
      get<SearchPage<WorkerHit>>(`/v1/workers${q({ ...params })}`, signal),
    vacancy: (id: string, signal?: AbortSignal) => get<VacancyDetail>(`/v1/vacancies/${enc(id)}`, signal),
    importTemplate: (county: string) => download(token, `/v1/counties/${county}/household-import-template`),
    importHouseholds: (county: string, file: Blob, mode: ImportMode, importId: string) =>
      request<ImportResult>(token, `/v1/counties/${county}/household-imports${q({ mode, importId })}`, {
        method: 'POST',
        file: { data: file, contentType: XLSX },
      }),
    importProgress: (importId: string, signal?: AbortSignal) =>
      get<ImportProgress>(`/v1/household-imports/${enc(importId)}/progress`, signal),
    /** A list as a sheet: the list's own address with `format=xlsx` added to its query. */
    exportXlsx: (path: string) => download(token, `${path}${path.includes('?') ? '&' : '?'}format=xlsx`),
  };
}

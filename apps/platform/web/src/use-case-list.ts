import { useCallback, useEffect, useState } from 'react';
import type { ApiClient, CaseFilters } from './api';
import type { ZeroEmploymentCase } from './api-types';
import type { Loadable } from './use-dashboard-data';

const PAGE = 50;
const STORAGE_KEY = 'dashboard.worklist';

/** The work list's filters, remembered for the tab: back from a case, the cadre finds the list as it was. */
export function useCaseFilters(): [CaseFilters, (next: CaseFilters) => void] {
  const [filters, setFilters] = useState<CaseFilters>(() => {
    try {
      const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as CaseFilters | null;
      return saved && (saved.status === 'open' || saved.status === 'cleared') ? saved : { status: 'open' };
    } catch {
      return { status: 'open' };
    }
  });
  const set = useCallback((next: CaseFilters) => {
    setFilters(next);
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage refused: the filters last for this page only.
    }
  }, []);
  return [filters, set];
}

export interface CaseList {
  readonly state: Loadable<{ items: ZeroEmploymentCase[]; total: number; more: boolean }>;
  loadMore(): void;
}

/** The first `count` cases under the filters: pages of at most 200, as the platform gives them. */
async function firstCases(
  api: ApiClient,
  county: string,
  filters: CaseFilters,
  count: number,
  signal: AbortSignal,
) {
  const first = await api.cases(county, filters, { limit: Math.min(count, 200) }, signal);
  const items = [...first.items];
  let cursor = first.nextCursor;
  while (cursor && items.length < count) {
    const next = await api.cases(
      county,
      filters,
      { cursor, limit: Math.min(count - items.length, 200) },
      signal,
    );
    items.push(...next.items);
    cursor = next.nextCursor;
  }
  return { items, total: first.total, more: cursor !== null };
}

/**
 * A county's cases under the filters, a page at a time (the platform orders them: red, yellow, green, the
 * nearest deadline first). `refreshKey` reloads what is shown, e.g. on the county's live events.
 */
export function useCaseList(
  api: ApiClient,
  county: string,
  filters: CaseFilters,
  refreshKey: string,
): CaseList {
  const [state, setState] = useState<CaseList['state']>({ status: 'loading' });
  const [shown, setShown] = useState(PAGE);
  // The filters' values, not the object: a new object with the same values loads nothing.
  const filterKey = JSON.stringify(filters);

  useEffect(() => setShown(PAGE), [filterKey, county]);

  useEffect(() => {
    const abort = new AbortController();
    const wanted = JSON.parse(filterKey) as CaseFilters;
    firstCases(api, county, wanted, shown, abort.signal).then(
      (data) => setState({ status: 'ok', data }),
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'error', error: error as Error });
      },
    );
    return () => abort.abort();
  }, [api, county, filterKey, refreshKey, shown]);

  const loadMore = useCallback(() => setShown((n) => n + PAGE), []);
  return { state, loadMore };
}

import { useCallback, useEffect, useState } from 'react';
import type { SearchPage } from './people-types';
import type { Loadable } from './use-dashboard-data';

export interface PagedSearch<T> {
  readonly state: Loadable<{ items: T[]; total: number; nextCursor: string | null }>;
  /** The next page, appended; undefined when there is none (or one is loading). */
  readonly loadMore?: () => void;
}

/**
 * A search's results a page at a time: the first page for `key`, then the next on request, appended (the
 * platform's cursor). A new key starts again from the first page.
 */
export function usePagedSearch<T>(
  load: (cursor: string | undefined, signal: AbortSignal) => Promise<SearchPage<T> | undefined>,
  key: string,
): PagedSearch<T> | undefined {
  const [state, setState] = useState<PagedSearch<T>['state'] | undefined>({ status: 'loading' });
  const [cursor, setCursor] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => setCursor(undefined), [key]);

  useEffect(() => {
    const abort = new AbortController();
    if (cursor === undefined) setState({ status: 'loading' });
    setBusy(true);
    load(cursor, abort.signal).then(
      (page) => {
        if (abort.signal.aborted) return;
        setBusy(false);
        if (!page) return setState(undefined);
        setState((previous) => ({
          status: 'ok',
          data: {
            items: [...(cursor && previous?.status === 'ok' ? previous.data.items : []), ...page.items],
            total: page.total,
            nextCursor: page.nextCursor,
          },
        }));
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setBusy(false);
        setState({ status: 'error', error: error as Error });
      },
    );
    return () => abort.abort();
    // `load` is a new closure on every render; the key and the cursor name what is loaded.
  }, [key, cursor]);

  const next = state?.status === 'ok' ? state.data.nextCursor : null;
  const loadMore = useCallback(() => next && setCursor(next), [next]);
  if (!state) return undefined;
  return { state, loadMore: next && !busy ? loadMore : undefined };
}

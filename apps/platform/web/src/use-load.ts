import { useEffect, useState } from 'react';
import type { Loadable } from './use-dashboard-data';

/**
 * Loads once per `key` (what is loaded; `load` is a new closure on every render), aborting the previous load.
 * While a reload with the same data shape runs, the previous data stays on screen (`keepPrevious`).
 */
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
  keepPrevious = false,
): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    if (!keepPrevious) setState({ status: 'loading' });
    load(abort.signal).then(
      (data) => {
        if (!abort.signal.aborted) setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'error', error: error as Error });
      },
    );
    return () => abort.abort();
    // The key names what is loaded; `load` is a new closure on every render.
  }, [key]);
  return state;
}

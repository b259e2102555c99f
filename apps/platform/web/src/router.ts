import { useEffect, useState } from 'react';

/**
 * The page's own addresses; the server answers each with index.html (the SPA fallback serves `/`,
 * `/county/…`, `/household/…`, `/worker/…`, `/vacancy/…`, `/search`, `/import`, `/subsidies`, `/reports` and `/training/…`, so a case lives under
 * its county). The search's words ride in the query (`/search?q=wxy`), so a search can be bookmarked; a
 * whole ID number does not (it would reach the browser's history and the server's log): it rides in the
 * history entry's state, and the address shows `/search` alone.
 */
export type Route =
  | { page: 'dashboard'; area?: string }
  | { page: 'case'; area: string; id: string }
  | { page: 'household'; id: string }
  | { page: 'worker'; id: string }
  | { page: 'vacancy'; id: string }
  | { page: 'search'; q: string; idNumber?: string }
  | { page: 'import' }
  | { page: 'subsidies' }
  | { page: 'reports'; county?: string; month?: string }
  | { page: 'training'; courseId?: string };

export function parseRoute(pathname: string, search = '', state?: unknown): Route {
  const [, first, second, third, fourth] = pathname.split('/').map(decodeURIComponent);
  if (first === 'search') {
    const q = new URLSearchParams(search).get('q') ?? '';
    const idNumber = (state as { idNumber?: unknown } | null)?.idNumber;
    return typeof idNumber === 'string' ? { page: 'search', q, idNumber } : { page: 'search', q };
  }
  if (first === 'import') return { page: 'import' };
  if (first === 'subsidies') return { page: 'subsidies' };
  if (first === 'reports') {
    // `/reports`, `/reports/<month>` (a prefecture's), `/reports/<county>/<month>`.
    const county = /^\d{6}$/.test(second ?? '') ? second : undefined;
    const month = [county ? third : second].find((m) => /^\d{4}-\d{2}$/.test(m ?? ''));
    return { page: 'reports', ...(county ? { county } : {}), ...(month ? { month } : {}) };
  }
  if (first === 'training') return second ? { page: 'training', courseId: second } : { page: 'training' };
  if (first === 'household' && second) return { page: 'household', id: second };
  if (first === 'worker' && second) return { page: 'worker', id: second };
  if (first === 'vacancy' && second) return { page: 'vacancy', id: second };
  if (first === 'county' && /^\d{6}$/.test(second ?? '')) {
    if (third === 'case' && fourth) return { page: 'case', area: second, id: fourth };
    return { page: 'dashboard', area: second };
  }
  return { page: 'dashboard' };
}

export function routePath(route: Route): string {
  switch (route.page) {
    case 'dashboard':
      return route.area ? `/county/${route.area}` : '/';
    case 'case':
      return `/county/${route.area}/case/${encodeURIComponent(route.id)}`;
    case 'search':
      return `/search${route.q ? `?q=${encodeURIComponent(route.q)}` : ''}`;
    case 'import':
      return '/import';
    case 'subsidies':
      return '/subsidies';
    case 'reports':
      return ['/reports', route.county, route.month].filter(Boolean).join('/');
    case 'training':
      return route.courseId ? `/training/${encodeURIComponent(route.courseId)}` : '/training';
    default:
      return `/${route.page}/${encodeURIComponent(route.id)}`;
  }
}

export function navigate(route: Route): void {
  history.pushState(
    route.page === 'search' && route.idNumber ? { idNumber: route.idNumber } : null,
    '',
    routePath(route),
  );
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const read = () => parseRoute(location.pathname, location.search, history.state);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onPop = () => setRoute(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return route;
}

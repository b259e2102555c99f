import { useEffect, useState } from 'react';

/**
 * The page's own addresses; the server answers each with index.html (the SPA fallback serves `/`,
 * `/county/…`, `/household/…`, `/worker/…` and `/vacancy/…`, so a case lives under its county).
 */
export type Route =
  | { page: 'dashboard'; area?: string }
  | { page: 'case'; area: string; id: string }
  | { page: 'household'; id: string }
  | { page: 'worker'; id: string }
  | { page: 'vacancy'; id: string };

export function parseRoute(pathname: string): Route {
  const [, first, second, third, fourth] = pathname.split('/').map(decodeURIComponent);
  if (first === 'household' && second) return { page: 'household', id: second };
  if (first === 'worker' && second) return { page: 'worker', id: second };
  if (first === 'vacancy' && second) return { page: 'vacancy', id: second };
  if (first === 'county' && /^\d{6}$/.test(second ?? '')) {
    if (third === 'case' && fourth) return { page: 'case', area: second, id: fourth };
    return { page: 'dashboard', area: second };
  }
  return { page: 'dashboard' };
}

export const routePath = (route: Route): string =>
  route.page === 'dashboard'
    ? route.area
      ? `/county/${route.area}`
      : '/'
    : route.page === 'case'
      ? `/county/${route.area}/case/${encodeURIComponent(route.id)}`
      : `/${route.page}/${encodeURIComponent(route.id)}`;

export function navigate(route: Route): void {
  history.pushState(null, '', routePath(route));
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return route;
}

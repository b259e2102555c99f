import type { HttpRequest, NextFunction } from '@lib/http';
import type { ServerResponse } from 'node:http';

/**
 * For the event stream ONLY: a browser's EventSource cannot send an Authorization header, so the token may
 * come as `?access_token=`. It is moved into the header (the one the auth guard reads) and taken out of the
 * URL so nothing downstream sees or logs it (the request logger drops query strings anyway). Everywhere
 * else a token in a URL is refused by omission: URLs end up in proxies' logs and browser histories.
 */
export function streamTokenMiddleware(req: HttpRequest, _res: ServerResponse, next: NextFunction): void {
  const url = new URL(req.url ?? '/', 'http://stream.local');
  const token = url.searchParams.get('access_token');
  if (token !== null) {
    if (req.headers.authorization === undefined) req.headers.authorization = `Bearer ${token}`;
    url.searchParams.delete('access_token');
    req.url = url.pathname + url.search;
  }
  next();
}

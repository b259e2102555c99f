import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Histogram } from 'prom-client';
import { PlatformMetrics } from './platform-metrics';

/** The label of a request no route served (a 404, or refused before routing): raw paths never become labels. */
export const UNMATCHED_ROUTE = 'unmatched';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Express sets `route` on the request once a route matched it: its path is the template (`/v1/households/:id`). */
type RoutedRequest = IncomingMessage & { route?: { path?: unknown } };

export const methodLabel = (method: string | undefined): string =>
  method !== undefined && METHODS.has(method) ? method : 'other';

/** The route that served the request, unless it is `before`: the one it had when it reached the middleware. */
export function routeLabel(req: RoutedRequest, before: RoutedRequest['route']): string {
  const path = req.route === before ? undefined : req.route?.path;
  return typeof path === 'string' && path.length > 0 ? path : UNMATCHED_ROUTE;
}

/**
 * Times a request from here (after the body is parsed) until its response is finished, or the connection
 * closed first (`status_code="aborted"`), and labels it by method, route template and status code.
 */
export function timeRequest(
  histogram: Histogram<'method' | 'route' | 'status_code'>,
  req: RoutedRequest,
  res: ServerResponse,
): void {
  const end = histogram.startTimer();
  // Nest mounts this middleware as a catch-all route, so the request already has a `route`: its own.
  const before = req.route;
  res.once('close', () =>
    end({
      method: methodLabel(req.method),
      route: routeLabel(req, before),
      status_code: res.writableFinished ? String(res.statusCode) : 'aborted',
    }),
  );
}

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware<RoutedRequest, ServerResponse> {
  constructor(private readonly metrics: PlatformMetrics) {}

  use(req: RoutedRequest, res: ServerResponse, next: () => void): void {
    timeRequest(this.metrics.httpLatency, req, res);
    next();
  }
}

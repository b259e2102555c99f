import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Histogram, Registry } from 'prom-client';
import { UNMATCHED_ROUTE, methodLabel, routeLabel, timeRequest } from './http-metrics.middleware';

type Req = IncomingMessage & { route?: { path?: unknown } };

const histogram = () =>
  new Histogram({
    name: 'http_request_duration_seconds',
    help: 'test',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [new Registry()],
  });

function exchange(method: string, route?: { path?: unknown }) {
  const req = { method, route } as Req;
  const res = Object.assign(new EventEmitter(), { statusCode: 200, writableFinished: false });
  return { req, res, asRes: res as unknown as ServerResponse };
}

const counts = async (h: Histogram<'method' | 'route' | 'status_code'>) =>
  (await h.get()).values
    .filter((v) => v.metricName === 'http_request_duration_seconds_count')
    .map((v) => ({ ...v.labels, count: v.value }));

describe('HTTP request timing', () => {
  it('labels by the route that served the request, as its template', async () => {
    const h = histogram();
    const { req, res, asRes } = exchange('GET', { path: '/*path' }); // the middleware's own catch-all
    timeRequest(h, req, asRes);
    req.route = { path: '/v1/households/:id/employment' };
    res.statusCode = 404;
    res.writableFinished = true;
    res.emit('close');
    expect(await counts(h)).toEqual([
      { method: 'GET', route: '/v1/households/:id/employment', status_code: '404', count: 1 },
    ]);
  });

  it('labels a request no route served `unmatched`, and one the client left `aborted`', async () => {
    const h = histogram();
    const unmatched = exchange('GET', { path: '/*path' });
    timeRequest(h, unmatched.req, unmatched.asRes);
    unmatched.res.statusCode = 404;
    unmatched.res.writableFinished = true;
    unmatched.res.emit('close');
    const left = exchange('POST');
    timeRequest(h, left.req, left.asRes);
    left.req.route = { path: '/v1/placements' };
    left.res.emit('close');
    expect(await counts(h)).toEqual([
      { method: 'GET', route: UNMATCHED_ROUTE, status_code: '404', count: 1 },
      { method: 'POST', route: '/v1/placements', status_code: 'aborted', count: 1 },
    ]);
  });

  it('keeps the label sets bounded', () => {
    expect(methodLabel('PROPFIND')).toBe('other');
    expect(methodLabel('PATCH')).toBe('PATCH');
    expect(routeLabel({ route: undefined } as Req, undefined)).toBe(UNMATCHED_ROUTE);
  });
});

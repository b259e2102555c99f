import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { HttpRequest, NextFunction } from '../http-types';

const QUIET_PATHS = new Set(['/health', '/ready']);

/** The path without the query string (whose values may be personal: a name searched for). */
const pathOf = (url: string | undefined): string => {
  const path = url ?? '';
  const query = path.indexOf('?');
  return query < 0 ? path : path.slice(0, query);
};

/**
 * Express middleware, after the correlation middleware: one line per request when its answer is sent (or the
 * connection closes first): correlation id, method, path (never the query, the body or the headers), status
 * and milliseconds; `error` level for a 5xx, `info` otherwise. Health probes are not logged.
 */
export function requestLog(logger: Logger) {
  return (req: HttpRequest, res: ServerResponse, next: NextFunction): void => {
    const started = performance.now();
    res.once('close', () => {
      const path = pathOf(req.originalUrl ?? req.url);
      if (QUIET_PATHS.has(path)) return;
      const line = {
        correlationId: req.correlationId,
        method: req.method,
        url: path,
        statusCode: res.statusCode,
        responseTime: Math.round(performance.now() - started),
      };
      if (!res.writableFinished) logger.warn(line, 'request aborted');
      else if (res.statusCode >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    });
    next();
  };
}

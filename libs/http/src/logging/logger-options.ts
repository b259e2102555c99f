import type { LoggerOptions } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import type { HttpRequest } from '../http-types';

/**
 * Personal data never reaches a log line: request bodies, credentials, and any field holding a name or
 * an ID number, wherever it is nested (up to the depths our bodies and events use).
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.body',
  'req.headers.authorization',
  'req.headers.cookie',
  'body',
  'name',
  'idNumber',
  '*.name',
  '*.idNumber',
  '*.*.name',
  '*.*.idNumber',
  'members[*].name',
  'members[*].idNumber',
  '*.members[*].name',
  '*.members[*].idNumber',
  '*.*.members[*].name',
  '*.*.members[*].idNumber',
];

export const REDACTED = '[redacted]';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Options of every pino logger in the service. */
export function loggerOptions(level: LogLevel): LoggerOptions {
  return {
    level,
    redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
  };
}

const QUIET_PATHS = new Set(['/health', '/ready']);

/** pino-http: one line per request with its correlation id; health probes are not logged. */
export function httpLoggerOptions(level: LogLevel): PinoHttpOptions<HttpRequest> {
  return {
    ...loggerOptions(level),
    // The correlation middleware runs first, so every line of the request carries its id.
    genReqId: (req) => req.correlationId ?? 'none',
    customProps: (req) => ({ correlationId: req.correlationId }),
    autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0] ?? '') },
    // Only method, url and id: never the body, never the query string's values or the headers.
    serializers: {
      req: (req: { id?: unknown; method?: unknown; url?: unknown }) => ({
        id: req.id,
        method: req.method,
        url: typeof req.url === 'string' ? req.url.split('?')[0] : req.url,
      }),
    },
  };
}

import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import pinoPretty from 'pino-pretty';
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

/** Options of every pino logger in the service that may be handed application data. */
export function loggerOptions(level: LogLevel): LoggerOptions {
  return {
    level,
    redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
  };
}

/**
 * Where log lines go: readable lines (pino-pretty, written at once so they keep their order with the start
 * banner) when stdout is a terminal, JSON lines otherwise. The JSON is written asynchronously (lines gathered
 * while a write is under way go out in one write), and flushed at exit.
 */
export function logDestination(terminal = process.stdout.isTTY === true): DestinationStream {
  if (terminal) {
    return pinoPretty({
      colorize: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
      sync: true,
    });
  }
  return pino.destination({ dest: 1, sync: false });
}

/**
 * The service's loggers, made once per level and process and sharing one destination: the application's
 * (redacting) and the request log's (its fields are ours and hold no personal data, so it skips redaction).
 */
interface Loggers {
  readonly application: Logger;
  readonly request: Logger;
}
const loggers = new Map<LogLevel, Loggers>();

function loggersFor(level: LogLevel): Loggers {
  let made = loggers.get(level);
  if (!made) {
    const destination = logDestination();
    made = { application: pino(loggerOptions(level), destination), request: pino({ level }, destination) };
    loggers.set(level, made);
  }
  return made;
}

export const applicationLogger = (level: LogLevel): Logger => loggersFor(level).application;
export const requestLogger = (level: LogLevel): Logger => loggersFor(level).request;

/**
 * pino-http for nestjs-pino, which gives application logs their request context: each request's logger binds
 * its correlation id and nothing else (method, url and status are on the request's line, which has the
 * same id). No request line here (`autoLogging: false`): the request log (`requestLog`) writes it.
 */
export function httpLoggerOptions(
  level: LogLevel,
  logger: Logger = applicationLogger(level),
): PinoHttpOptions<HttpRequest> {
  return {
    logger,
    // The correlation middleware runs first.
    genReqId: (req) => req.correlationId ?? 'none',
    customAttributeKeys: { reqId: 'correlationId' },
    quietReqLogger: true,
    quietResLogger: true,
    autoLogging: false,
    // pino-http still makes a logger bound to the request, unused with the quiet options: bind nothing.
    wrapSerializers: false,
    serializers: { req: () => undefined },
  };
}

import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import pinoPretty from 'pino-pretty';
import { currentRequestContext } from '../correlation/request-context';

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
 * The correlation id of the request being served (from the correlation middleware's AsyncLocalStorage), on every
 * application log line written while serving it; nothing outside a request. A pino `mixin`: read at each line,
 * so no per-request logger is made.
 */
export const requestCorrelation = (): { correlationId?: string } => {
  const context = currentRequestContext();
  return context === undefined ? {} : { correlationId: context.correlationId };
};

/** Options of the application logger: redacting, with the request's correlation id. */
export const applicationLoggerOptions = (level: LogLevel): LoggerOptions => ({
  ...loggerOptions(level),
  mixin: requestCorrelation,
});

/**
 * The service's loggers, made once per level and process and sharing one destination: the application's
 * (redacting, correlated) and the request log's (its fields are ours and hold no personal data, so it skips
 * redaction).
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
    made = {
      application: pino(applicationLoggerOptions(level), destination),
      request: pino({ level }, destination),
    };
    loggers.set(level, made);
  }
  return made;
}

export const applicationLogger = (level: LogLevel): Logger => loggersFor(level).application;
export const requestLogger = (level: LogLevel): Logger => loggersFor(level).request;

/**
 * nestjs-pino's parameters: its Logger writes through the application logger as it is (`useExisting`), so no
 * pino-http runs per request (no request-bound child logger): the correlation id comes from the mixin. The
 * request line is the request log's (`requestLog`).
 */
export const nestLoggerParams = (level: LogLevel): { pinoHttp: { logger: Logger }; useExisting: true } => ({
  pinoHttp: { logger: applicationLogger(level) },
  useExisting: true,
});

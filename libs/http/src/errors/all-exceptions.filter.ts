import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { HttpResponse } from '../http-types';
import type { ErrorBody } from './error-body';
import { HttpProblem, codeForStatus } from './http-problem';
import { statusForRejection } from './domain-rejection';

interface RenderedError {
  readonly status: number;
  readonly body: ErrorBody;
  readonly headers: Record<string, string>;
}

/** The `code` of an error from a store (e.g. WrongExpectedVersion), which is not an HTTP error. */
const storeErrorCode = (e: unknown): string | undefined => {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
};

/** The message of a plain Nest HttpException, whatever its response holds. */
function httpExceptionMessage(e: HttpException): string {
  const response = e.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : e.message;
}

export function renderError(exception: unknown): RenderedError {
  if (exception instanceof HttpProblem) {
    const error: ErrorBody['error'] = { code: exception.code, message: exception.message };
    if (exception.issues) error.issues = [...exception.issues];
    if (exception.details) error.details = exception.details;
    return { status: exception.getStatus(), body: { error }, headers: exception.headers };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // Terminus answers a failed readiness check with its report: keep it, it says what is not ready.
    const response = exception.getResponse();
    const details =
      status === 503 && typeof response === 'object' && response !== null && 'status' in response
        ? (response as Record<string, unknown>)
        : undefined;
    const message = status >= 500 && !details ? 'Internal server error' : httpExceptionMessage(exception);
    const error: ErrorBody['error'] = {
      code: codeForStatus(status),
      message: details ? 'Not ready' : message,
    };
    if (details) error.details = details;
    return { status, body: { error }, headers: {} };
  }
  const code = storeErrorCode(exception);
  if (code === 'wrong_expected_version' || code === 'idempotency_conflict') {
    // A concurrent writer won: nothing of this request was appended, so the client may retry.
    const message = 'The resource was changed concurrently; retry';
    return {
      status: statusForRejection('concurrency_conflict'),
      body: { error: { code: 'concurrency_conflict', message } },
      headers: {},
    };
  }
  if (code === 'concurrency_conflict') {
    // The decider runner lost the race on one stream too many times: so contended that the client should wait.
    const message = exception instanceof Error ? exception.message : 'Concurrency conflict';
    return {
      status: statusForRejection(code),
      body: { error: { code, message } },
      headers: { 'Retry-After': '1' },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'internal_error', message: 'Internal server error' } },
    headers: {},
  };
}

/**
 * Gives every error the same shape `{ error: { code, message, issues? } }` and never leaks a stack trace:
 * unexpected errors are logged with their stack and answered with a generic 500.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<HttpResponse>();
    const rendered = renderError(exception);
    if (rendered.status >= 500 && rendered.status !== 503) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(rendered.headers)) response.setHeader(name, value);
    if (rendered.status === 429) retryAfterOfNamedLimits(response);
    response.status(rendered.status).json(rendered.body);
  }
}

/**
 * A rate limit with a name answers `Retry-After-<name>`: clients know `Retry-After`, so the longest of them
 * is sent under that name too.
 */
function retryAfterOfNamedLimits(response: HttpResponse): void {
  if (response.getHeader('retry-after') !== undefined) return;
  const seconds = response
    .getHeaderNames()
    .filter((name) => name.startsWith('retry-after-'))
    .map((name) => Number(response.getHeader(name)))
    .filter((n) => Number.isFinite(n));
  if (seconds.length > 0) response.setHeader('Retry-After', String(Math.max(...seconds)));
}

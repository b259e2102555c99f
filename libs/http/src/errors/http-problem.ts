import { HttpException } from '@nestjs/common';
import type { ErrorCode } from '@contracts/http/errors';

/** One problem with a request's input: where (`members.0.idNumber`, '' for the whole body) and what. */
export interface ProblemIssue {
  readonly path: string;
  readonly message: string;
}

export interface HttpProblemOptions {
  readonly issues?: readonly ProblemIssue[];
  /** Extra machine-readable data (e.g. the readiness checks that failed). */
  readonly details?: Record<string, unknown>;
  /** Response headers to send with the error (e.g. `Retry-After`). */
  readonly headers?: Record<string, string>;
}

/**
 * The exception every handler throws for an expected failure: a status, a stable `code` clients can
 * switch on, and a message for humans. The global filter renders it as `{ error: { code, message, issues? } }`.
 */
export class HttpProblem extends HttpException {
  /** One of ERROR_CODES: a code clients may meet is part of the contract. */
  readonly code: ErrorCode;
  readonly issues?: readonly ProblemIssue[];
  readonly details?: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(status: number, code: ErrorCode, message: string, options: HttpProblemOptions = {}) {
    super({ code, message }, status);
    this.code = code;
    this.issues = options.issues;
    this.details = options.details;
    this.headers = options.headers ?? {};
    this.name = 'HttpProblem';
  }
}

/** The stable code for a status when nothing more specific is known. */
export const DEFAULT_CODE_BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  500: 'internal_error',
  503: 'not_ready',
};

/** An unlisted 4xx is a bad request, an unlisted 5xx an internal error: never a code outside ERROR_CODES. */
export const codeForStatus = (status: number): ErrorCode =>
  DEFAULT_CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { HttpRequest, NextFunction } from '../http-types';

export const CORRELATION_HEADER = 'X-Correlation-Id';

/** What a handler needs about the request it serves, for event metadata, without passing `req` around. */
export interface RequestContext {
  readonly correlationId: string;
  /** Set by the idempotency interceptor when the request carries an `Idempotency-Key`. */
  idempotencyKey?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the request being served, or undefined outside a request (a job, a test). */
export const currentRequestContext = (): RequestContext | undefined => storage.getStore();

// A client's id is accepted only if it is short and plain, so it cannot inject into logs or headers.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTABLE_ID.test(value) ? value : randomUUID();
}

/**
 * Express middleware, first in the chain: takes `X-Correlation-Id` or makes one, echoes it in the
 * response, and runs the rest of the request inside its context.
 */
export function correlationMiddleware(req: HttpRequest, res: ServerResponse, next: NextFunction): void {
  const correlationId = correlationIdFrom(req.headers['x-correlation-id']);
  req.correlationId = correlationId;
  res.setHeader(CORRELATION_HEADER, correlationId);
  storage.run({ correlationId }, next);
}

/** `@CorrelationId() correlationId: string` in a handler. */
export const CorrelationId = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string =>
    ctx.switchToHttp().getRequest<HttpRequest>().correlationId ?? correlationIdFrom(undefined),
);

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '@lib/auth/principal';

/**
 * The parts of Express's request and response this layer uses. @types/express is not installed, so
 * these are declared here from node's own types rather than left as `any`.
 */
export interface HttpRequest extends IncomingMessage {
  body?: unknown;
  originalUrl?: string;
  path?: string;
  params?: Record<string, string>;
  /** Set by the correlation middleware. */
  correlationId?: string;
  /** Set by the idempotency interceptor. */
  idempotencyKey?: string;
  /** Set by the auth guard. */
  principal?: Principal;
  /** When the caller's token expires (epoch ms), set by the auth guard: a long-lived stream ends then. */
  tokenExpiresAt?: number;
}

export interface HttpResponse extends ServerResponse {
  status(code: number): this;
  json(body: unknown): this;
}

export type NextFunction = (error?: unknown) => void;

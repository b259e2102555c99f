import { createHash } from 'node:crypto';
import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  createParamDecorator,
} from '@nestjs/common';
import { Observable, catchError, concatMap, from, of, throwError } from 'rxjs';
import { currentRequestContext } from '../correlation/request-context';
import { HttpProblem } from '../errors/http-problem';
import type { HttpRequest, HttpResponse } from '../http-types';
import type { Principal } from '@lib/auth/principal';
import { canonicalJson, toJson } from '../json';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from './idempotency.store';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAY_HEADER = 'Idempotent-Replay';

const COMMAND_METHODS = new Set(['POST', 'PATCH']);
const ACCEPTABLE_KEY = /^[\x21-\x7e]{1,255}$/;

/** What makes two requests "the same": method, path (with query) and body, its keys in any order. */
export function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method}\n${url}\n`)
    .update(body === undefined ? '' : canonicalJson(body))
    .digest('hex');
}

/**
 * Whose key it is: the caller's whole identity (role, subject and scope) and the route. A replay is answered
 * without running the handler, so a token whose scope differs (the same `sub` in another county) must not find
 * the answer another scope was given: it gets its own key, runs, and is authorised like any request.
 */
export function keyScope(principal: Principal | undefined, method: string, route: string): string {
  const identity = principal === undefined ? 'anonymous' : canonicalJson(principal);
  return createHash('sha256').update(`${identity}\n${method} ${route}`).digest('hex');
}

/**
 * `Idempotency-Key` on POST and PATCH: the first request with a key executes and its 2xx answer is kept;
 * the same key and request again get that answer replayed (`Idempotent-Replay: true`) without executing;
 * the same key with another request gets 422; a duplicate arriving while the first still runs gets 409.
 * A failed command releases its key, so the client can retry it.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<HttpRequest>();
    const res = context.switchToHttp().getResponse<HttpResponse>();
    const header = req.headers[IDEMPOTENCY_KEY_HEADER];
    if (!COMMAND_METHODS.has(req.method ?? '') || header === undefined) return next.handle();

    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || !ACCEPTABLE_KEY.test(key)) {
      throw new HttpProblem(
        400,
        'invalid_idempotency_key',
        'Idempotency-Key must be 1 to 255 visible ASCII characters',
      );
    }
    // The route pattern (`/v1/households/:id/workers`): the same key on another route is another key.
    const route = (req as { route?: { path?: string } }).route?.path ?? req.path ?? '';
    const actorId = keyScope(req.principal, req.method ?? '', route);
    const outcome = await this.store.begin(
      key,
      actorId,
      requestHash(req.method ?? '', req.originalUrl ?? req.url ?? '', req.body),
    );
    switch (outcome.kind) {
      case 'replay': {
        res.status(outcome.response.status);
        res.setHeader(IDEMPOTENT_REPLAY_HEADER, 'true');
        return of(outcome.response.body === '' ? undefined : (JSON.parse(outcome.response.body) as unknown));
      }
      case 'mismatch':
        throw new HttpProblem(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was used with a different request',
        );
      case 'in_progress':
        throw new HttpProblem(
          409,
          'idempotency_in_progress',
          'A request with this Idempotency-Key is still being processed',
          {
            headers: { 'Retry-After': '1' },
          },
        );
      case 'started':
        break;
    }

    req.idempotencyKey = key;
    const requestContext = currentRequestContext();
    if (requestContext) requestContext.idempotencyKey = key;
    return next.handle().pipe(
      // A failed command releases its key (the client retries it); its failure stays the answer even when the
      // release fails too.
      catchError((error: unknown) =>
        from(this.store.release(key, actorId).catch(() => undefined)).pipe(
          concatMap(() => throwError(() => error)),
        ),
      ),
      // The answer is kept before it leaves, so a retry sent the moment the client has it, to this process or
      // another sharing the store, finds it. A failure to keep it is not caught above: the command ran, so its
      // key must not be released for a retry to run it again.
      concatMap(async (body: unknown) => {
        if (res.statusCode >= 200 && res.statusCode < 300) {
          await this.store.complete(key, actorId, {
            status: res.statusCode,
            body: body === undefined ? '' : toJson(body),
          });
        } else {
          await this.store.release(key, actorId);
        }
        return body;
      }),
    );
  }
}

/** `@IdempotencyKey() key: string | undefined` in a handler, for event metadata. */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string | undefined =>
    ctx.switchToHttp().getRequest<HttpRequest>().idempotencyKey,
);

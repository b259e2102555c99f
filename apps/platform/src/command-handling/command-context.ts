import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { EventMetadata } from '@contracts';
import type { ActingPrincipal } from '@lib/auth';
import { HttpProblem, correlationIdFrom, type HttpRequest } from '@lib/http';

/**
 * Who sends a command, when, and under which correlation: everything a handler needs besides the body.
 * `now` is read once here, at the edge, so deciders never read a clock.
 */
export interface CommandContext {
  readonly principal: ActingPrincipal;
  readonly now: string;
  readonly metadata: EventMetadata;
}

/** Event metadata of a command: the actor, its correlation (a command is its own cause), the key, the time. */
export function commandMetadata(
  principal: ActingPrincipal,
  correlationId: string,
  now: string,
  idempotencyKey?: string,
): EventMetadata {
  return {
    actor: { id: principal.sub, role: principal.role },
    correlationId,
    causationId: correlationId,
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    now,
  };
}

export function commandContextOf(req: HttpRequest, now: Date = new Date()): CommandContext {
  const principal = req.principal;
  if (!principal) throw new HttpProblem(401, 'unauthenticated', 'This route needs a bearer token');
  // Read-only roles never send commands: refused here too, should a command route ever forget to leave them out.
  if (principal.role === 'prefecture_office') {
    throw new HttpProblem(403, 'forbidden', '市（州）监管账号只能查看，不能办理');
  }
  const at = now.toISOString();
  const correlationId = req.correlationId ?? correlationIdFrom(undefined);
  return { principal, now: at, metadata: commandMetadata(principal, correlationId, at, req.idempotencyKey) };
}

/**
 * `@Command() ctx: CommandContext` in a controller. Parameters are resolved after the interceptors ran, so
 * the idempotency key the interceptor accepted is there.
 */
export const CommandCtx = createParamDecorator((_data: unknown, ctx: ExecutionContext): CommandContext =>
  commandContextOf(ctx.switchToHttp().getRequest<HttpRequest>()),
);

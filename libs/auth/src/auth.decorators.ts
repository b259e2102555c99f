import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { HttpProblem } from '@lib/http/errors/http-problem';
import type { HttpRequest } from '@lib/http/http-types';
import type { Principal, Role } from './principal';

export const IS_PUBLIC = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** No token needed: health, docs, static files. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (403 otherwise); on a controller or a handler (the handler wins). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** `@CurrentPrincipal() principal: Principal`: the authenticated caller. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<HttpRequest>().principal;
  // Only reachable on a @Public route, which has no principal to give.
  if (!principal) throw new HttpProblem(401, 'unauthenticated', 'This route needs a bearer token');
  return principal;
});

/** Throws the 403 a handler answers when a valid principal acts outside its scope. */
export function requireScope(allowed: boolean, message = 'This token does not cover that resource'): void {
  if (!allowed) throw new HttpProblem(403, 'forbidden', message);
}

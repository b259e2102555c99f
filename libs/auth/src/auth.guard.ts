import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HttpProblem } from '@lib/http/errors/http-problem';
import type { HttpRequest } from '@lib/http/http-types';
import { IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import type { Role } from './principal';
import { TokenVerifier, type Authentication } from './token-verifier';

const unauthenticated = (message: string): HttpProblem =>
  new HttpProblem(401, 'unauthenticated', message, { headers: { 'WWW-Authenticate': 'Bearer' } });

type AuthenticatedRequest = HttpRequest & { authentication?: Authentication };

/**
 * Verifies the request's bearer token, once per request, and never throws: the rate limit that runs next
 * counts a caller by its subject when the token is good and by its address otherwise, so a flood of bad
 * tokens from one address never uses up the limit of the office working behind it.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(private readonly tokens: TokenVerifier) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    req.authentication ??= this.tokens.authenticate(req.headers.authorization);
    if ('principal' in req.authentication) {
      req.principal = req.authentication.principal;
      req.tokenExpiresAt = req.authentication.expiresAt;
    }
    return true;
  }
}

/**
 * The global guard: every route needs a valid bearer token unless it is `@Public()`; `@Roles(...)` narrows
 * who may call it. Scope (which county, which station) is checked by the handler with `scope.ts`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    req.authentication ??= this.tokens.authenticate(req.headers.authorization);
    if ('failure' in req.authentication) throw unauthenticated(req.authentication.failure);
    const { principal, expiresAt } = req.authentication;
    req.principal = principal;
    req.tokenExpiresAt = expiresAt;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new HttpProblem(403, 'forbidden', `Role ${principal.role} may not call this route`);
    }
    return true;
  }
}

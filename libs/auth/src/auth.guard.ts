import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { HttpProblem } from '@lib/http/errors/http-problem';
import type { HttpRequest } from '@lib/http/http-types';
import { IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { principalFromClaims, type Principal, type Role } from './principal';
import { JWT_ALGORITHM } from './token';

const unauthenticated = (message: string): HttpProblem =>
  new HttpProblem(401, 'unauthenticated', message, { headers: { 'WWW-Authenticate': 'Bearer' } });

/** What the bearer token of a request proved: a principal, or why not. Kept on the request. */
export type Authentication =
  { readonly principal: Principal; readonly expiresAt: number } | { readonly failure: string };

type AuthenticatedRequest = HttpRequest & { authentication?: Authentication };

/**
 * Verifies the request's bearer token, once per request, and never throws: the rate limit that runs next
 * counts a caller by its subject when the token is good and by its address otherwise, so a flood of bad
 * tokens from one address never uses up the limit of the office working behind it.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(private readonly jwt: JwtService) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    req.authentication ??= authenticate(this.jwt, req.headers.authorization);
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
    private readonly jwt: JwtService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    req.authentication ??= authenticate(this.jwt, req.headers.authorization);
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

/** Synchronous: with an HMAC key jsonwebtoken verifies in the same tick (verifyAsync only adds promise hops). */
function authenticate(jwt: JwtService, header: string | undefined): Authentication {
  const match = header === undefined ? null : /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  if (!match?.[1]) return { failure: 'A bearer token is required' };
  let claims: unknown;
  try {
    claims = jwt.verify(match[1], { algorithms: [JWT_ALGORITHM] });
  } catch (error) {
    const expired = error instanceof Error && error.name === 'TokenExpiredError';
    return { failure: expired ? 'The token has expired' : 'The token is not valid' };
  }
  // A token that never expires cannot be withdrawn short of changing the secret for everyone: refused.
  const exp = (claims as { exp?: unknown }).exp;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return { failure: 'The token has no expiry' };
  const principal = principalFromClaims(claims);
  if (!principal) return { failure: 'The token does not carry a valid role and scope' };
  return { principal, expiresAt: exp * 1000 };
}

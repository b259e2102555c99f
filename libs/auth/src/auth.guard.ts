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

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<HttpRequest>();
    const { principal, expiresAt } = await this.authenticate(req.headers.authorization);
    req.principal = principal;
    req.tokenExpiresAt = expiresAt;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new HttpProblem(403, 'forbidden', `Role ${principal.role} may not call this route`);
    }
    return true;
  }

  private async authenticate(
    header: string | undefined,
  ): Promise<{ principal: Principal; expiresAt: number }> {
    const match = header === undefined ? null : /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
    if (!match?.[1]) throw unauthenticated('A bearer token is required');
    let claims: unknown;
    try {
      claims = await this.jwt.verifyAsync(match[1], { algorithms: [JWT_ALGORITHM] });
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw unauthenticated(expired ? 'The token has expired' : 'The token is not valid');
    }
    // A token that never expires cannot be withdrawn short of changing the secret for everyone: refused.
    const exp = (claims as { exp?: unknown }).exp;
    if (typeof exp !== 'number' || !Number.isFinite(exp)) throw unauthenticated('The token has no expiry');
    const principal = principalFromClaims(claims);
    if (!principal) throw unauthenticated('The token does not carry a valid role and scope');
    return { principal, expiresAt: exp * 1000 };
  }
}

import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { principalFromClaims, type Principal } from './principal';
import { JWT_ALGORITHM } from './token';

/** What the bearer token of a request proved: a principal, or why not. */
export type Authentication =
  { readonly principal: Principal; readonly expiresAt: number } | { readonly failure: string };

type Accepted = Extract<Authentication, { principal: Principal }>;

/** Tokens remembered at most; the oldest is forgotten first. */
const REMEMBERED = 5_000;

/**
 * Verifies bearer tokens. A client sends the same token with every request, so a token accepted once is
 * remembered by its whole text (signature included: a changed token is another key) until it expires; only
 * acceptances are remembered, and expiry is checked again on every use. The key was made once (AuthModule).
 */
@Injectable()
export class TokenVerifier {
  private readonly accepted = new Map<string, Accepted>();

  constructor(private readonly jwt: JwtService) {}

  authenticate(header: string | undefined): Authentication {
    const match = header === undefined ? null : /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
    const token = match?.[1];
    if (!token) return { failure: 'A bearer token is required' };
    const known = this.accepted.get(token);
    if (known && known.expiresAt > Date.now()) return known;
    if (known) this.accepted.delete(token);
    const verified = this.verify(token);
    if ('principal' in verified) {
      if (this.accepted.size >= REMEMBERED) this.accepted.delete(this.accepted.keys().next().value as string);
      this.accepted.set(token, verified);
    }
    return verified;
  }

  private verify(token: string): Authentication {
    let claims: unknown;
    try {
      // Synchronous: with an HMAC key jsonwebtoken verifies in the same tick.
      claims = this.jwt.verify(token, { algorithms: [JWT_ALGORITHM] });
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
}

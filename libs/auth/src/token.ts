import { createSecretKey, type KeyObject } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import type { TokenClaims } from './principal';

/**
 * The secret used when `JWT_SECRET` is not set. Development only: anyone can read it here, so the platform
 * prints a warning at start when it is in use.
 */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me-0123456789';

export const JWT_ALGORITHM = 'HS256' as const;

/**
 * The HS256 key, made once. Given the secret as a string, jsonwebtoken first tries to parse it as a PEM public
 * key (`createPublicKey`, which fails) and only then makes a secret key of it, on every verification: a quarter
 * of a read's CPU under load. A KeyObject skips both. The bytes are the same (the string's UTF-8).
 */
export function jwtSecretKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

/** `8h`, `30m`, `3600` (seconds): what jsonwebtoken's `expiresIn` accepts, narrowed to these forms. */
export type ExpiresIn = number | `${number}${'s' | 'm' | 'h' | 'd'}`;

export function parseExpiresIn(value: string): ExpiresIn {
  if (/^\d+$/.test(value)) return Number(value);
  if (/^\d+[smhd]$/.test(value)) return value as ExpiresIn;
  throw new RangeError(`Not a duration: ${value} (use e.g. 3600, 30m, 8h, 7d)`);
}

/**
 * Signs a token with HS256. Used by the token CLI and the tests; the platform itself only verifies. With
 * jsonwebtoken itself, not Nest's JwtService (the same library underneath): this file is the CLI's entry into
 * libs/auth and loads no framework, so `npm run token` answers in a fraction of a second.
 */
export function signToken(claims: TokenClaims, secret: string, expiresIn: ExpiresIn = '8h'): string {
  return sign({ ...claims }, jwtSecretKey(secret), { algorithm: JWT_ALGORITHM, expiresIn });
}

import { createHmac, generateKeyPairSync } from 'node:crypto';
import type { ExecutionContext } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import { AuthGuard } from './auth.guard';
import { AuthModule } from './auth.module';
import type { TokenClaims } from './principal';
import { signToken } from './token';

const SECRET = 'a-test-secret-of-more-than-thirty-two-characters';
const CLAIMS: TokenClaims = { sub: 'office-1', role: 'county_office', countyCode: '520402' };
const nowSeconds = (): number => Math.floor(Date.now() / 1000);
const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token with any header, signed with HMAC-SHA256 over the secret whatever the header says. */
function forged(header: object, payload: object, secret = SECRET): string {
  const signed = `${b64(header)}.${b64(payload)}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

class Routes {
  handler(): void {}
}

/** The guard as the platform registers it (the module's key made once from the secret), one for every test. */
let guard: AuthGuard;
beforeAll(async () => {
  const module = await Test.createTestingModule({
    imports: [AuthModule.register({ jwtSecret: SECRET })],
  }).compile();
  guard = module.get(AuthGuard);
});

/** What the guard makes of a bearer token: the principal, or the 401's message. */
async function outcome(token: string): Promise<unknown> {
  const req: { headers: Record<string, string>; principal?: unknown } = {
    headers: { authorization: `Bearer ${token}` },
  };
  const context = {
    getType: () => 'http',
    getHandler: () => Routes.prototype.handler,
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  try {
    guard.canActivate(context);
    return req.principal;
  } catch (error) {
    return { status: (error as { getStatus(): number }).getStatus(), message: (error as Error).message };
  }
}

const refused = (message: string): object => ({ status: 401, message });

describe('token verification with the key made once', () => {
  const payload = { ...CLAIMS, iat: nowSeconds(), exp: nowSeconds() + 600 };

  it('accepts a token signed with the secret (HS256)', async () => {
    expect(await outcome(signToken(CLAIMS, SECRET, 600))).toEqual(CLAIMS);
    expect(await outcome(forged({ alg: 'HS256', typ: 'JWT' }, payload))).toEqual(CLAIMS);
  });

  it('refuses a token signed with another secret, or whose payload was changed', async () => {
    expect(await outcome(signToken(CLAIMS, `${SECRET}-other`, 600))).toEqual(
      refused('The token is not valid'),
    );
    const [header, , signature] = signToken(CLAIMS, SECRET, 600).split('.');
    const admin = b64({ sub: 'office-1', role: 'admin', exp: nowSeconds() + 600 });
    expect(await outcome(`${header}.${admin}.${signature}`)).toEqual(refused('The token is not valid'));
  });

  it('refuses alg none, with or without a signature', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}`;
    expect(await outcome(`${unsigned}.`)).toEqual(refused('The token is not valid'));
    expect(await outcome(forged({ alg: 'none', typ: 'JWT' }, payload))).toEqual(
      refused('The token is not valid'),
    );
  });

  it('refuses other algorithms: HS512 with the same secret, RS256 (real, or HMAC-signed with the secret)', async () => {
    const hs512 = new JwtService({ secret: SECRET }).sign(payload, { algorithm: 'HS512' });
    expect(await outcome(hs512)).toEqual(refused('The token is not valid'));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rs256 = new JwtService({ privateKey }).sign(payload, { algorithm: 'RS256' });
    expect(await outcome(rs256)).toEqual(refused('The token is not valid'));
    expect(await outcome(forged({ alg: 'RS256', typ: 'JWT' }, payload))).toEqual(
      refused('The token is not valid'),
    );
  });

  it('refuses an expired token, and one without an expiry', async () => {
    const expired = forged({ alg: 'HS256', typ: 'JWT' }, { ...CLAIMS, exp: nowSeconds() - 1 });
    expect(await outcome(expired)).toEqual(refused('The token has expired'));
    expect(await outcome(forged({ alg: 'HS256', typ: 'JWT' }, CLAIMS))).toEqual(
      refused('The token has no expiry'),
    );
  });

  it('remembers an accepted token, by its whole text, until it expires', async () => {
    jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate'] });
    const verify = jest.spyOn(JwtService.prototype, 'verify');
    try {
      const token = signToken(CLAIMS, SECRET, 2);
      expect(await outcome(token)).toEqual(CLAIMS);
      expect(await outcome(token)).toEqual(CLAIMS);
      expect(verify).toHaveBeenCalledTimes(1);
      const [header, payload, signature] = token.split('.');
      expect(await outcome(`${header}.${payload}.${signature.slice(0, -2)}AA`)).toEqual(
        refused('The token is not valid'),
      );
      jest.setSystemTime(Date.now() + 3_000);
      expect(await outcome(token)).toEqual(refused('The token has expired'));
    } finally {
      verify.mockRestore();
      jest.useRealTimers();
    }
  });
});

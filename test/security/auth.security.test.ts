/**
 * The authentication and authorisation cases an adversarial run tried, as a table: each request is refused
 * with its status and error code, and appends nothing.
 */
import { createHmac } from 'node:crypto';
import { signToken } from '@lib/auth';
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  householdBody,
  labourStationBody,
  vacancyBody,
} from '../e2e/helpers/fixtures';
import { lastCommandPosition } from '../e2e/helpers/fixtures';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../e2e/helpers/start-test-app';

const b64 = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT with any header and payload, signed with HS256 under `secret` (or unsigned for `alg: none`). */
function forge(header: object, payload: object, secret?: string): string {
  const body = `${b64(header)}.${b64(payload)}`;
  const signature = secret ? createHmac('sha256', secret).update(body).digest('base64url') : '';
  return `${body}.${signature}`;
}

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
const HS256 = { alg: 'HS256', typ: 'JWT' };
/** A token well signed with the test secret and an hour to live, carrying `claims` as they are. */
const signedForAnHour = (claims: object) => forge(HS256, { ...claims, exp: inAnHour() }, TEST_JWT_SECRET);

describe('auth: refused, and nothing appended', () => {
  let t: TestApp;
  let stationId: string;
  let otherStationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = bearer(t.tokens.admin());
    stationId = (await t.http.post('/v1/labour-stations').set(admin).send(labourStationBody()).expect(201))
      .body.stationId;
    otherStationId = (
      await t.http.post('/v1/labour-stations').set(admin).send(labourStationBody()).expect(201)
    ).body.stationId;
  });
  afterAll(() => t.close());

  const office = { sub: 'office-x', role: 'county_office', countyCode: COUNTY };
  const cases: [string, () => string | undefined, number, string][] = [
    ['no token', () => undefined, 401, 'unauthenticated'],
    ['garbage', () => 'not-a-jwt', 401, 'unauthenticated'],
    [
      'alg none',
      () => forge({ alg: 'none', typ: 'JWT' }, { ...office, exp: inAnHour() }),
      401,
      'unauthenticated',
    ],
    [
      'wrong secret',
      () => forge(HS256, { ...office, exp: inAnHour() }, 'another-secret-0123456789abcdef'),
      401,
      'unauthenticated',
    ],
    ['expired', () => signToken(office as never, TEST_JWT_SECRET, -60), 401, 'unauthenticated'],
    ['no exp', () => forge(HS256, office, TEST_JWT_SECRET), 401, 'unauthenticated'],
    [
      'a role without its scope',
      () => signedForAnHour({ sub: 'x', role: 'county_office' }),
      401,
      'unauthenticated',
    ],
    [
      'escalated claims (an unknown role)',
      () => signedForAnHour({ sub: 'x', role: 'superuser' }),
      401,
      'unauthenticated',
    ],
    ['another county’s office', () => t.tokens.county(OTHER_COUNTY), 403, 'forbidden'],
    ['a broker (registers no household)', () => t.tokens.broker([COUNTY]), 403, 'forbidden'],
  ];

  it.each(cases)('registering a household with %s', async (_name, token, status, code) => {
    const before = await lastCommandPosition(t.app);
    const req = t.http.post('/v1/households').send(householdBody(COUNTY));
    const value = token();
    const res = await (value === undefined ? req : req.set(bearer(value)));
    expect([res.status, res.body.error?.code]).toEqual([status, code]);
    expect(await lastCommandPosition(t.app)).toBe(before);
  });

  it('another station may not post for this one (403), nothing appended', async () => {
    const before = await lastCommandPosition(t.app);
    const res = await t.http
      .post('/v1/vacancies')
      .set(bearer(t.tokens.station(otherStationId)))
      .send(vacancyBody({ type: 'labour_station', id: stationId }));
    expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
    expect(await lastCommandPosition(t.app)).toBe(before);
  });

  it('a replay across scopes: the same sub and Idempotency-Key from another county runs and is refused (403)', async () => {
    const key = `cross-scope-${Date.now()}`;
    const sub = 'shared-office-sub';
    const mine = t.tokens.sign({ sub, role: 'county_office', countyCode: COUNTY });
    const theirs = t.tokens.sign({ sub, role: 'county_office', countyCode: OTHER_COUNTY });
    const body = householdBody(COUNTY);
    await t.http.post('/v1/households').set(bearer(mine)).set('Idempotency-Key', key).send(body).expect(201);
    const before = await lastCommandPosition(t.app);
    const res = await t.http
      .post('/v1/households')
      .set(bearer(theirs))
      .set('Idempotency-Key', key)
      .send(body);
    expect([res.status, res.body.error.code, res.headers['idempotent-replay']]).toEqual([
      403,
      'forbidden',
      undefined,
    ]);
    expect(await lastCommandPosition(t.app)).toBe(before);
  });
});

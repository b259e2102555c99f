import { ReadinessRegistry } from '../../apps/platform/src/health/readiness.registry';
import { ProbeController, ProbeModule } from './helpers/probe.module';
import { startTestApp, type TestApp } from './helpers/start-test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const expectErrorShape = (body: unknown, code: string) => {
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
};

describe('platform shell', () => {
  let t: TestApp;
  let county: string;

  beforeAll(async () => {
    t = await startTestApp({ modules: [ProbeModule] });
    county = t.tokens.county('520402');
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.app.get(ProbeController).executions = 0;
  });

  /** What the probe's handler was given for a request with these headers (and what it kept in storage). */
  const contextOf = (headers: Record<string, string>) =>
    t.http.post('/test/context').set(bearer(county)).set(headers).send({}).expect(200);

  describe('health and docs', () => {
    it('answers /health without a token', async () => {
      const res = await t.http.get('/health').expect(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('is ready when the event store answers', async () => {
      const res = await t.http.get('/ready').expect(200);
      expect(res.body.status).toBe('ok');
      expect(res.body.details.eventStore).toEqual({ status: 'up', headPosition: '0' });
    });

    it('serves an OpenAPI document generated from the zod schemas', async () => {
      const res = await t.http.get('/docs/openapi.json').expect(200);
      expect(res.body.openapi).toBe('3.1.0');
      const op = res.body.paths['/test/commands'].post;
      const schema = op.requestBody.content['application/json'].schema;
      expect(schema.properties.countyCode).toMatchObject({ type: 'string', pattern: '^\\d{6}$' });
      expect(schema.additionalProperties).toBe(false);
      expect(op.responses['201'].content['application/json'].schema.properties.position).toEqual({
        type: 'string',
      });
      expect(op.responses['401']).toBeDefined();
      expect(op.description).toContain('county_office');
      expect(res.body.paths['/health'].get.security).toEqual([]);
      // The API contract's routes are documented too, from contracts/.
      expect(res.body.paths['/v1/placements'].post.requestBody).toBeDefined();
      expect(res.body.paths['/test/counties/{code}'].get.parameters[0]).toMatchObject({
        in: 'path',
        name: 'code',
      });
      await t.http.get('/docs').redirects(1).expect(200).expect('content-type', /html/);
    });
  });

  describe('authentication and roles', () => {
    it('refuses a request without a token with 401', async () => {
      const res = await t.http.get('/test/admin-only').expect(401);
      expectErrorShape(res.body, 'unauthenticated');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it('refuses a garbage token and one signed with another secret', async () => {
      await t.http.get('/test/admin-only').set(bearer('not.a.token')).expect(401);
      const { testTokens } = await import('./helpers/test-tokens');
      const forged = testTokens('another-secret-of-at-least-32-chars!!').admin();
      const res = await t.http.get('/test/admin-only').set(bearer(forged)).expect(401);
      expectErrorShape(res.body, 'unauthenticated');
    });

    it('refuses an expired token', async () => {
      const expired = t.tokens.sign({ sub: 'old', role: 'admin' }, -10);
      const res = await t.http.get('/test/admin-only').set(bearer(expired)).expect(401);
      expect(res.body.error.message).toMatch(/expired/);
    });

    it('refuses a token whose role lacks its scope', async () => {
      const noScope = t.tokens.sign({ sub: 'x', role: 'county_office' } as never);
      await t.http.get('/test/admin-only').set(bearer(noScope)).expect(401);
    });

    it('answers 403 to a role the route does not allow, 200 to one it does', async () => {
      const res = await t.http.get('/test/admin-only').set(bearer(county)).expect(403);
      expectErrorShape(res.body, 'forbidden');
      await t.http.get('/test/admin-only').set(bearer(t.tokens.admin())).expect(200, { ok: true });
    });

    it('answers 403 outside the token scope', async () => {
      await t.http.get('/test/counties/520402').set(bearer(county)).expect(200);
      await t.http.get('/test/counties/520403').set(bearer(county)).expect(403);
      await t.http
        .get('/test/counties/520403')
        .set(bearer(t.tokens.broker(['520403'])))
        .expect(200);
      await t.http
        .get('/test/counties/520403')
        .set(bearer(t.tokens.station('s1')))
        .expect(403);
    });
  });

  describe('bodies and errors', () => {
    it('answers malformed JSON with 400 malformed_json', async () => {
      const res = await t.http
        .post('/test/commands')
        .set(bearer(county))
        .set('Content-Type', 'application/json')
        .send('{"countyCode": "520402",')
        .expect(400);
      expectErrorShape(res.body, 'malformed_json');
    });

    it('answers an invalid body with 400 validation_failed and every issue', async () => {
      const res = await t.http
        .post('/test/commands')
        .set(bearer(county))
        .send({ countyCode: '52', openings: 0, extra: true })
        .expect(400);
      expectErrorShape(res.body, 'validation_failed');
      const paths = res.body.error.issues.map((i: { path: string }) => i.path).sort();
      expect(paths).toEqual(['countyCode', 'extra', 'openings']);
    });

    it('answers a body over the limit with 413 payload_too_large', async () => {
      const res = await t.http
        .post('/test/commands')
        .set(bearer(county))
        .send({ countyCode: '520402', openings: 1, padding: 'x'.repeat(300 * 1024) })
        .expect(413);
      expectErrorShape(res.body, 'payload_too_large');
    });

    it('answers an unknown route with 404 not_found in the same shape', async () => {
      const res = await t.http.get('/nowhere').set(bearer(county)).expect(404);
      expectErrorShape(res.body, 'not_found');
    });

    it('maps a domain rejection to its status through the one table', async () => {
      const body = { countyCode: '520402', openings: 1 };
      const full = await t.http
        .post('/test/commands')
        .set(bearer(county))
        .send({ ...body, reject: 'vacancy_full' })
        .expect(409);
      expect(full.body).toEqual({ error: { code: 'vacancy_full', message: 'rejected: vacancy_full' } });
      await t.http
        .post('/test/commands')
        .set(bearer(county))
        .send({ ...body, reject: 'not_found' })
        .expect(404);
    });

    it('answers an unexpected error with 500 internal_error and leaks nothing', async () => {
      const res = await t.http.get('/test/boom').set(bearer(county)).expect(500);
      expect(res.body).toEqual({ error: { code: 'internal_error', message: 'Internal server error' } });
      expect(res.text).not.toMatch(/hunter2|at .*\.ts/);
    });

    it('echoes a given correlation id, makes one otherwise, and hands both to the handler', async () => {
      const given = await contextOf({ 'X-Correlation-Id': 'abc-123' });
      expect(given.headers['x-correlation-id']).toBe('abc-123');
      expect(given.body).toEqual({ correlationId: 'abc-123', fromStorage: { correlationId: 'abc-123' } });
      const made = await t.http.get('/health').expect(200);
      expect(made.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
      const hostile = await t.http.get('/health').set('X-Correlation-Id', '<script> '.repeat(30)).expect(200);
      expect(hostile.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('Idempotency-Key', () => {
    const command = { countyCode: '520402', openings: 3 };
    /** The probe's command under an Idempotency-Key, from the county office unless another token is given. */
    const sendKeyed = (key: string, body: object = command, token = county) =>
      t.http.post('/test/commands').set(bearer(token)).set('Idempotency-Key', key).send(body);

    it('replays the first answer for the same key and body without executing again', async () => {
      const first = await sendKeyed('k-replay').expect(201);
      expect(first.body).toEqual({ executions: 1, position: '10' });
      expect(first.headers['idempotent-replay']).toBeUndefined();
      const again = await sendKeyed('k-replay').expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replay']).toBe('true');
      expect(t.app.get(ProbeController).executions).toBe(1);
    });

    it('refuses the same key with a different body with 422', async () => {
      await sendKeyed('k-reuse').expect(201);
      const res = await sendKeyed('k-reuse', { ...command, openings: 4 }).expect(422);
      expectErrorShape(res.body, 'idempotency_key_reused');
    });

    it('scopes keys per actor', async () => {
      await sendKeyed('k-actor').expect(201);
      const other = await sendKeyed('k-actor', command, t.tokens.admin()).expect(201);
      expect(other.headers['idempotent-replay']).toBeUndefined();
      expect(t.app.get(ProbeController).executions).toBe(2);
    });

    it('executes concurrent duplicates once: the second gets 409 idempotency_in_progress', async () => {
      const slow = { ...command, delayMs: 300 };
      const send = () => sendKeyed('k-race', slow);
      const [a, b] = await Promise.all([send(), send()]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      expectErrorShape((a.status === 409 ? a : b).body, 'idempotency_in_progress');
      expect(t.app.get(ProbeController).executions).toBe(1);
      await send().expect(201).expect('Idempotent-Replay', 'true');
    });

    it('releases the key of a failed command so a retry executes', async () => {
      await sendKeyed('k-fail', { ...command, reject: 'vacancy_full' }).expect(409);
      await sendKeyed('k-fail', { ...command, reject: 'vacancy_full' }).expect(409);
      expect(t.app.get(ProbeController).executions).toBe(0);
    });

    it('gives the key to the handler', async () => {
      const res = await contextOf({ 'Idempotency-Key': 'k-ctx' });
      expect(res.body.idempotencyKey).toBe('k-ctx');
      expect(res.body.fromStorage.idempotencyKey).toBe('k-ctx');
    });

    it('keeps answers across a restart', async () => {
      const dir = t.dataDir;
      const first = await startTestApp({ modules: [ProbeModule], dataDir: `${dir}-restart` });
      const token = first.tokens.county('520402');
      await first.http
        .post('/test/commands')
        .set(bearer(token))
        .set('Idempotency-Key', 'k-restart')
        .send(command)
        .expect(201);
      await first.close();
      const second = await startTestApp({ modules: [ProbeModule], dataDir: `${dir}-restart` });
      try {
        await second.http
          .post('/test/commands')
          .set(bearer(token))
          .set('Idempotency-Key', 'k-restart')
          .send(command)
          .expect(201)
          .expect('Idempotent-Replay', 'true');
        expect(second.app.get(ProbeController).executions).toBe(0);
      } finally {
        await second.close();
        (await import('node:fs')).rmSync(`${dir}-restart`, { recursive: true, force: true });
      }
    });
  });

  describe('with other settings', () => {
    it('answers 429 rate_limited past the limits: per address without a valid token, per subject with one', async () => {
      const limited = await startTestApp({
        modules: [ProbeModule],
        rateLimit: { enabled: true, limit: 3, anonymousLimit: 3, windowMs: 60_000 },
      });
      try {
        // A flood of bad tokens from one address uses up the address's limit on the route…
        const garbage = { Authorization: 'Bearer garbage' };
        for (let i = 0; i < 3; i += 1) await limited.http.get('/test/admin-only').set(garbage).expect(401);
        const res = await limited.http.get('/test/admin-only').set(garbage).expect(429);
        expectErrorShape(res.body, 'rate_limited');
        expect(res.headers['retry-after']).toBeDefined();
        // …not that of the signed-in office behind the same address, which has its own, per subject.
        const admin = { Authorization: `Bearer ${limited.tokens.admin()}` };
        for (let i = 0; i < 3; i += 1) await limited.http.get('/test/admin-only').set(admin).expect(200);
        await limited.http.get('/test/admin-only').set(admin).expect(429);
        const other = {
          Authorization: `Bearer ${limited.tokens.sign({ sub: 'another-admin', role: 'admin' })}`,
        };
        await limited.http.get('/test/admin-only').set(other).expect(200);
        // Public pages count per address too.
        for (let i = 0; i < 3; i += 1) await limited.http.get('/test/public').expect(200);
        await limited.http.get('/test/public').expect(429);
      } finally {
        await limited.close();
      }
    });

    it('answers 503 not_ready when a registered readiness check fails, and says which', async () => {
      const app = await startTestApp();
      try {
        app.app
          .get(ReadinessRegistry)
          .register('projections', () => ({ ready: false, details: { lag: 42 } }));
        const res = await app.http.get('/ready').expect(503);
        expectErrorShape(res.body, 'not_ready');
        expect(res.body.error.details.error.projections).toEqual({ status: 'down', lag: 42 });
        expect(res.body.error.details.info.eventStore.status).toBe('up');
      } finally {
        await app.close();
      }
    });
  });
});

import request from 'supertest';
import type { oas31 } from 'zod-openapi';
import { openApiDocuments } from '../../apps/platform/src/docs/openapi.setup';
import { ProbeModule } from './helpers/probe.module';
import { startTestApp, type TestApp } from './helpers/start-test-app';

type Operations = Record<string, Record<string, oas31.OperationObject>>;

const successes = (operation: oas31.OperationObject): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(operation.responses ?? {})
      .filter(([status]) => status.startsWith('2'))
      .map(([status, response]) => [status, (response as oas31.ResponseObject).content]),
  );

/**
 * The published document and the answers are one thing: the service sends every JSON answer through the schema
 * its route documents (the end-to-end suites check every answer they get against /docs/openapi.json), and the
 * API contract's hand-listed operations (contracts/src/openapi) say what the served routes say.
 */
describe('the OpenAPI document and the answers', () => {
  let t: TestApp;
  const admin = () => ({ Authorization: `Bearer ${t.tokens.admin()}` });

  beforeAll(async () => {
    t = await startTestApp({ modules: [ProbeModule] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses, outside production, an answer with a field its schema does not name, and says which', async () => {
    // Not through t.http, which would fail the test on the refusal itself.
    const res = await request(t.app.getHttpServer()).get('/test/drift').set(admin()).expect(500);
    expect(res.body.error).toEqual({
      code: 'internal_error',
      message: expect.stringContaining(
        'GET /test/drift answered fields its documented schema does not name: /internalNote',
      ),
    });
  });

  it('strips that field in production, answering what the document names', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    let production: TestApp | undefined;
    try {
      production = await startTestApp({ modules: [ProbeModule] });
    } finally {
      process.env.NODE_ENV = before;
    }
    try {
      await production.http.get('/test/drift').set(admin()).expect(200, { ok: true });
    } finally {
      await production.close();
    }
  });

  it('serves every operation of the API contract with the same success statuses and schemas', () => {
    const { contract, served } = openApiDocuments(t.app);
    const contractPaths = contract.paths as Operations;
    const servedPaths = served.paths as Operations;
    for (const [path, item] of Object.entries(contractPaths)) {
      for (const [method, operation] of Object.entries(item)) {
        const route = `${method.toUpperCase()} ${path}`;
        const servedOperation = servedPaths[path]?.[method];
        expect({ route, served: servedOperation !== undefined }).toEqual({ route, served: true });
        expect({ route, responses: successes(servedOperation as oas31.OperationObject) }).toEqual({
          route,
          responses: successes(operation),
        });
      }
    }
    // A schema named in both documents is the same schema.
    const servedSchemas = served.components?.schemas ?? {};
    for (const [name, schema] of Object.entries(contract.components?.schemas ?? {})) {
      if (servedSchemas[name]) expect({ name, schema: servedSchemas[name] }).toEqual({ name, schema });
    }
  });

  it('documents for every operation its success content and the error body of every other status', async () => {
    const doc = (await t.http.get('/docs/openapi.json').expect(200)).body as oas31.OpenAPIObject;
    for (const [path, item] of Object.entries(doc.paths as Operations)) {
      for (const [method, operation] of Object.entries(item)) {
        const route = `${method.toUpperCase()} ${path}`;
        const responses = operation.responses as Record<string, oas31.ResponseObject>;
        const undescribed = Object.entries(responses)
          .filter(([status, response]) => status.startsWith('2') && !response.content)
          .map(([status]) => status);
        expect({ route, undescribed }).toEqual({ route, undescribed: [] });
        expect({ route, default: responses.default?.content?.['application/json']?.schema }).toEqual({
          route,
          default: { $ref: '#/components/schemas/ErrorBody' },
        });
      }
    }
    expect(doc.paths?.['/v1/placements']?.post?.responses).toEqual(
      expect.objectContaining({
        '201': expect.anything(),
        '409': expect.anything(),
        '422': expect.anything(),
      }),
    );
  });
});

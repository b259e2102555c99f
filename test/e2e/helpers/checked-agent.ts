import type { Server } from 'node:http';
import request, { type Response } from 'supertest';
import { contractOf, type OpenApiContract } from './openapi-contract';

export type Agent = ReturnType<typeof request>;

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options']);
const OPENAPI_JSON = '/docs/openapi.json';
const REFUSED = 'The answer is not as documented';
/** Swagger UI and the document itself are not operations of the document. */
const UNDOCUMENTED = /^\/docs(\/|$)/;

const bodyOf = (res: Response): unknown =>
  /[/+]json\b/i.test(String(res.headers['content-type'] ?? '')) ? (res.body as unknown) : res.text;

/** The service refused its own answer (ResponseSchemaInterceptor): say why, not only "expected 200, got 500". */
function refusedAnswer(res: Response): string | undefined {
  const message = (res.body as { error?: { message?: unknown } } | undefined)?.error?.message;
  return res.status === 500 && typeof message === 'string' && message.startsWith(REFUSED)
    ? message
    : undefined;
}

/**
 * supertest bound to `target`, every answer checked against `contract` before the test's own expectations:
 * a request made through it fails when its answer is not as the document says.
 */
export function checkedAgent(target: Server | string, contract: OpenApiContract): Agent {
  const agent = request(target);
  return new Proxy(agent, {
    get(on, property, receiver) {
      const value = Reflect.get(on, property, receiver) as unknown;
      if (typeof property !== 'string' || !METHODS.has(property) || typeof value !== 'function') return value;
      const method = property === 'del' ? 'delete' : property;
      return (url: string, ...rest: unknown[]) => {
        const test = (value as (url: string, ...rest: unknown[]) => request.Test).call(on, url, ...rest);
        if (UNDOCUMENTED.test(new URL(url, 'http://localhost').pathname)) return test;
        return test.expect((res: Response) => {
          const refused = refusedAnswer(res);
          if (refused) throw new Error(`${method.toUpperCase()} ${url}: ${refused}`);
          contract.assertConforms({
            method,
            url,
            status: res.status,
            contentType: res.headers['content-type'] as string | undefined,
            body: bodyOf(res),
          });
        });
      };
    },
  });
}

/** The document the app under test serves, compiled once per distinct document. */
export async function servedContract(target: Server | string): Promise<OpenApiContract> {
  const res = await request(target).get(OPENAPI_JSON).expect(200);
  return contractOf(res.body as Record<string, unknown>);
}

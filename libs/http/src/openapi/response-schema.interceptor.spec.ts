import { Logger, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { lastValueFrom, of } from 'rxjs';
import { z } from 'zod';
import { HttpProblem } from '../errors/http-problem';
import { ApiDoc } from './api-doc.decorator';
import {
  ResponseSchemaInterceptor,
  undeclaredFieldsFor,
  type UndeclaredFields,
} from './response-schema.interceptor';
import { undeclaredKeys } from './undeclared-keys';

const item = z.object({ vacancyId: z.string(), openings: z.number().int().min(0) });
const page = z.object({ items: z.array(item), position: z.string() });

class Routes {
  @ApiDoc({ summary: 'A page', responses: { 200: { description: 'OK', schema: page } } })
  list(): void {}

  @ApiDoc({
    summary: 'A stream',
    responses: { 200: { description: 'Events', contentType: 'text/event-stream' } },
  })
  stream(): void {}
}

interface Answer {
  readonly status?: number;
  readonly headersSent?: boolean;
  readonly handler?: keyof Routes;
}

function run(mode: UndeclaredFields, body: unknown, answer: Answer = {}): Promise<unknown> {
  const interceptor = new ResponseSchemaInterceptor(mode);
  const res = { statusCode: answer.status ?? 200, headersSent: answer.headersSent ?? false };
  const req = { method: 'GET', route: { path: '/v1/vacancies' } };
  const context = {
    getType: () => 'http',
    getHandler: () => Routes.prototype[answer.handler ?? 'list'],
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }),
  } as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => of(body) };
  return lastValueFrom(interceptor.intercept(context, next));
}

const conforming = { items: [{ vacancyId: 'v-1', openings: 2 }], position: '7' };
const drifted = {
  items: [
    { vacancyId: 'v-1', openings: 2, postedBy: 'someone' },
    { vacancyId: 'v-2', openings: 1, postedBy: 'someone else' },
  ],
  position: '7',
  debug: { sql: 'select *' },
};

describe('ResponseSchemaInterceptor', () => {
  it('sends a conforming answer as the schema parses it', async () => {
    await expect(run('refuse', conforming)).resolves.toEqual(conforming);
    await expect(run('strip', conforming)).resolves.toEqual(conforming);
  });

  it('refuses, outside production, an answer with fields the schema does not name, naming each once', async () => {
    const refused = run('refuse', drifted);
    await expect(refused).rejects.toBeInstanceOf(HttpProblem);
    await expect(refused).rejects.toMatchObject({
      message: expect.stringContaining(
        'GET /v1/vacancies answered fields its documented schema does not name',
      ),
    });
    await expect(refused).rejects.toMatchObject({
      message: expect.stringMatching(/: \/items\/\*\/postedBy, \/debug$/),
    });
    await expect(refused).rejects.toMatchObject({ status: 500, code: 'internal_error' });
  });

  it('strips them in production, with a warning: the client gets only what the document names', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    await expect(run('strip', drifted)).resolves.toEqual({
      items: [
        { vacancyId: 'v-1', openings: 2 },
        { vacancyId: 'v-2', openings: 1 },
      ],
      position: '7',
    });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/\/items\/\*\/postedBy, \/debug \(stripped\)$/));
    warn.mockRestore();
  });

  it('never sends an answer that breaks its schema otherwise, in either mode', async () => {
    const broken = { items: [{ vacancyId: 'v-1', openings: -1 }] };
    await expect(run('refuse', broken)).rejects.toThrow(/\/items\/0\/openings: .*\/position: /);
    const inProduction = run('strip', broken);
    await expect(inProduction).rejects.toThrow(/not as documented/);
    // Not an HttpProblem: the filter answers a generic 500 and logs the reason.
    await expect(inProduction).rejects.not.toBeInstanceOf(HttpProblem);
  });

  it('refuses a JSON answer to a status its route declares no schema for', async () => {
    await expect(run('strip', conforming, { status: 201 })).rejects.toThrow(
      /answered 201, for which its @ApiDoc declares no schema/,
    );
  });

  it('leaves alone what is not a JSON success answer of the handler', async () => {
    await expect(run('refuse', undefined, { handler: 'stream' })).resolves.toBeUndefined();
    await expect(run('refuse', drifted, { headersSent: true })).resolves.toBe(drifted);
    await expect(run('refuse', drifted, { status: 302 })).resolves.toBe(drifted);
    const file = Buffer.from('body');
    await expect(run('refuse', file, { handler: 'stream' })).resolves.toBe(file);
  });

  it('strips in production only', () => {
    expect(undeclaredFieldsFor('production')).toBe('strip');
    expect(undeclaredFieldsFor('development')).toBe('refuse');
    expect(undeclaredFieldsFor('test')).toBe('refuse');
    expect(undeclaredFieldsFor(undefined)).toBe('strip');
  });
});

describe('undeclaredKeys', () => {
  it('names the keys a parse left out, through arrays and nested objects, ignoring undefined ones', () => {
    const input = { a: 1, b: { c: 2, d: 3 }, list: [{ e: 1, f: 2 }, { e: 1 }], gone: undefined };
    const output = { a: 1, b: { c: 2 }, list: [{ e: 1 }, { e: 1 }] };
    expect(undeclaredKeys(input, output)).toEqual(['/b/d', '/list/*/f']);
    expect(undeclaredKeys(output, output)).toEqual([]);
  });
});

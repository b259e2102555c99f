import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { HttpRequest } from '../http-types';
import { requestLog } from './request-log';
import { correlationMiddleware } from '../correlation/request-context';
import { applicationLoggerOptions, REDACTED } from './logger-options';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { lines, stream };
}

const secretRequest = (url: string): HttpRequest =>
  ({
    method: 'POST',
    url,
    originalUrl: url,
    correlationId: 'c-1',
    headers: { authorization: 'Bearer secret-token', cookie: 'session=secret-cookie' },
    body: { name: '王芳', idNumber: '52040219860101002X' },
  }) as unknown as HttpRequest;

/** A response that is sent (or not) with `status`, then closes. */
function respond(status: number, finished = true): ServerResponse {
  return Object.assign(new EventEmitter(), { statusCode: status, writableFinished: finished }) as never;
}

function run(req: HttpRequest, res: ServerResponse): Record<string, unknown>[] {
  const { lines, stream } = capture();
  let nextCalled = false;
  requestLog(pino({ level: 'info' }, stream))(req, res, () => (nextCalled = true));
  expect(nextCalled).toBe(true);
  res.emit('close');
  return lines();
}

describe('request log', () => {
  it('writes one line per request: correlation id, method, path, status, milliseconds', () => {
    const lines = run(secretRequest('/v1/households?name=王芳&idNumber=52040219860101002X'), respond(201));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      correlationId: 'c-1',
      method: 'POST',
      url: '/v1/households',
      statusCode: 201,
    });
    expect(typeof lines[0].responseTime).toBe('number');
  });

  it('never writes the query, the body or the credentials', () => {
    const text = JSON.stringify(run(secretRequest('/v1/workers?name=王芳&idNumber=0101002X'), respond(200)));
    for (const secret of ['王芳', '002X', 'secret-token', 'secret-cookie', 'idNumber', 'name=']) {
      expect(text).not.toContain(secret);
    }
  });

  it('logs a 5xx as an error, an answer never sent as aborted, and health probes not at all', () => {
    expect(run(secretRequest('/v1/x'), respond(503))[0]).toMatchObject({ level: 50, msg: 'request errored' });
    expect(run(secretRequest('/v1/x'), respond(200, false))[0]).toMatchObject({
      level: 40,
      msg: 'request aborted',
    });
    expect(run(secretRequest('/health'), respond(200))).toEqual([]);
    expect(run(secretRequest('/ready?x=1'), respond(200))).toEqual([]);
  });
});

describe('application logs in a request', () => {
  it('carry the correlation id, and personal data stays redacted; outside a request no id', () => {
    const { lines, stream } = capture();
    const logger = pino(applicationLoggerOptions('info'), stream);
    const req = secretRequest('/v1/households');
    req.headers['x-correlation-id'] = 'c-1';
    const res = Object.assign(respond(201), { setHeader: () => undefined }) as never;
    correlationMiddleware(req, res, () => logger.info({ household: { name: '王芳' } }, 'registered'));
    logger.info('outside');
    const [inside, outside] = lines();
    expect(inside).toMatchObject({ correlationId: 'c-1', msg: 'registered', household: { name: REDACTED } });
    expect(JSON.stringify(inside)).not.toMatch(/secret|王芳/);
    expect(outside).not.toHaveProperty('correlationId');
    expect(outside).toMatchObject({ msg: 'outside' });
  });
});

import type { ExecutionContext } from '@nestjs/common';
import { lastValueFrom, of, tap, throwError, type Observable } from 'rxjs';
import { IdempotencyInterceptor, keyScope, requestHash } from './idempotency.interceptor';
import type { BeginOutcome, IdempotencyStore, StoredResponse } from './idempotency.store';

describe('what makes two requests the same, and whose key it is', () => {
  it('compares bodies whatever the order of their keys, nested ones included', () => {
    const a = requestHash('POST', '/v1/households', {
      countyCode: '520402',
      members: [{ name: 'x', age: 1 }],
    });
    const b = requestHash('POST', '/v1/households', {
      members: [{ age: 1, name: 'x' }],
      countyCode: '520402',
    });
    expect(a).toBe(b);
    expect(requestHash('POST', '/v1/households', { countyCode: '520424' })).not.toBe(a);
  });

  it('scopes a key by the whole identity of the caller and the route', () => {
    const office = { sub: 'office-1', role: 'county_office', countyCode: '520402' } as const;
    const base = keyScope(office, 'POST', '/v1/households');
    expect(keyScope({ ...office }, 'POST', '/v1/households')).toBe(base);
    expect(keyScope({ ...office, countyCode: '520424' }, 'POST', '/v1/households')).not.toBe(base);
    expect(keyScope(office, 'POST', '/v1/households/:id/workers')).not.toBe(base);
    expect(keyScope(undefined, 'POST', '/v1/households')).not.toBe(base);
  });
});

describe('IdempotencyInterceptor over an asynchronous store', () => {
  /** A store that answers later, recording what it was asked and what had happened by then. */
  class SlowStore implements IdempotencyStore {
    readonly calls: string[] = [];
    failComplete = false;
    async begin(): Promise<BeginOutcome> {
      await tick();
      this.calls.push('begin');
      return { kind: 'started' };
    }
    async complete(_key: string, _actor: string, response: StoredResponse): Promise<void> {
      await tick();
      if (this.failComplete) throw new Error('store down');
      this.calls.push(`complete ${response.status} ${response.body}`);
    }
    async release(): Promise<void> {
      await tick();
      this.calls.push('release');
    }
    async close(): Promise<void> {}
  }
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  const run = async (store: SlowStore, handler: Observable<unknown>, statusCode = 201) => {
    const req = { method: 'POST', headers: { 'idempotency-key': 'k' }, url: '/v1/x', body: { a: 1 } };
    const res = { statusCode };
    const context = {
      getType: () => 'http',
      switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
    } as unknown as ExecutionContext;
    const answer = await new IdempotencyInterceptor(store).intercept(context, { handle: () => handler });
    return lastValueFrom(answer.pipe(tap(() => store.calls.push('answer sent'))));
  };

  it('keeps the answer before it leaves', async () => {
    const store = new SlowStore();
    await expect(run(store, of({ id: 'x' }))).resolves.toEqual({ id: 'x' });
    expect(store.calls).toEqual(['begin', 'complete 201 {"id":"x"}', 'answer sent']);
  });

  it('releases the key of a failed command before the failure leaves', async () => {
    const store = new SlowStore();
    await expect(
      run(
        store,
        throwError(() => new Error('refused')),
      ),
    ).rejects.toThrow('refused');
    expect(store.calls).toEqual(['begin', 'release']);
  });

  it('does not release the key of a command that ran when its answer cannot be kept', async () => {
    const store = new SlowStore();
    store.failComplete = true;
    await expect(run(store, of({ id: 'x' }))).rejects.toThrow('store down');
    expect(store.calls).toEqual(['begin']);
  });
});

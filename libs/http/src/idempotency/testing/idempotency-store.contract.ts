import type { IdempotencyStore, IdempotencyStoreOptions } from '../idempotency.store';

export interface IdempotencyStoreHarness {
  /** A new, empty storage location for the next test (a file, a schema). */
  reset(): Promise<void>;
  /** Opens a store on the current location; opening it again after closing is a restart. */
  open(options?: IdempotencyStoreOptions): Promise<IdempotencyStore>;
}

/** The idempotency store contract: every adapter passes it (SQLite always, PostgreSQL when PG_URL is set). */
export function idempotencyStoreContract(name: string, harness: () => IdempotencyStoreHarness): void {
  describe(`idempotency store contract: ${name}`, () => {
    let h: IdempotencyStoreHarness;
    const opened: IdempotencyStore[] = [];
    const open = async (options?: IdempotencyStoreOptions): Promise<IdempotencyStore> => {
      const store = await h.open(options);
      opened.push(store);
      return store;
    };

    beforeEach(async () => {
      h = harness();
      await h.reset();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('starts once, reports in-progress, replays when complete, refuses another request', async () => {
      const store = await open();
      expect(await store.begin('k', 'actor', 'h1')).toEqual({ kind: 'started' });
      expect(await store.begin('k', 'actor', 'h1')).toEqual({ kind: 'in_progress' });
      expect(await store.begin('k', 'actor', 'h2')).toEqual({ kind: 'mismatch' });
      await store.complete('k', 'actor', { status: 201, body: '{"position":"7"}' });
      expect(await store.begin('k', 'actor', 'h1')).toEqual({
        kind: 'replay',
        response: { status: 201, body: '{"position":"7"}' },
      });
      expect(await store.begin('k', 'actor', 'h2')).toEqual({ kind: 'mismatch' });
      expect(await store.begin('k', 'other-actor', 'h2')).toEqual({ kind: 'started' });
    });

    it('keeps keys per actor: another actor with the same key and request starts, and never replays', async () => {
      const store = await open();
      await store.begin('k', 'a', 'h');
      await store.complete('k', 'a', { status: 201, body: '{"mine":true}' });
      expect(await store.begin('k', 'b', 'h')).toEqual({ kind: 'started' });
      await store.complete('k', 'b', { status: 200, body: '{"mine":false}' });
      expect(await store.begin('k', 'a', 'h')).toEqual({
        kind: 'replay',
        response: { status: 201, body: '{"mine":true}' },
      });
    });

    it('replays an empty body as empty', async () => {
      const store = await open();
      await store.begin('k', 'a', 'h');
      await store.complete('k', 'a', { status: 204, body: '' });
      expect(await store.begin('k', 'a', 'h')).toEqual({
        kind: 'replay',
        response: { status: 204, body: '' },
      });
    });

    it('forgets a released key and keeps completed ones across reopening', async () => {
      const store = await open();
      await store.begin('failed', 'a', 'h');
      await store.release('failed', 'a');
      await store.begin('done', 'a', 'h');
      await store.complete('done', 'a', { status: 200, body: '{}' });
      await store.close();
      const reopened = await open();
      expect(await reopened.begin('failed', 'a', 'h')).toEqual({ kind: 'started' });
      expect((await reopened.begin('done', 'a', 'h')).kind).toBe('replay');
    });

    it('does not forget a completed key on release (a late failure cannot reopen an answered command)', async () => {
      const store = await open();
      await store.begin('k', 'a', 'h');
      await store.complete('k', 'a', { status: 201, body: '{}' });
      await store.release('k', 'a');
      expect((await store.begin('k', 'a', 'h')).kind).toBe('replay');
    });

    it('lets a retry take over a key left in progress by a stuck request, once it is stale', async () => {
      let now = 1_000;
      const store = await open({ staleAfterMs: 100, now: () => now });
      await store.begin('k', 'a', 'h');
      now += 50;
      expect((await store.begin('k', 'a', 'h')).kind).toBe('in_progress');
      now += 100;
      expect((await store.begin('k', 'a', 'h')).kind).toBe('started');
      expect((await store.begin('k', 'a', 'h')).kind).toBe('in_progress');
    });

    it('of many concurrent begins with one key, exactly one starts; the others see it in progress', async () => {
      const store = await open();
      const outcomes = await Promise.all(Array.from({ length: 40 }, () => store.begin('race', 'a', 'h')));
      const kinds = outcomes.map((o) => o.kind);
      expect(kinds.filter((k) => k === 'started')).toHaveLength(1);
      expect(kinds.filter((k) => k === 'in_progress')).toHaveLength(39);
    });

    it('of many retries taking over one stale key at once, exactly one starts', async () => {
      let now = 1_000;
      const store = await open({ staleAfterMs: 100, now: () => now });
      await store.begin('stuck', 'a', 'h');
      now += 1_000;
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => store.begin('stuck', 'a', 'h')));
      expect(outcomes.filter((o) => o.kind === 'started')).toHaveLength(1);
    });
  });
}

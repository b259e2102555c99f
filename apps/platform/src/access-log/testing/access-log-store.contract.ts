import type { AccessLogStore, AccessRecord } from '../access-log.store';

export interface AccessLogStoreHarness {
  /** A new, empty storage location for the next test (a file, a schema). */
  reset(): Promise<void>;
  /** Opens a store on the current location; opening it again after closing is a restart. */
  open(): Promise<AccessLogStore>;
  /** Runs one SQL statement on the current location directly, as someone bypassing the store would. */
  sql(statement: string): Promise<void>;
}

/** A read by `actorSub` of `subjectIds`; `scope: null` for a read without one. */
const read = (actorSub: string, subjectIds: string[], scope: string | null = '520402'): AccessRecord => ({
  actorSub,
  actorRole: 'county_office',
  resource: 'household_employment',
  subjectIds,
  ...(scope !== null ? { scope } : {}),
  correlationId: `c-${actorSub}`,
});

/**
 * The message `work` was refused with, or `accepted`. (Not `rejects.toThrow`: a driver's error can come from
 * another realm than the test's `Error` when a native module was loaded by an earlier suite of the worker.)
 */
const refusalOf = (work: Promise<unknown>): Promise<string> =>
  work.then(
    () => 'accepted',
    (error: unknown) => String((error as { message?: unknown } | undefined)?.message ?? error),
  );

/** The access log contract: every adapter passes it (SQLite always, PostgreSQL when PG_URL is set). */
export function accessLogStoreContract(name: string, harness: () => AccessLogStoreHarness): void {
  describe(`access log store contract: ${name}`, () => {
    let h: AccessLogStoreHarness;
    let log: AccessLogStore;
    const opened: AccessLogStore[] = [];
    const open = async (): Promise<AccessLogStore> => {
      const store = await h.open();
      opened.push(store);
      return store;
    };

    beforeEach(async () => {
      h = harness();
      await h.reset();
      log = await open();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('finds reads by data subject and by reader, newest first, paged by id', async () => {
      await log.append(read('a', ['h1']), new Date('2026-01-01T00:00:00Z'));
      await log.append(read('b', ['h1', 'h2', 'h1']), new Date('2026-01-02T00:00:00Z'));
      await log.append(read('a', ['h2']), new Date('2026-01-03T00:00:00Z'));
      expect((await log.find({ subject: 'h1', limit: 10 })).map((r) => r.actorSub)).toEqual(['b', 'a']);
      expect((await log.find({ subject: 'h1', limit: 10 }))[0].subjectIds).toEqual(['h1', 'h2']);
      expect((await log.find({ actor: 'a', limit: 10 })).map((r) => r.at)).toEqual([
        '2026-01-03T00:00:00.000Z',
        '2026-01-01T00:00:00.000Z',
      ]);
      const [newest] = await log.find({ limit: 1 });
      expect(await log.find({ limit: 10, before: newest.id })).toHaveLength(2);
    });

    it('narrows by subject and reader together, and pages a subject by id', async () => {
      const ids = [];
      for (const [actor, subjects] of [
        ['a', ['h1']],
        ['b', ['h1']],
        ['a', ['h1', 'h2']],
        ['a', ['h2']],
      ] as const)
        ids.push(await log.append(read(actor, [...subjects])));
      expect((await log.find({ subject: 'h1', actor: 'a', limit: 10 })).map((r) => r.id)).toEqual([
        ids[2],
        ids[0],
      ]);
      expect((await log.find({ subject: 'h1', limit: 2 })).map((r) => r.id)).toEqual([ids[2], ids[1]]);
      expect((await log.find({ subject: 'h1', limit: 2, before: ids[1] })).map((r) => r.id)).toEqual([
        ids[0],
      ]);
      expect((await log.find({ actor: 'a', limit: 10, before: ids[2] })).map((r) => r.id)).toEqual([ids[0]]);
      expect(await log.find({ subject: 'nobody', limit: 10 })).toEqual([]);
    });

    it('keeps each record as given: its id, time, reader, resource, scope when there is one, correlation', async () => {
      const at = new Date('2026-02-03T04:05:06.789Z');
      const withScope = await log.append(read('a', ['h1']), at);
      const without = await log.append(read('b', [], null), at);
      expect(withScope).not.toBe(without);
      expect(await log.find({ limit: 10 })).toEqual([
        {
          id: without,
          at: '2026-02-03T04:05:06.789Z',
          actorSub: 'b',
          actorRole: 'county_office',
          resource: 'household_employment',
          subjectIds: [],
          correlationId: 'c-b',
        },
        {
          id: withScope,
          at: '2026-02-03T04:05:06.789Z',
          actorSub: 'a',
          actorRole: 'county_office',
          resource: 'household_employment',
          subjectIds: ['h1'],
          scope: '520402',
          correlationId: 'c-a',
        },
      ]);
    });

    it('gives concurrent appends distinct, increasing ids and loses none', async () => {
      const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => log.append(read(`r${i}`, ['h']))));
      expect(new Set(ids).size).toBe(30);
      const found = (await log.find({ subject: 'h', limit: 100 })).map((r) => r.id);
      expect(found).toEqual([...ids].sort((x, y) => y - x));
    });

    it('is append-only: a row cannot be changed or deleted, and it survives a reopen', async () => {
      await log.append(read('a', ['h1']));
      await log.close();
      expect(await refusalOf(h.sql("UPDATE access_reads SET actor_sub = 'x'"))).toMatch(/append-only/);
      expect(await refusalOf(h.sql('DELETE FROM access_reads'))).toMatch(/append-only/);
      expect(await refusalOf(h.sql('DELETE FROM access_read_subjects'))).toMatch(/append-only/);
      expect(await refusalOf(h.sql("UPDATE access_read_subjects SET subject_id = 'x'"))).toMatch(
        /append-only/,
      );
      log = await open();
      expect(await log.find({ subject: 'h1', limit: 10 })).toHaveLength(1);
    });
  });
}

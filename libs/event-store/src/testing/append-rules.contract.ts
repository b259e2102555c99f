import { EventStore, ExpectedRevision, IdempotencyConflict, WrongExpectedVersion } from '../event-store.port';
import { newEvent, newEvents, uniqueStream } from './event-fixtures';

/** Expected-revision rules, concurrent writers and idempotent retries; `store` gives the test's store. */
export function describeAppendRulesContract(store: () => EventStore): void {
  describe('expected revision', () => {
    const rejected = async (stream: string, expected: ExpectedRevision): Promise<WrongExpectedVersion> => {
      const error = await store()
        .append(stream, [newEvent()], expected)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(WrongExpectedVersion);
      return error as WrongExpectedVersion;
    };

    it("'no_stream' succeeds on a new stream and fails on an existing one", async () => {
      const stream = uniqueStream();
      await store().append(stream, newEvents(2), 'no_stream');
      const error = await rejected(stream, 'no_stream');
      expect(error.actual).toBe(1);
      expect(error.streamId).toBe(stream);
    });

    it("'stream_exists' fails on a new stream and succeeds on an existing one", async () => {
      const stream = uniqueStream();
      expect((await rejected(stream, 'stream_exists')).actual).toBe('no_stream');
      await store().append(stream, [newEvent()], 'no_stream');
      expect((await store().append(stream, [newEvent()], 'stream_exists')).nextExpectedRevision).toBe(1);
    });

    it('a number must be the current revision', async () => {
      const stream = uniqueStream();
      expect((await rejected(stream, 0)).actual).toBe('no_stream');
      await store().append(stream, newEvents(3), 'no_stream');
      expect((await rejected(stream, 1)).actual).toBe(2);
      expect((await rejected(stream, 3)).actual).toBe(2);
      expect((await store().append(stream, newEvents(2), 2)).nextExpectedRevision).toBe(4);
    });

    it("'any' appends whether or not the stream exists", async () => {
      const stream = uniqueStream();
      expect((await store().append(stream, [newEvent()], 'any')).nextExpectedRevision).toBe(0);
      expect((await store().append(stream, newEvents(2), 'any')).nextExpectedRevision).toBe(2);
    });

    it('a rejected append writes nothing', async () => {
      const stream = uniqueStream();
      await store().append(stream, newEvents(2), 'no_stream');
      await rejected(stream, 0);
      await rejected(stream, 'no_stream');
      expect((await store().readStream(stream)).map((e) => e.revision)).toEqual([0, 1]);
    });

    it('50 concurrent writers on one stream: each revision is won exactly once, losers get WrongExpectedVersion', async () => {
      const stream = uniqueStream();
      const writers = 50;
      let conflicts = 0;
      const writeOnce = async (writer: number): Promise<void> => {
        for (;;) {
          const read = await store().readStream(stream);
          const expected: ExpectedRevision = read.length === 0 ? 'no_stream' : read.length - 1;
          try {
            await store().append(stream, [newEvent('Written', { writer })], expected);
            return;
          } catch (error) {
            if (!(error instanceof WrongExpectedVersion)) throw error;
            conflicts += 1;
          }
        }
      };
      await Promise.all(Array.from({ length: writers }, (_, writer) => writeOnce(writer)));

      const read = await store().readStream(stream);
      expect(read.map((e) => e.revision)).toEqual(Array.from({ length: writers }, (_, i) => i));
      expect(new Set(read.map((e) => e.data.writer)).size).toBe(writers);
      expect(conflicts).toBeGreaterThan(0);
    });

    it('of 50 writers racing for the same revision exactly one wins', async () => {
      const stream = uniqueStream();
      await store().append(stream, [newEvent()], 'no_stream');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, () => store().append(stream, [newEvent()], 0)),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.every((o) => o.reason instanceof WrongExpectedVersion && o.reason.actual === 1)).toBe(true);
      expect(await store().readStream(stream)).toHaveLength(2);
    });
  });

  describe('idempotent retry', () => {
    it('the same ids at the same expected revision append once and answer the same', async () => {
      const stream = uniqueStream();
      const first = newEvents(2);
      const second = newEvents(3);
      const created = await store().append(stream, first, 'no_stream');
      const extended = await store().append(stream, second, 1);

      expect(await store().append(stream, first, 'no_stream')).toEqual(created);
      expect(await store().append(stream, second, 1)).toEqual(extended);
      expect(await store().append(stream, second, 'any')).toEqual(extended);
      expect((await store().readStream(stream)).map((e) => e.id)).toEqual(
        [...first, ...second].map((e) => e.id),
      );
    });

    it('a retry whose ids are only partly stored is refused and writes nothing', async () => {
      const stream = uniqueStream();
      const stored = newEvents(2);
      await store().append(stream, stored, 'no_stream');
      await expect(store().append(stream, [stored[0], newEvent()], 'no_stream')).rejects.toBeInstanceOf(
        IdempotencyConflict,
      );
      await expect(store().append(stream, [stored[1], newEvent()], 'any')).rejects.toBeInstanceOf(
        IdempotencyConflict,
      );
      expect((await store().readStream(stream)).map((e) => e.id)).toEqual(stored.map((e) => e.id));
    });
  });
}

import { EventStore, Position, RecordedEvent, START } from '../event-store.port';
import { appendTwoStreamLog, expectIncreasing, newEvents, uniqueStream } from './event-fixtures';

/**
 * `readAllPages`: the global log in pages, the same events as `readAll`. Other writers may share a real
 * server, so the checks look at this test's streams, or at a range of positions that is already complete.
 */
export function describeReadAllPagesContract(current: () => EventStore): void {
  describe('the global log in pages (readAllPages)', () => {
    /** 120 events over two streams of a fresh prefix. */
    const appendLog = () => appendTwoStreamLog(current(), 'pages', 10);

    async function pagesOf(afterPosition: Position, pageSize?: number): Promise<RecordedEvent[][]> {
      const pages: RecordedEvent[][] = [];
      for await (const page of current().readAllPages(afterPosition, pageSize)) pages.push([...page]);
      return pages;
    }

    it('gives the events of readAll, field for field and in order, in non-empty pages of at most pageSize', async () => {
      const { prefix, headBefore, ids } = await appendLog();

      const pages = await pagesOf(headBefore, 7);

      expect(pages.every((page) => page.length > 0 && page.length <= 7)).toBe(true);
      const paged = pages.flat();
      expectIncreasing(paged.map((e) => e.position));
      expect(paged[0].position).toBeGreaterThan(headBefore);
      expect(paged.filter((e) => e.streamId.startsWith(prefix)).map((e) => e.id)).toEqual(ids);
      const last = paged[paged.length - 1].position;
      const read: RecordedEvent[] = [];
      for await (const event of current().readAll(headBefore)) if (event.position <= last) read.push(event);
      expect(paged).toEqual(read);
    });

    it('starts strictly after afterPosition, also inside what would be a page', async () => {
      const { prefix, headBefore, ids } = await appendLog();
      const fifth = (await pagesOf(headBefore, 1000)).flat().filter((e) => e.streamId.startsWith(prefix))[4];

      const after = (await pagesOf(fifth.position, 4)).flat();

      expect(after.every((e) => e.position > fifth.position)).toBe(true);
      expect(after.filter((e) => e.streamId.startsWith(prefix)).map((e) => e.id)).toEqual(ids.slice(5));
    });

    it('resumes after the last event of a page, without overlap or loss, when a reader stops between pages', async () => {
      const { prefix, headBefore, ids } = await appendLog();
      const resumed: string[] = [];
      let after = headBefore;
      for (let reads = 0; reads < 1000; reads++) {
        let page: readonly RecordedEvent[] | undefined;
        for await (const first of current().readAllPages(after, 25)) {
          page = first;
          break;
        }
        if (page === undefined) break;
        resumed.push(...page.filter((e) => e.streamId.startsWith(prefix)).map((e) => e.id));
        after = page[page.length - 1].position;
      }
      expect(resumed).toEqual(ids);
    });

    it('gives no page after the head, and refuses a page size that is not a positive whole number', async () => {
      const store = current();
      const stream = uniqueStream();
      const { position } = await store.append(stream, newEvents(1), 'no_stream');
      const later = (await pagesOf(position)).flat();
      expect(later.filter((e) => e.streamId === stream)).toEqual([]);
      for (const pageSize of [0, -1, 2.5]) {
        await expect(pagesOf(START, pageSize)).rejects.toThrow(RangeError);
      }
    });
  });
}

import type { RecordedEvent } from './event-store.port';

/**
 * The events of `pages`, one at a time, at most `limit` of them: how both adapters build `readAll` on
 * `readAllPages`, so there is one read path. Written as a plain iterator rather than an async generator
 * because a generator's `yield` costs several promise hops per event, which at ~10 µs per event of total
 * read cost is a measurable share; here an event already in the page costs one resolved promise.
 */
export function eventsOfPages(
  pages: AsyncIterable<readonly RecordedEvent[]>,
  limit = Number.POSITIVE_INFINITY,
): AsyncIterable<RecordedEvent> {
  return {
    [Symbol.asyncIterator]: () => new PageFlattener(pages[Symbol.asyncIterator](), limit),
  };
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

class PageFlattener implements AsyncIterator<RecordedEvent, undefined> {
  private page: readonly RecordedEvent[] = [];
  private index = 0;
  private delivered = 0;
  private finished = false;

  constructor(
    private readonly pages: AsyncIterator<readonly RecordedEvent[]>,
    private readonly limit: number,
  ) {}

  next(): Promise<IteratorResult<RecordedEvent, undefined>> {
    if (this.delivered >= this.limit) return this.finish();
    if (this.index < this.page.length) {
      this.delivered += 1;
      return Promise.resolve({ done: false, value: this.page[this.index++] });
    }
    if (this.finished) return Promise.resolve(DONE);
    return this.pages.next().then((result) => {
      if (result.done) {
        this.finished = true;
        return DONE;
      }
      this.page = result.value;
      this.index = 0;
      return this.next();
    });
  }

  /** A reader that stops early (`break` in `for await`) ends the page iteration too. */
  return(): Promise<IteratorResult<RecordedEvent, undefined>> {
    return this.finish();
  }

  private async finish(): Promise<IteratorReturnResult<undefined>> {
    this.page = [];
    if (!this.finished) {
      this.finished = true;
      await this.pages.return?.();
    }
    return DONE;
  }
}

/** The page size every adapter's readAllPages accepts: a positive safe integer. */
export function assertPageSize(pageSize: number): void {
  if (!(Number.isSafeInteger(pageSize) && pageSize > 0)) throw new RangeError(`Not a page size: ${pageSize}`);
}

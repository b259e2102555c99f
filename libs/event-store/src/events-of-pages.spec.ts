import type { RecordedEvent } from './event-store.port';
import { eventsOfPages } from './events-of-pages';

const event = (position: number): RecordedEvent => ({
  id: `e${position}`,
  type: 'Paged',
  version: 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  data: {},
  metadata: {},
  streamId: 's',
  revision: position - 1,
  position: BigInt(position),
});

/** Pages of the given sizes, numbered on from 1; records how far it was read and whether it was ended. */
function pagesOf(sizes: readonly number[]) {
  const state = { pagesRead: 0, ended: false };
  async function* pages(): AsyncGenerator<readonly RecordedEvent[]> {
    let next = 1;
    try {
      for (const size of sizes) {
        state.pagesRead += 1;
        yield Array.from({ length: size }, () => event(next++));
      }
    } finally {
      state.ended = true;
    }
  }
  return { pages: pages(), state };
}

async function positions(iterable: AsyncIterable<RecordedEvent>, stopAt?: number): Promise<number[]> {
  const seen: number[] = [];
  for await (const e of iterable) {
    seen.push(Number(e.position));
    if (seen.length === stopAt) break;
  }
  return seen;
}

describe('eventsOfPages', () => {
  it('gives every event of every page in order, passing over empty pages', async () => {
    const { pages, state } = pagesOf([3, 0, 2, 0]);
    expect(await positions(eventsOfPages(pages))).toEqual([1, 2, 3, 4, 5]);
    expect(state.ended).toBe(true);
  });

  it('stops at the limit inside a page, reads no further page, and ends the page iteration', async () => {
    const { pages, state } = pagesOf([3, 3, 3]);
    expect(await positions(eventsOfPages(pages, 4))).toEqual([1, 2, 3, 4]);
    expect(state.pagesRead).toBe(2);
    expect(state.ended).toBe(true);
  });

  it('ends the page iteration when the reader breaks off', async () => {
    const { pages, state } = pagesOf([2, 2, 2]);
    expect(await positions(eventsOfPages(pages), 3)).toEqual([1, 2, 3]);
    expect(state.pagesRead).toBe(2);
    expect(state.ended).toBe(true);
  });

  it('passes on a failure of the page source', async () => {
    async function* failing(): AsyncGenerator<readonly RecordedEvent[]> {
      yield [event(1)];
      throw new Error('disk gone');
    }
    await expect(positions(eventsOfPages(failing()))).rejects.toThrow('disk gone');
  });
});

import type { EventStore, Position, RecordedEvent } from './event-store.port';
import { START } from './event-store.port';

/** An adapter that reads one stream category of the global log itself, without handing over the others. */
export interface CategoryPageReader {
  /** The events of the streams `<category>-…` after `afterPosition`, in log order, a page at a time. */
  readCategoryPages(
    category: string,
    afterPosition?: Position,
    pageSize?: number,
  ): AsyncIterable<readonly RecordedEvent[]>;
}

const readsCategories = (store: EventStore): store is EventStore & CategoryPageReader =>
  typeof (store as Partial<CategoryPageReader>).readCategoryPages === 'function';

/**
 * One stream category of the global log (`household` reads `household-…`), in order: natively where the
 * adapter can (SQLite filters in its page query), else the whole log's pages filtered here.
 */
export function readCategoryPages(
  store: EventStore,
  category: string,
  afterPosition: Position = START,
): AsyncIterable<readonly RecordedEvent[]> {
  if (readsCategories(store)) return store.readCategoryPages(category, afterPosition);
  return filteredPages(store.readAllPages(afterPosition), `${category}-`);
}

async function* filteredPages(
  pages: AsyncIterable<readonly RecordedEvent[]>,
  prefix: string,
): AsyncGenerator<readonly RecordedEvent[]> {
  for await (const page of pages) {
    const kept = page.filter((e) => e.streamId.startsWith(prefix));
    if (kept.length > 0) yield kept;
  }
}

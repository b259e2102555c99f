import type { ApiClient } from './api';
import type { VacancyView } from './api-types';

/**
 * Vacancies by id, for the titles of recommended and offered vacancies: the recommendations name vacancies by id
 * only, so the vacancy list is read (newest first, 200 a page) until every wanted id is found. Titles do not
 * change, so what was found is kept for the page's life; one scan at a time serves every caller.
 */
const known = new Map<string, VacancyView>();
const wanted = new Set<string>();
let scanning: Promise<void> | undefined;
const MAX_PAGES = 15;

async function scan(api: ApiClient): Promise<void> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, nextCursor } = await api.vacancies({ limit: 200, cursor });
    for (const v of items) known.set(v.vacancyId, v);
    if ([...wanted].every((id) => known.has(id)) || !nextCursor) return;
    cursor = nextCursor;
  }
}

export async function vacanciesById(
  api: ApiClient,
  ids: readonly string[],
): Promise<ReadonlyMap<string, VacancyView>> {
  // A scan already under way may stop before reaching ids added after it began: then one more.
  for (let round = 0; round < 2 && ids.some((id) => !known.has(id)); round++) {
    ids.forEach((id) => known.has(id) || wanted.add(id));
    scanning ??= scan(api).finally(() => {
      scanning = undefined;
      wanted.clear();
    });
    await scanning;
  }
  return new Map(ids.flatMap((id) => (known.has(id) ? [[id, known.get(id) as VacancyView]] : [])));
}

import { canonicalInstant, type DueItem } from '@lib/domain/scheduling/due-item';
import type { VacancyExpiryDue } from '@lib/domain/scheduling/vacancy-expiry.projection';
import type { WelfareTermDue } from '@lib/domain/scheduling/welfare-term.projection';
import { MAX_PAGE_SIZE, type CollectionSpec, type ReadStore } from '@lib/read-store';
import { dueVacancyExpiriesCollection, dueWelfareTermsCollection } from '../monitor/monitor-collections';

/** One item of the due list, whichever its kind. */
export type DueEntry = VacancyExpiryDue | WelfareTermDue;

type DueCollection<D extends DueItem> = CollectionSpec<D, 'countyCode' | 'pending' | 'dueAt'>;

export interface DueQuery {
  /** The items due at this time (dueAt <= now). */
  readonly now: string;
  /** At most this many (the oldest). */
  readonly limit: number;
  /** Only this county's. */
  readonly countyCode?: string;
}

/**
 * The pending items of one collection due at `now`, oldest first, at most `limit`: the index on
 * (pending, dueAt) is read in order and the read stops at the first item not yet due.
 */
export async function findDueIn<D extends DueItem>(
  store: ReadStore,
  collection: DueCollection<D>,
  query: DueQuery,
): Promise<D[]> {
  const until = canonicalInstant(query.now);
  const where =
    query.countyCode === undefined ? { pending: 1 } : { pending: 1, countyCode: query.countyCode };
  const found: D[] = [];
  let after: string | undefined;
  while (found.length < query.limit) {
    const page = await store.find(collection, {
      where,
      orderBy: { field: 'dueAt', direction: 'asc' },
      limit: Math.min(MAX_PAGE_SIZE, query.limit - found.length),
      after,
    });
    for (const item of page.items) {
      if (item.dueAt > until) return found;
      found.push(item);
    }
    if (page.next === null) return found;
    after = page.next;
  }
  return found;
}

/** The vacancies still open in the read model whose expiry has come (the scheduler has not expired them yet). */
export const findOverdueVacancies = (store: ReadStore, query: DueQuery): Promise<VacancyExpiryDue[]> =>
  findDueIn(store, dueVacancyExpiriesCollection, query);

/**
 * Every kind of item due at `now`, oldest first (ties by kind, then key), at most `limit` in all: the two
 * collections read in order, merged.
 */
export async function findDueItems(store: ReadStore, query: DueQuery): Promise<DueEntry[]> {
  const [expiries, terms] = await Promise.all([
    findDueIn(store, dueVacancyExpiriesCollection, query),
    findDueIn(store, dueWelfareTermsCollection, query),
  ]);
  const all: DueEntry[] = [...expiries, ...terms];
  all.sort((a, b) => compare(a.dueAt, b.dueAt) || compare(a.kind, b.kind) || compare(keyOf(a), keyOf(b)));
  return all.slice(0, query.limit);
}

export const keyOf = (item: DueEntry): string =>
  item.kind === 'vacancy_expiry' ? item.vacancyId : item.placementId;

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

import type { OpenVacancy } from '@lib/domain/monitor';
import type { Page } from '@lib/read-store';
import { mergedPage, statusAt } from './vacancy-pages';

const NOW = '2026-06-01T00:00:00Z';
const STATUSES = ['open', 'filled', 'expired', 'withdrawn'] as const;

/** A seeded list of vacancies: ties on postedAt, a third of the open and full ones past their expiry. */
function vacancies(count: number): OpenVacancy[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, (_, i) => {
    const status = STATUSES[Math.floor(next() * 4)];
    const overdue = next() < 0.33;
    return {
      vacancyId: `v${String(i).padStart(3, '0')}`,
      status,
      postedAt: `2026-03-${String(1 + Math.floor(next() * 9)).padStart(2, '0')}T00:00:00Z`,
      expiresAt: overdue ? '2026-05-31T00:00:00Z' : '2026-12-31T00:00:00Z',
    } as OpenVacancy;
  });
}

const storeOrder = (a: OpenVacancy, b: OpenVacancy): number =>
  a.postedAt !== b.postedAt ? (a.postedAt > b.postedAt ? -1 : 1) : a.vacancyId > b.vacancyId ? -1 : 1;

/** The store's keyset paging over one status, newest first (cursor: the index of the next item, as text). */
const storeOf =
  (all: readonly OpenVacancy[], status: OpenVacancy['status']) =>
  async (after: string | undefined, limit: number): Promise<Page<OpenVacancy>> => {
    const list = all.filter((v) => v.status === status).sort(storeOrder);
    const from = after === undefined ? 0 : Number(after);
    const items = list.slice(from, from + limit);
    return { items, next: from + limit < list.length ? String(from + limit) : null };
  };

async function everyPage(all: readonly OpenVacancy[], status: OpenVacancy['status'], limit: number) {
  const overdue = all.filter((v) => statusAt(v, NOW) !== v.status);
  const stored = status === 'expired' ? 'expired' : status;
  const pages: string[][] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 500; guard++) {
    const page = await mergedPage({
      read: storeOf(all, stored),
      keep: (v) => statusAt(v, NOW) === status,
      extras: status === 'expired' ? overdue : [],
      limit,
      cursor,
    });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    pages.push(page.items.map((v) => v.vacancyId));
    if (page.nextCursor === null) return pages;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

describe('vacancy lists by the status a vacancy has now', () => {
  const all = vacancies(120);

  it('an open or full vacancy whose expiresAt has come is expired; the others keep their status', () => {
    const open = { status: 'open', expiresAt: NOW } as OpenVacancy;
    expect(statusAt(open, NOW)).toBe('expired');
    expect(statusAt({ ...open, status: 'filled' }, NOW)).toBe('expired');
    expect(statusAt({ ...open, expiresAt: '2026-06-01T08:00:01+08:00' }, NOW)).toBe('open');
    expect(statusAt({ ...open, status: 'withdrawn' }, NOW)).toBe('withdrawn');
  });

  it.each([1, 2, 3, 7, 50, 200])(
    'pages of %i: every vacancy of the status once, in the store order, each page full but the last',
    async (limit) => {
      for (const status of STATUSES) {
        const expected = all
          .filter((v) => statusAt(v, NOW) === status)
          .sort(storeOrder)
          .map((v) => v.vacancyId);
        const pages = await everyPage(all, status, limit);
        expect(pages.flat()).toEqual(expected);
        for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
      }
    },
  );

  it('a cursor this list did not give is a 400', async () => {
    await expect(
      mergedPage({
        read: storeOf(all, 'open'),
        keep: () => true,
        extras: [],
        limit: 5,
        cursor: 'bm90IGpzb24',
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});

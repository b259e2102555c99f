import type { OpenVacancy } from '@lib/domain/monitor';
import type { Page } from '@lib/read-store';
import { badCursor } from './in-memory-page';

/**
 * Vacancy lists filtered by the status a vacancy has NOW: an open (or full) vacancy whose expiresAt has come is
 * expired, whether or not the scheduler has appended its VacancyExpired yet. The store knows the status of
 * the last event only, so such a list is the store's list (newest first) with the overdue vacancies taken
 * out (open, full), or merged in (expired).
 */

/** The status a vacancy has at `now`: expired once its expiresAt has come, whatever its last event said. */
export function statusAt(vacancy: OpenVacancy, now: string): OpenVacancy['status'] {
  const closable = vacancy.status === 'open' || vacancy.status === 'filled';
  return closable && Date.parse(vacancy.expiresAt) <= Date.parse(now) ? 'expired' : vacancy.status;
}

/** The list's order, the store's: postedAt descending, ties by id descending (string order, as the store). */
const comesBefore = (a: Position, b: Position): boolean =>
  a.postedAt > b.postedAt || (a.postedAt === b.postedAt && a.vacancyId > b.vacancyId);

interface Position {
  readonly postedAt: string;
  readonly vacancyId: string;
}

/**
 * Where a page ended: `s` the store cursor that reads the store page the last item came from (undefined: from
 * the start; null: the store list is exhausted), `p` the last item (items at or before it are skipped).
 */
interface MergedCursor {
  readonly s: string | undefined | null;
  readonly p: Position | null;
}

export interface MergedPageInput {
  /** One page of the store's list, after a store cursor. */
  readonly read: (after: string | undefined, limit: number) => Promise<Page<OpenVacancy>>;
  /** Whether a store item belongs to the list. */
  readonly keep: (vacancy: OpenVacancy) => boolean;
  /** Items the store's list lacks, in any order (the overdue vacancies of an expired list). */
  readonly extras: readonly OpenVacancy[];
  readonly limit: number;
  readonly cursor: string | undefined;
}

/**
 * A page of the store's list, filtered and merged with `extras`, as full as `limit` allows: store pages are read
 * until it is full or the list ends. The cursor re-reads the store page it stopped in and skips what was served.
 */
export async function mergedPage(
  input: MergedPageInput,
): Promise<{ items: OpenVacancy[]; nextCursor: string | null }> {
  const { limit } = input;
  const start = input.cursor === undefined ? { s: undefined, p: null } : decodeMerged(input.cursor);
  const after = (v: Position): boolean => start.p === null || comesBefore(start.p, v);
  const extras = input.extras.filter(after).sort((a, b) => (comesBefore(a, b) ? -1 : 1));
  const items: OpenVacancy[] = [];
  let storeCursor = start.s;
  while (storeCursor !== null) {
    const page = await input.read(storeCursor, limit);
    const candidates = page.items.filter((v) => after(v) && input.keep(v));
    for (let i = 0; i < candidates.length; i++) {
      while (extras.length > 0 && comesBefore(extras[0], candidates[i])) {
        items.push(extras.shift() as OpenVacancy);
        if (items.length === limit) return { items, nextCursor: encodeMerged(storeCursor, items) };
      }
      items.push(candidates[i]);
      if (items.length === limit) {
        const more = i + 1 < candidates.length || extras.length > 0 || page.next !== null;
        return { items, nextCursor: more ? encodeMerged(storeCursor, items) : null };
      }
    }
    storeCursor = page.next;
  }
  while (extras.length > 0 && items.length < limit) items.push(extras.shift() as OpenVacancy);
  return { items, nextCursor: extras.length > 0 ? encodeMerged(null, items) : null };
}

function encodeMerged(s: string | undefined | null, items: readonly OpenVacancy[]): string {
  const last = items[items.length - 1];
  const cursor = { s: s ?? (s === null ? null : ''), p: [last.postedAt, last.vacancyId] };
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeMerged(cursor: string): MergedCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const { s, p } = (parsed ?? {}) as { s?: unknown; p?: unknown };
  const position =
    Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string'
      ? { postedAt: p[0], vacancyId: p[1] }
      : undefined;
  if (!position || !(s === null || typeof s === 'string')) throw badCursor();
  return { s: s === '' ? undefined : s, p: position };
}

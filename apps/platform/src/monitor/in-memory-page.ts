import { HttpProblem } from '@lib/http';

/**
 * Paging of a list computed in memory (cleared cases, vacancies of one source): the cursor is the offset of
 * the next item, opaque to clients like the store's own cursors.
 */
export function pageOf<T>(
  all: readonly T[],
  limit: number,
  cursor: string | undefined,
): { items: T[]; nextCursor: string | null } {
  const offset = cursor === undefined ? 0 : offsetOf(cursor);
  const items = all.slice(offset, offset + limit);
  const end = offset + items.length;
  return { items, nextCursor: end < all.length ? encodeOffset(end) : null };
}

const encodeOffset = (offset: number): string => Buffer.from(`o:${offset}`, 'utf8').toString('base64url');

function offsetOf(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badCursor();
  return Number(match[1]);
}

export const badCursor = (): HttpProblem =>
  new HttpProblem(400, 'validation_failed', 'The request query is not valid', {
    issues: [{ path: 'cursor', message: 'Not a cursor this list gave' }],
  });

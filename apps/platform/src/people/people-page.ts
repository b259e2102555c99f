import type { Found } from '@lib/application/people/people-index';
import { badCursor } from '../monitor/in-memory-page';

/**
 * One page of what a search found: the cursor is the offset of the next item (as the other in-memory lists
 * page, monitor/in-memory-page.ts), and only the page's items are made.
 */
export function pageOfFound<T>(
  found: Found<T>,
  limit: number,
  cursor: string | undefined,
): { items: T[]; nextCursor: string | null } {
  const offset = cursor === undefined ? 0 : offsetOf(cursor);
  const items = found.slice(offset, offset + limit);
  const end = offset + items.length;
  return { items, nextCursor: end < found.total ? Buffer.from(`o:${end}`).toString('base64url') : null };
}

function offsetOf(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badCursor();
  return Number(match[1]);
}

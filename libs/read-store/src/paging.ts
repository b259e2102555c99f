import type { FieldValue } from './read-store.port';

/** Where the previous page ended: the sort field's value and the key of its last document. */
export interface CursorPosition {
  readonly value: FieldValue;
  readonly key: string;
}

export const encodeCursor = (position: CursorPosition): string =>
  Buffer.from(JSON.stringify([position.value, position.key]), 'utf8').toString('base64url');

export function decodeCursor(cursor: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new RangeError('Not a page cursor');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[1] !== 'string' ||
    !(parsed[0] === null || typeof parsed[0] === 'string' || typeof parsed[0] === 'number')
  ) {
    throw new RangeError('Not a page cursor');
  }
  return { value: parsed[0] as FieldValue, key: parsed[1] };
}

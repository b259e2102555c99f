import { pinyin } from 'pinyin-pro';

/**
 * The pinyin initials a name is found by: 王秀英 → wxy. A polyphonic surname is read as a surname (单 shàn,
 * 曾 zēng, 解 xiè: `surname: 'head'`); the common reading of the character is kept beside it when it differs
 * (dxx for 单雄信), since a caller typing from memory may use either.
 */
export function initialsOf(name: string): readonly string[] {
  const known = cache.get(name);
  if (known) return known;
  const asSurname = initials(name, true);
  const plain = initials(name, false);
  const keys = plain === asSurname ? [asSurname] : [asSurname, plain];
  // Names repeat a lot (a province has far fewer names than people); the cache stays bounded all the same.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, keys);
  return keys;
}

const CACHE_LIMIT = 200_000;
const cache = new Map<string, readonly string[]>();

function initials(name: string, surname: boolean): string {
  return pinyin(name, {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
    ...(surname ? { surname: 'head' as const } : {}),
  })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** What a search text is: a phone (digits), pinyin initials (Latin letters) or a part of a name. */
export type SearchKind = 'phone' | 'initials' | 'name';

export function searchKindOf(q: string): SearchKind {
  if (/^\d+$/.test(q)) return 'phone';
  if (/^[A-Za-z]+$/.test(q)) return 'initials';
  return 'name';
}

/** The fewest digits a phone search takes: its last 4 (fewer would list a county). */
export const PHONE_SEARCH_DIGITS = 4;

/** JSON.stringify replacer: bigints (positions) become decimal strings, as the API promises. */
export const bigintReplacer = (_key: string, value: unknown): unknown =>
  typeof value === 'bigint' ? value.toString() : value;

export const toJson = (value: unknown): string => JSON.stringify(value, bigintReplacer);

/** JSON with every object's keys in order: two bodies that differ only in their keys' order are the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    const plain = bigintReplacer(key, v);
    if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) return plain;
    return Object.fromEntries(
      Object.entries(plain as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
}

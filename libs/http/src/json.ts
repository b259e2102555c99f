/** JSON.stringify replacer: bigints (positions) become decimal strings, as the API promises. */
export const bigintReplacer = (_key: string, value: unknown): unknown =>
  typeof value === 'bigint' ? value.toString() : value;

export const toJson = (value: unknown): string => JSON.stringify(value, bigintReplacer);

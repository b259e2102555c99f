const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The keys of `input` that a schema's parse left out of `output` (zod strips the keys an object schema does not
 * name), as JSON pointers in which every array index is written `*`, so a field missing from every item is named
 * once. Keys whose value is undefined are not counted, since JSON drops them anyway. One walk over the body.
 */
export function undeclaredKeys(input: unknown, output: unknown): string[] {
  const found = new Set<string>();
  const walk = (from: unknown, to: unknown, path: string): void => {
    if (Array.isArray(from) && Array.isArray(to)) {
      from.forEach((item, i) => walk(item, to[i], `${path}/*`));
      return;
    }
    if (!isPlainObject(from) || !isPlainObject(to)) return;
    for (const key of Object.keys(from)) {
      const value = from[key];
      if (value === undefined) continue;
      if (!Object.prototype.hasOwnProperty.call(to, key)) found.add(`${path}/${key}`);
      else walk(value, to[key], `${path}/${key}`);
    }
  };
  walk(input, output, '');
  return [...found];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The keys of `input` that a schema's parse left out of `output` (zod strips the keys an object schema does not
 * name), as JSON pointers in which every array index is written `*`, so a field missing from every item is named
 * once. Keys whose value is undefined are not counted, since JSON drops them anyway. One walk over the body.
 */
export function undeclaredKeys(input: unknown, output: unknown): string[] {
  const found = new Set<string>();
  // The path is a stack, joined only for a key found missing: the walk allocates no string per node.
  const path: string[] = [];
  const walk = (from: unknown, to: unknown): void => {
    if (Array.isArray(from)) {
      if (!Array.isArray(to)) return;
      path.push('*');
      for (let i = 0; i < from.length; i++) walk(from[i], to[i]);
      path.pop();
      return;
    }
    if (!isPlainObject(from) || !isPlainObject(to)) return;
    for (const key in from) {
      if (!Object.prototype.hasOwnProperty.call(from, key)) continue;
      const value = from[key];
      if (value === undefined) continue;
      path.push(key);
      if (!Object.prototype.hasOwnProperty.call(to, key)) found.add(`/${path.join('/')}`);
      else if (typeof value === 'object' && value !== null) walk(value, to[key]);
      path.pop();
    }
  };
  walk(input, output);
  return [...found];
}

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** tsconfig's path aliases, as prefixes → folders (the same map jest.paths.js builds). */
const ALIASES: readonly [string, string][] = Object.entries(
  (
    JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { paths: Record<string, string[]> };
    }
  ).compilerOptions.paths,
).map(([alias, [target]]) => [alias.replace(/\/\*$/, '/'), target.replace(/\/\*$/, '/')]);

function resolveFile(base: string): string | undefined {
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) return resolveFile(resolve(dirname(from), specifier));
  for (const [alias, target] of ALIASES) {
    if (specifier === alias) return resolveFile(join(ROOT, target));
    if (alias.endsWith('/') && specifier.startsWith(alias)) {
      return resolveFile(join(ROOT, target, specifier.slice(alias.length)));
    }
  }
  return undefined; // a package
}

const IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)'([^']+)'/g;
const ENV_READ = /\benv\.([A-Z][A-Z0-9_]*)\b|\benv\[\s*'([A-Z][A-Z0-9_]*)'\s*\]/g;

/**
 * Every environment variable the code reachable from `entry` reads (`process.env.X`, `env.X`, `env['X']`),
 * following its imports (relative and tsconfig aliases; packages are not followed), type-only ones
 * included: a deliberate over-approximation, so a variable is never missed.
 */
export function envReadsFrom(entry: string): { variables: Set<string>; files: number } {
  const seen = new Set<string>();
  const variables = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(ENV_READ)) variables.add(match[1] ?? match[2]);
    for (const match of source.matchAll(IMPORT)) {
      const target = resolveImport(file, match[1]);
      if (target && target.endsWith('.ts')) queue.push(target);
    }
  }
  return { variables, files: seen.size };
}

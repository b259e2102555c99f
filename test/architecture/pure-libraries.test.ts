import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The deciders, projections, matching engine and contracts stay pure: no framework, no database or broker
 * client, no HTTP. ESLint says the same while editing; this test fails the build if it is bypassed.
 */
const ROOT = join(__dirname, '..', '..');
const PURE_FOLDERS = ['libs/domain/src', 'libs/matching/src', 'contracts/src'];
const FORBIDDEN = [
  /^@nestjs\//,
  /^better-sqlite3$/,
  /^mongoose$/,
  /^mongodb$/,
  /^kafkajs$/,
  /^@eventstore\//,
  /^express$/,
  /^pino/,
  /^@lib\/(event-store|read-store|messaging|http|auth)(\/|$)/,
  /^node:(fs|net|http|https|child_process)$/,
];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const importsOf = (source: string): string[] =>
  [
    ...source.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1] ?? match[2]);

describe('pure libraries import no framework or I/O client', () => {
  for (const folder of PURE_FOLDERS) {
    it(`${folder} has no forbidden import`, () => {
      const files = sourceFiles(join(ROOT, folder));
      expect(files.length).toBeGreaterThan(0);
      const offences = files.flatMap((file) =>
        importsOf(readFileSync(file, 'utf8'))
          .filter((specifier) => FORBIDDEN.some((pattern) => pattern.test(specifier)))
          .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
      );
      expect(offences).toEqual([]);
    });
  }

  it('the import scanner sees imports (so the test above can fail)', () => {
    expect(
      importsOf(`import { Module } from '@nestjs/common';\nconst db = require('better-sqlite3');`),
    ).toEqual(['@nestjs/common', 'better-sqlite3']);
  });
});

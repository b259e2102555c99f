import { join } from 'node:path';
import { IMPORT_RULES, ROOT, breachesOf, importsOf, productionFiles, type ImportRule } from './import-rules';

/**
 * The layers of docs/ARCHITECTURE.md hold: each rule over the production files of its folders. ESLint says
 * part of it while editing; this test fails the build when it is bypassed.
 */
describe('the layers', () => {
  it.each(IMPORT_RULES.map((rule) => [rule.name, rule] as const))('%s', (_name, rule) => {
    for (const folder of rule.folders) expect(productionFiles(join(ROOT, folder)).length).toBeGreaterThan(0);
    expect(breachesOf(rule)).toEqual([]);
  });
});

describe('the rules can fail', () => {
  const rule = (name: string): ImportRule => {
    const found = IMPORT_RULES.find((r) => r.name.startsWith(name));
    if (!found) throw new Error(`no rule ${name}`);
    return found;
  };
  const file = (path: string) => join(ROOT, path);

  it('the scanner sees static, re-exported, dynamic and required imports', () => {
    const source = [
      "import { Module } from '@nestjs/common';",
      "export * from './x';",
      "const m = await import('@lib/event-store/eventstoredb');",
      "const db = require('better-sqlite3');",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      '@nestjs/common',
      './x',
      '@lib/event-store/eventstoredb',
      'better-sqlite3',
    ]);
  });

  it.each([
    ['the pure layers', '@nestjs/common', 'libs/domain/src/x.ts'],
    ['the pure layers', 'pg', 'libs/matching/src/x.ts'],
    ['contracts import', '@lib/domain', 'contracts/src/x.ts'],
    ['the domain imports', '@lib/event-store', 'libs/domain/src/x.ts'],
    ['matching imports', '@lib/read-store', 'libs/matching/src/x.ts'],
    ['the application layer', '@nestjs/common', 'libs/application/src/x.ts'],
    ['the application layer', '@lib/http', 'libs/application/src/x.ts'],
    ['the application layer', '@lib/event-store/sqlite/sqlite-event-store', 'libs/application/src/x.ts'],
    ['the infrastructure libraries', '@lib/domain/workforce/household.decider', 'libs/event-store/src/x.ts'],
    ['the infrastructure libraries', '@lib/application', 'libs/read-store/src/x.ts'],
    ['apps use', '@lib/read-store/runner/projection-runner', 'apps/platform/src/x.ts'],
    ['libraries, contracts and seeds', '../../../apps/platform/src/main', 'libs/http/src/x.ts'],
  ])('%s: %s in %s is a breach', (name, specifier, path) => {
    expect(rule(name).forbids(specifier, file(path))).toBe(true);
  });

  it.each([
    ['the infrastructure libraries', '@lib/domain/shared/decider', 'libs/event-store/src/x.ts'],
    ['matching imports', '@lib/domain/placements/placement-rules', 'libs/matching/src/x.ts'],
    ['apps use', '@lib/event-store/eventstoredb', 'apps/platform/src/x.ts'],
    ['apps use', '@lib/domain/workforce/household.decider', 'apps/platform/src/x.ts'],
    ['the application layer', '@lib/read-store', 'libs/application/src/x.ts'],
    ['libraries, contracts and seeds', './errors/http-problem', 'libs/http/src/x.ts'],
  ])('%s: %s in %s is allowed', (name, specifier, path) => {
    expect(rule(name).forbids(specifier, file(path))).toBe(false);
  });
});

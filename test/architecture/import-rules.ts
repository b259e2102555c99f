import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The layer rules of docs/ARCHITECTURE.md, as data: which production files may import what. Tests, specs,
 * `testing/` fixtures and benchmarks are not production code and are not held to them.
 */
export const ROOT = join(__dirname, '..', '..');

/** Frameworks, database and broker drivers, and Node's I/O modules: never in the pure layers. */
const FRAMEWORKS_AND_DRIVERS = [
  /^@nestjs\//,
  /^better-sqlite3$/,
  /^pg$/,
  /^mongoose$/,
  /^mongodb$/,
  /^kafkajs$/,
  /^@eventstore\//,
  /^express$/,
  /^pino/,
  /^node:(fs|net|http|https|child_process|worker_threads)$/,
];

const INFRASTRUCTURE_LIBS = ['event-store', 'read-store', 'messaging', 'http', 'auth'];

export interface ImportRule {
  readonly name: string;
  /** The folders whose production files the rule holds (paths from the repository root). */
  readonly folders: readonly string[];
  /** A specifier (as written, or resolved to a repository path for a relative one) that breaks the rule. */
  readonly forbids: (specifier: string, file: string) => boolean;
}

const libImport = (specifier: string): { lib: string; rest: string } | undefined => {
  const match = /^@lib\/([a-z-]+)(\/.*)?$/.exec(specifier);
  return match ? { lib: match[1], rest: match[2] ?? '' } : undefined;
};

const isFrameworkOrDriver = (specifier: string) => FRAMEWORKS_AND_DRIVERS.some((p) => p.test(specifier));

export const IMPORT_RULES: readonly ImportRule[] = [
  {
    name: 'the pure layers (contracts, domain, matching) import no framework, driver or I/O module',
    folders: ['contracts/src', 'libs/domain/src', 'libs/matching/src'],
    forbids: isFrameworkOrDriver,
  },
  {
    name: 'contracts import no library of the service',
    folders: ['contracts/src'],
    forbids: (s) => libImport(s) !== undefined,
  },
  {
    name: 'the domain imports no other library of the service (only contracts)',
    folders: ['libs/domain/src'],
    forbids: (s) => (libImport(s)?.lib ?? 'domain') !== 'domain',
  },
  {
    name: 'matching imports only the domain among the libraries (its placement rules)',
    folders: ['libs/matching/src'],
    forbids: (s) => !['matching', 'domain'].includes(libImport(s)?.lib ?? 'matching'),
  },
  {
    name: 'the application layer imports no framework or driver, and of the infrastructure only the ports',
    folders: ['libs/application/src'],
    forbids: (s) => {
      if (isFrameworkOrDriver(s)) return true;
      const lib = libImport(s);
      if (!lib) return false;
      if (['messaging', 'http', 'auth', 'matching'].includes(lib.lib)) return true;
      return ['event-store', 'read-store'].includes(lib.lib) && lib.rest !== '';
    },
  },
  {
    name: 'the infrastructure libraries import no domain flow, no application flow, no matching',
    folders: INFRASTRUCTURE_LIBS.map((lib) => `libs/${lib}/src`),
    forbids: (s) => {
      const lib = libImport(s);
      if (!lib) return false;
      if (lib.lib === 'application' || lib.lib === 'matching') return true;
      // The decider runner runs deciders: the decider's shape is the one thing of the domain it may know.
      return lib.lib === 'domain' && lib.rest !== '/shared/decider';
    },
  },
  {
    name: 'apps use the infrastructure libraries through their index (the server adapters and the framework-free token entries through their own)',
    folders: ['apps', 'libs/application/src'],
    forbids: (s) => {
      const lib = libImport(s);
      if (!lib || !INFRASTRUCTURE_LIBS.includes(lib.lib) || lib.rest === '') return false;
      if (lib.lib === 'event-store') return !(lib.rest === '/eventstoredb' || lib.rest === '/postgres');
      return !(lib.lib === 'auth' && (lib.rest === '/token' || lib.rest === '/principal'));
    },
  },
  {
    name: 'libraries, contracts and seeds never import an app',
    folders: ['libs', 'contracts/src', 'seeds/src'],
    forbids: (s, file) =>
      s.startsWith('.') && relative(ROOT, resolve(dirname(file), s)).split(/[\\/]/)[0] === 'apps',
  },
];

const isProductionFile = (path: string): boolean =>
  /\.tsx?$/.test(path) &&
  !/\.(spec|test)\.tsx?$/.test(path) &&
  !/\.child\.ts$/.test(path) &&
  !path.split(/[\\/]/).includes('testing') &&
  !path.split(/[\\/]/).includes('web');

export function productionFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return productionFiles(path);
    return isProductionFile(path) ? [path] : [];
  });
}

/** The module specifiers of a source file: static imports and re-exports, dynamic imports and requires. */
export const importsOf = (source: string): string[] =>
  [
    ...source.matchAll(
      /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((match) => match[1] ?? match[2] ?? match[3]);

/** Every breach of a rule, as `file imports specifier`. */
export function breachesOf(rule: ImportRule): string[] {
  return rule.folders.flatMap((folder) =>
    productionFiles(join(ROOT, folder)).flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((specifier) => rule.forbids(specifier, file))
        .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
    ),
  );
}

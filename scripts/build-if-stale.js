// @ts-check
'use strict';
/**
 * Builds what is stale, nothing else: the service (tsc --build, then tsc-alias) when its sources changed since
 * the last build, the dashboard (vite) when its sources did. "Changed" is a SHA-256 over the paths and
 * contents of each build's inputs, kept in dist after a successful build (dist/.server-build.sha256,
 * dist/web/.web-build.sha256): a restart with nothing changed reads ~500 small files and starts at once; a
 * fresh clone (no dist) builds everything. Plain JavaScript: it runs before anything is compiled.
 */
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const SERVER_STAMP = join(DIST, '.server-build.sha256');
const WEB_STAMP = join(DIST, 'web', '.web-build.sha256');
const SERVER_ENTRY = join(DIST, 'apps', 'platform', 'src', 'main.js');
const TS_BUILD_INFO = join(DIST, 'tsconfig.build.tsbuildinfo');

/** @param {string} dir @param {(path: string, isDir: boolean) => boolean} keep @returns {string[]} */
function walk(dir, keep) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (!keep(path, entry.isDirectory())) return [];
      return entry.isDirectory() ? walk(path, keep) : [path];
    });
}

/** What tsconfig.build.json compiles (the same includes and excludes), and the configuration around it. */
function serverInputs() {
  /** @type {(path: string, isDir: boolean) => boolean} */
  const keep = (path, isDir) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (isDir) return !['node_modules', 'web', 'testing', 'dist'].includes(name);
    return /\.(ts|json)$/.test(name) && !/\.(spec|test)\.ts$/.test(name);
  };
  const sources = ['apps', 'libs', 'contracts', 'seeds'].flatMap((dir) => walk(join(ROOT, dir), keep));
  return [
    ...sources,
    ...['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((f) => join(ROOT, f)),
  ];
}

/**
 * The dashboard's sources and its vite configuration (all under apps/platform/web), the contracts it imports
 * (regions, vocabularies, request bodies: bundled into the page), and the locked versions.
 */
function webInputs() {
  const web = walk(
    join(ROOT, 'apps', 'platform', 'web'),
    (path, isDir) => !(isDir && path.endsWith('/node_modules')),
  );
  const contracts = walk(join(ROOT, 'contracts'), (path, isDir) => isDir || /\.ts$/.test(path));
  return [...web, ...contracts, join(ROOT, 'package-lock.json')];
}

/** SHA-256 over each input's path and content: the same inputs give the same hash whatever their mtimes. */
function fingerprint(/** @type {string[]} */ files) {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(ROOT, file)).update('\0');
    hash.update(existsSync(file) ? readFileSync(file) : '(missing)').update('\0');
  }
  return hash.digest('hex');
}

const stampOf = (/** @type {string} */ path) => (existsSync(path) ? readFileSync(path, 'utf8').trim() : '');

/** Runs a package's bin with this node; exits with its status (and output) when it fails. */
function run(/** @type {string} */ bin, /** @type {string[]} */ args, /** @type {boolean} */ quiet) {
  // The bin's file itself: some packages (vite) do not export it to require.resolve.
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', bin), ...args], {
    cwd: ROOT,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    process.stderr.write(`build failed: ${bin} ${args.join(' ')}\n`);
    process.exit(result.status ?? 1);
  }
}

/**
 * @typedef {{ readonly web?: boolean, readonly quiet?: boolean, readonly say?: (line: string) => void }} BuildOptions
 * @typedef {{ readonly built: string[], readonly upToDate: string[], readonly ms: number }} BuildReport
 */

/**
 * Builds the service and (with `web`) the dashboard when stale. `quiet` hides the compilers' output unless
 * they fail; `say` receives one summary line ("up to date" or what was built, and how long it took).
 * @param {BuildOptions} [options]
 * @returns {BuildReport}
 */
function buildIfStale(options = {}) {
  const started = process.hrtime.bigint();
  /** @type {string[]} */
  const built = [];
  /** @type {string[]} */
  const upToDate = [];

  const server = fingerprint(serverInputs());
  if (server !== stampOf(SERVER_STAMP) || !existsSync(SERVER_ENTRY)) {
    // An incomplete dist (a main.js deleted by hand) is not what tsc --build's record says: start over.
    if (!existsSync(SERVER_ENTRY)) rmSync(TS_BUILD_INFO, { force: true });
    run('typescript/bin/tsc', ['--build', 'tsconfig.build.json'], options.quiet ?? false);
    run('tsc-alias/dist/bin/index.js', ['-p', 'tsconfig.build.json'], options.quiet ?? false);
    writeFileSync(SERVER_STAMP, `${server}\n`);
    built.push('service');
  } else upToDate.push('service');

  if (options.web) {
    const web = fingerprint(webInputs());
    if (web !== stampOf(WEB_STAMP) || !existsSync(join(DIST, 'web', 'index.html'))) {
      run(
        'vite/bin/vite.js',
        ['build', '--config', 'apps/platform/web/vite.config.mts'],
        options.quiet ?? false,
      );
      mkdirSync(dirname(WEB_STAMP), { recursive: true });
      writeFileSync(WEB_STAMP, `${web}\n`);
      built.push('dashboard');
    } else upToDate.push('dashboard');
  }

  const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  const parts = [
    ...(built.length > 0 ? [`built ${built.join(' and ')}`] : []),
    ...(upToDate.length > 0 ? [`${upToDate.join(' and ')} up to date`] : []),
  ];
  options.say?.(`build: ${parts.join('; ')} (${ms} ms)`);
  return { built, upToDate, ms };
}

module.exports = { buildIfStale, fingerprint, serverInputs, webInputs, SERVER_ENTRY };
